import type { ServerResponse } from 'node:http';
import type { SandboxResponse } from './sandbox-response';

/** Writes a sandbox's answer as it is: its own status, headers and bytes (no problem+json wrapping). */
export function sendSandboxResponse(response: ServerResponse, answer: SandboxResponse): void {
  if (response.headersSent || response.destroyed) return;
  response.statusCode = answer.status;
  for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
  response.end(answer.body ?? undefined);
}
