import { HttpClient, type HttpResponse } from '@supply-hub/http-client';
import { isJdRetryableFailure, jdEnvelopeSchema } from '@supply-hub/supplier-protocols';
import type { SourceDependencies } from '../shared/source-dependencies';
import { JdClient } from './jd-client';
import { JdOfferReader } from './jd-offer-reader';
import { type JdSourceConfigInput, jdSourceConfigSchema } from './jd-source-config';
import { JdSupplierSource } from './jd-supplier-source';

/** JD's "platform error" and "quota used up" arrive as 200s; the client retries them like a 503. */
export function classifyJdResponse(response: HttpResponse): { retry: string } | undefined {
  const envelope = jdEnvelopeSchema.safeParse(response.data);
  if (envelope.success && isJdRetryableFailure(envelope.data)) return { retry: `JD ${envelope.data.resultCode} ${envelope.data.resultMessage ?? ''}`.trim() };
  return undefined;
}

export function createJdSupplierSource(input: JdSourceConfigInput, dependencies: SourceDependencies = {}): { source: JdSupplierSource; http: HttpClient } {
  const config = jdSourceConfigSchema.parse(input);
  const http = new HttpClient({
    name: config.id,
    baseUrl: config.baseUrl,
    settings: config.http,
    classifyResponse: classifyJdResponse,
    time: dependencies.time,
    onBreakerStateChange: dependencies.onBreakerStateChange,
  });
  const client = new JdClient(config, http, dependencies.time ?? { now: () => Date.now() });
  return { source: new JdSupplierSource(config, client, new JdOfferReader(config, client)), http };
}
