import type { HttpClient } from '@supply-hub/http-client';
import { createJdClient } from '@supply-hub/supplier-clients';
import type { SourceDependencies } from '../shared/source-dependencies';
import { JdOfferReader } from './jd-offer-reader';
import { type JdSourceConfigInput, jdSourceConfigSchema } from './jd-source-config';
import { JdSupplierSource } from './jd-supplier-source';

export function createJdSupplierSource(input: JdSourceConfigInput, dependencies: SourceDependencies = {}): { source: JdSupplierSource; http: HttpClient } {
  const config = jdSourceConfigSchema.parse(input);
  // The shared JD client (token handling, JD's in-band busy answers retried): one way to call JD.
  const { client, http } = createJdClient(config, dependencies);
  return { source: new JdSupplierSource(config, client, new JdOfferReader(config, client)), http };
}
