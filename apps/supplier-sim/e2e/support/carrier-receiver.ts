import { CARRIER_PUSH_ACK } from '@supply-hub/supplier-protocols';
import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface ReceivedPush {
  path: string;
  contentType: string | undefined;
  form: Record<string, string>;
}

/** What the receiver answers to a push: status and body. */
export type ReceiverAnswer = (push: ReceivedPush, index: number) => { status: number; body: string };

export const acknowledge: ReceiverAnswer = () => ({ status: 200, body: JSON.stringify(CARRIER_PUSH_ACK) });

/**
 * A mall-side endpoint for the carrier's pushes: a plain node:http server on a free loopback port that
 * keeps every form it receives and answers as told (the success JSON unless the test says otherwise).
 */
export class CarrierReceiver {
  readonly pushes: ReceivedPush[] = [];
  answer: ReceiverAnswer = acknowledge;
  private server: Server | undefined;
  private port = 0;

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      void readBody(request).then((text) => {
        const push: ReceivedPush = {
          path: request.url ?? '/',
          contentType: request.headers['content-type'],
          form: Object.fromEntries(new URLSearchParams(text)),
        };
        this.pushes.push(push);
        const { status, body } = this.answer(push, this.pushes.length - 1);
        response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(body);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  url(path = '/carrier/pushes'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** The pushes one tracking number's callback path received. */
  pushesTo(path: string): ReceivedPush[] {
    return this.pushes.filter((push) => push.path === path);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
