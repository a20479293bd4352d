/**
 * Where a mall may ask us to deliver webhooks: HTTPS only, because the body carries order data and the
 * signature proves origin, not secrecy. Plain http is allowed for localhost alone, and only where the
 * service is configured for local demos. Credentials in the URL would end up in our logs and records.
 */
export function webhookUrlProblem(raw: string, options: { allowHttpLocalhost: boolean }): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.username || url.password) return 'must not contain credentials';
  if (url.hash) return 'must not contain a fragment';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLocalhost(url.hostname)) {
    return options.allowHttpLocalhost ? undefined : 'must use https (http://localhost is allowed only in local development)';
  }
  return 'must use https';
}

function isLocalhost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/** Whether an endpoint subscribed to an event type; an empty list means every type. */
export function endpointAccepts(endpoint: { eventTypes: readonly string[] }, eventType: string): boolean {
  return endpoint.eventTypes.length === 0 || endpoint.eventTypes.includes(eventType);
}
