import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '@supply-hub/auth';

export const WEBHOOK_EVENT_ID_HEADER = 'SupplyHub-Event-Id';
export const WEBHOOK_EVENT_TYPE_HEADER = 'SupplyHub-Event-Type';
export const WEBHOOK_USER_AGENT = 'supply-hub-webhooks/1';

export interface WebhookRequestInput {
  secret: string;
  /** The exact bytes sent: the signature covers them, so nothing may re-serialise them afterwards. */
  body: string;
  eventId: string;
  eventType: string;
  /** The `t=` of the signature: the time of this attempt, so each retry is signed afresh. */
  timestampSeconds: number;
}

/** The headers of one delivery attempt: the signature over "<t>.<body>", the event's id (the mall dedupes by it) and type. */
export function webhookRequestHeaders(input: WebhookRequestInput): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': WEBHOOK_USER_AGENT,
    [WEBHOOK_SIGNATURE_HEADER]: signWebhook(input.secret, input.timestampSeconds, input.body),
    [WEBHOOK_EVENT_ID_HEADER]: input.eventId,
    [WEBHOOK_EVENT_TYPE_HEADER]: input.eventType,
  };
}
