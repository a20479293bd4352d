import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { DependencyUnavailableError } from '@supply-hub/errors';
import { HttpClient, UpstreamRejectedError, upstreamFailureKindOf } from '@supply-hub/http-client';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { WEBHOOK_DELIVERY_SETTINGS, type WebhookDeliverySettings } from './webhook-delivery-settings';
import { webhookRequestHeaders } from './webhook-request';

export interface WebhookTarget {
  endpointId: string;
  url: string;
  secret: string;
}

export interface WebhookMessage {
  eventId: string;
  eventType: string;
  /** The event as stored at dispatch. */
  body: string;
}

export type SendResult =
  | { kind: 'attempted'; statusCode: number | null; error: string | null; durationMs: number }
  /** The endpoint's breaker is open: nothing was sent, so no attempt is spent. */
  | { kind: 'breaker-open' };

/**
 * POSTs one attempt through the shared HttpClient: its timeout, and a breaker per endpoint
 * (`webhook:<endpointId>`), so a mall that is down stops costing a connection per queued event. The
 * client does not retry (maxAttempts 1): retries are the durable schedule's job, minutes or hours apart.
 */
@Injectable()
export class WebhookSender implements OnModuleDestroy {
  private readonly client: HttpClient;

  constructor(@Inject(WEBHOOK_DELIVERY_SETTINGS) settings: WebhookDeliverySettings) {
    this.client = new HttpClient({
      name: 'webhooks',
      baseUrl: '',
      settings: { timeoutMs: settings.timeoutMs, retry: { maxAttempts: 1 } },
    });
  }

  async send(target: WebhookTarget, message: WebhookMessage, timestampSeconds: number): Promise<SendResult> {
    // The client serialises `json` itself: sign exactly the text it will send.
    const json: unknown = JSON.parse(message.body);
    const body = JSON.stringify(json);
    const headers = webhookRequestHeaders({ secret: target.secret, body, eventId: message.eventId, eventType: message.eventType, timestampSeconds });
    const started = performance.now();
    const durationMs = () => Math.round(performance.now() - started);
    try {
      const response = await this.client.request<Readable>({
        endpoint: `webhook:${target.endpointId}`,
        method: 'POST',
        path: target.url,
        json,
        headers,
        // Only the status counts: the answer's body is never read, whatever its size.
        responseType: 'stream',
        maxAttempts: 1,
      });
      response.data.destroy();
      return { kind: 'attempted', statusCode: response.status, error: null, durationMs: durationMs() };
    } catch (error) {
      if (upstreamFailureKindOf(error) === 'breaker-open') return { kind: 'breaker-open' };
      return { kind: 'attempted', ...describeFailure(error), durationMs: durationMs() };
    }
  }

  onModuleDestroy(): void {
    this.client.close();
  }
}

function describeFailure(error: unknown): { statusCode: number | null; error: string } {
  if (error instanceof UpstreamRejectedError) return { statusCode: error.status, error: `HTTP ${error.status}` };
  if (error instanceof DependencyUnavailableError) {
    const status = error.details['lastStatus'];
    const reason = error.details['lastError'];
    return { statusCode: typeof status === 'number' ? status : null, error: truncate(typeof reason === 'string' ? reason : error.message) };
  }
  return { statusCode: null, error: truncate(error instanceof Error ? error.message : String(error)) };
}

function truncate(text: string): string {
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}
