import { z } from 'zod';

export const CLOUDEVENTS_SPEC_VERSION = '1.0';
export const EVENT_DATA_CONTENT_TYPE = 'application/json';

/** `supplyhub.<area>.<event>.v<N>`: lower-case, kebab-case words, a version that starts at 1. */
export const EVENT_TYPE_PATTERN = /^supplyhub\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v[1-9][0-9]*$/;

/**
 * A CloudEvents 1.0 event as supply-hub sends it. `subject` is always set (it is the aggregate id, the
 * Kafka message key) and `tenantid` is the CloudEvents extension attribute carried by tenant-owned events.
 */
export interface CloudEvent<T> {
  id: string;
  source: string;
  type: string;
  specversion: typeof CLOUDEVENTS_SPEC_VERSION;
  time: string;
  subject: string;
  datacontenttype: typeof EVENT_DATA_CONTENT_TYPE;
  data: T;
  tenantid?: string;
}

/**
 * The envelope of any supply-hub event, with `data` left unchecked: enough to route a message by type
 * before the event's own schema validates the data.
 */
export const cloudEventEnvelopeSchema = z.object({
  id: z.string().min(1).max(200),
  source: z.string().min(1),
  type: z.string().regex(EVENT_TYPE_PATTERN, 'must be supplyhub.<area>.<event>.v<N>'),
  specversion: z.literal(CLOUDEVENTS_SPEC_VERSION),
  // RFC 3339, as CloudEvents requires; producers write UTC ("Z"), consumers also accept offsets.
  time: z.iso.datetime({ offset: true }),
  subject: z.string().min(1),
  datacontenttype: z.literal(EVENT_DATA_CONTENT_TYPE),
  data: z.unknown(),
  tenantid: z.string().min(1).optional(),
});
