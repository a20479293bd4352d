/** What a sandbox answers, before it is written to the socket: protocol logic never touches Express. */
export interface SandboxResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer | null;
}

export function jsonResponse(value: unknown, status = 200, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(value) };
}

export function textResponse(body: string | Buffer, contentType: string, status = 200, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { 'Content-Type': contentType, ...headers }, body };
}
