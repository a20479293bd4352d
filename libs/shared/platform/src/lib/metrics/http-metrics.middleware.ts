import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { HttpRequest } from '@supply-hub/http';
import type { ServerResponse } from 'node:http';
import { MetricsService } from './metrics.service';

/**
 * Times every request. The route label is Express's matched pattern (`/orders/:id`), never the raw URL,
 * and requests that matched no route share one label, so the series count stays bounded.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  // @Inject spelled out: this file is not one the lint rule exempts as Nest DI, and the token must stay a value.
  constructor(@Inject(MetricsService) private readonly metrics: MetricsService) {}

  use(request: HttpRequest & { baseUrl?: string }, response: ServerResponse, next: () => void): void {
    const stop = this.metrics.httpRequestDuration.startTimer();
    response.once('finish', () => {
      // Nest answers unknown paths from a catch-all `{/*splat}` route: that is no route of ours either.
      const path = request.route?.path;
      const route = path && !path.includes('*') ? `${request.baseUrl ?? ''}${path}` : 'unmatched';
      stop({ method: request.method ?? 'UNKNOWN', route, status_code: String(response.statusCode) });
    });
    next();
  }
}
