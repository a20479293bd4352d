import type { ServerResponse } from 'node:http';

/** A few headers that cost nothing (helmet's essentials without the dependency). */
export function securityHeaders(_request: unknown, response: ServerResponse, next: () => void): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
  next();
}
