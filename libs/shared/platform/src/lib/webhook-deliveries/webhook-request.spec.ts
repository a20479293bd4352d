import { verifyWebhook, WEBHOOK_SIGNATURE_HEADER } from '@supply-hub/auth';
import { createHmac } from 'node:crypto';
import { WEBHOOK_EVENT_ID_HEADER, WEBHOOK_EVENT_TYPE_HEADER, webhookRequestHeaders } from './webhook-request';

describe('webhook request headers', () => {
  const secret = 'whsec_unit-test-secret';
  const body = JSON.stringify({ id: 'evt-1', type: 'supplyhub.order.routed.v1', time: '2026-11-22T04:00:00.000Z', data: { orderId: 'o-1' } });
  const headers = webhookRequestHeaders({ secret, body, eventId: 'evt-1', eventType: 'supplyhub.order.routed.v1', timestampSeconds: 1_795_000_000 });

  it('signs "<t>.<body>" with HMAC-SHA256 of the endpoint secret', () => {
    const expected = createHmac('sha256', secret).update(`1795000000.${body}`).digest('hex');
    expect(headers[WEBHOOK_SIGNATURE_HEADER]).toBe(`t=1795000000,v1=${expected}`);
    expect(headers['SupplyHub-Signature']).toBeDefined();
  });

  it('verifies with the auth lib, and not with a changed body or another secret', () => {
    const header = headers[WEBHOOK_SIGNATURE_HEADER] as string;
    expect(verifyWebhook(secret, header, body, { nowSeconds: 1_795_000_010 })).toEqual({ valid: true, timestampSeconds: 1_795_000_000 });
    expect(verifyWebhook(secret, header, body.replace('o-1', 'o-2'), { nowSeconds: 1_795_000_010 }).valid).toBe(false);
    expect(verifyWebhook('whsec_other', header, body, { nowSeconds: 1_795_000_010 }).valid).toBe(false);
  });

  it('names the event and the content type', () => {
    expect(headers[WEBHOOK_EVENT_ID_HEADER]).toBe('evt-1');
    expect(headers[WEBHOOK_EVENT_TYPE_HEADER]).toBe('supplyhub.order.routed.v1');
    expect(headers['content-type']).toBe('application/json');
    expect(Object.keys(headers).sort()).toEqual(['SupplyHub-Event-Id', 'SupplyHub-Event-Type', 'SupplyHub-Signature', 'content-type', 'user-agent']);
  });
});
