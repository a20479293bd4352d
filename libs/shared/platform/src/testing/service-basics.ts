import type { TestService } from './start-test-service';

export interface ServiceBasicsOptions {
  /** Dependencies /health must report as up. */
  healthChecks: string[];
  /** The OpenAPI title (the service name). */
  title: string;
}

/**
 * The conventions every running service shows, asserted in each app's e2e spec: /health with its
 * dependencies up, /docs (Swagger UI) and /docs-json, /metrics in Prometheus text format with the
 * service label, and problem+json for an unknown route.
 */
export function describeServiceBasics(service: () => TestService, options: ServiceBasicsOptions): void {
  describe('service basics', () => {
    it(`answers /health with ${options.healthChecks.join(' and ')} up`, async () => {
      const response = await service().http.get('/health').expect(200);
      expect(response.body.status).toBe('ok');
      for (const check of options.healthChecks) expect(response.body.info[check]).toMatchObject({ status: 'up' });
      expect(Object.keys(response.body.info).sort()).toEqual([...options.healthChecks].sort());
    });

    it('serves its OpenAPI document at /docs and /docs-json', async () => {
      const page = await service().http.get('/docs/').expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.text).toContain('swagger-ui');
      const document = await service().http.get('/docs-json').expect(200);
      expect(document.body.openapi).toMatch(/^3\./);
      expect(document.body.info.title).toBe(options.title);
      expect(document.body.paths['/health']).toBeDefined();
    });

    it('exposes Prometheus metrics at /metrics, counting the requests it served', async () => {
      await service().http.get('/health').expect(200);
      const response = await service().http.get('/metrics').expect(200);
      expect(response.headers['content-type']).toMatch(/text\/plain/);
      expect(response.text).toContain(`process_cpu_user_seconds_total{service="${options.title}"}`);
      expect(response.text).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/health"[^}]*\} [1-9]/);
    });

    it('answers an unknown route with problem+json 404', async () => {
      const response = await service().http.get('/no-such-route').set('X-Api-Key', 'sk_tenant_nope').expect(404);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body).toMatchObject({
        status: 404,
        type: expect.stringMatching(/^https?:\/\//),
      });
    });
  });
}
