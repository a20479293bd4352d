import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValidationError } from '@supply-hub/errors';
import type { Output } from './output';
import { qualityCommand } from './quality.command';

interface Received {
  method: string;
  url: string;
  contentType: string | undefined;
  authorization: string | undefined;
  body: string;
}

/** catalog-sync stood in for by a local HTTP server answering what each test sets. */
describe('supply-hub quality qualifications', () => {
  let server: Server;
  let url: string;
  let directory: string;
  let answer: { status: number; body: unknown };
  const received: Received[] = [];
  const lines: string[] = [];
  const output: Output = {
    line: (text) => void lines.push(text),
    json: (value) => void lines.push(JSON.stringify(value)),
    table: (_, rows) => void lines.push(...rows.map((row) => row.join('|'))),
    note: (text) => void lines.push(`note: ${text}`),
  };
  const run = (...args: string[]) =>
    qualityCommand(output)
      .exitOverride()
      .parseAsync(['qualifications', ...args, '--url', url], { from: 'user' });

  beforeAll(async () => {
    process.env.STAFF_TOKEN_SECRET = 'a-test-secret-of-at-least-32-characters';
    directory = await mkdtemp(join(tmpdir(), 'quals-'));
    server = createServer(async (request: IncomingMessage, response) => {
      let body = '';
      for await (const chunk of request) body += String(chunk);
      received.push({
        method: request.method!,
        url: request.url!,
        contentType: request.headers['content-type'],
        authorization: request.headers.authorization,
        body,
      });
      response.writeHead(answer.status, { 'content-type': answer.status >= 400 ? 'application/problem+json' : 'application/json' });
      response.end(JSON.stringify(answer.body));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.close();
    await rm(directory, { recursive: true, force: true });
  });

  beforeEach(() => {
    received.length = 0;
    lines.length = 0;
  });

  it('sends the file as text/csv with a quality token and prints the counts', async () => {
    const file = join(directory, 'ok.csv');
    await writeFile(file, 'supplierId,kind,brand,validFrom,validUntil,documentRef\njd,business-licence,,2026-01-01,2030-12-31,91110000MA01\n');
    answer = { status: 200, body: { recorded: 1, alreadyRecorded: 0, restoredSkuIds: ['sku_1', 'sku_2'] } };
    await run('import', file, '--as', 'quality-zhao');
    expect(received).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: '/qualifications/import',
        contentType: 'text/csv',
        body: expect.stringContaining('jd,business-licence,,2026-01-01'),
      }),
    ]);
    const token = received[0]!.authorization!.replace(/^Bearer /, '');
    expect(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString())).toMatchObject({ sub: 'quality-zhao', roles: ['quality'] });
    expect(lines).toEqual(['recorded:         1', 'already recorded: 0', 'SKUs reinstated:  2']);
  });

  it('fails with every row error of a 400 (main prints them and exits non-zero)', async () => {
    const file = join(directory, 'broken.csv');
    await writeFile(file, 'supplierId,kind,brand,validFrom,validUntil\njd,brand-authorisation,,2026-01-01,2026-12-31\n');
    const errors = [
      { path: 'row 2.brand', message: 'is required for a brand-authorisation' },
      { path: 'row 3.validUntil', message: 'must not be before validFrom (2026-01-01)' },
    ];
    answer = { status: 400, body: { title: 'Bad Request', detail: 'the CSV has 2 problem(s); nothing was recorded', errors } };
    const failure = await run('import', file).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ValidationError);
    expect((failure as ValidationError).message).toBe('POST /qualifications/import: 400 the CSV has 2 problem(s); nothing was recorded');
    expect((failure as ValidationError).issues).toEqual(errors);
    expect(lines).toEqual([]);
  });

  it('refuses a file it cannot read without calling the service', async () => {
    await expect(run('import', join(directory, 'absent.csv'))).rejects.toThrow(/cannot read .*absent\.csv: ENOENT/);
    expect(received).toEqual([]);
  });

  it('prints the warning list as a table', async () => {
    answer = {
      status: 200,
      body: {
        withinDays: 14,
        items: [{ qualification: { supplierId: 'jd', kind: 'brand-authorisation', brand: '美的', validUntil: '2026-09-30', documentRef: null }, daysLeft: 9 }],
      },
    };
    await run('expiring', '--within', '14');
    expect(received[0]).toMatchObject({ method: 'GET', url: '/qualifications/expiring?withinDays=14' });
    expect(lines).toEqual(['jd|brand-authorisation|美的|2026-09-30|9|']);
  });
});
