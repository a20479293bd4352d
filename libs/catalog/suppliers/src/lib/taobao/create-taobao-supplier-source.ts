import { HttpClient } from '@supply-hub/http-client';
import type { SourceDependencies } from '../shared/source-dependencies';
import { classifyTaobaoResponse, TaobaoGateway } from './taobao-gateway';
import { type TaobaoSourceConfigInput, taobaoSourceConfigSchema } from './taobao-source-config';
import { TaobaoSupplierSource } from './taobao-supplier-source';

export function createTaobaoSupplierSource(
  input: TaobaoSourceConfigInput,
  dependencies: SourceDependencies = {},
): { source: TaobaoSupplierSource; gateway: TaobaoGateway; http: HttpClient } {
  const config = taobaoSourceConfigSchema.parse(input);
  const http = new HttpClient({
    name: config.id,
    baseUrl: config.baseUrl,
    settings: config.http,
    classifyResponse: classifyTaobaoResponse,
    time: dependencies.time,
    onBreakerStateChange: dependencies.onBreakerStateChange,
  });
  const time = dependencies.time ?? { now: () => Date.now() };
  const gateway = new TaobaoGateway(config, http, time);
  return { source: new TaobaoSupplierSource(config, gateway, time), gateway, http };
}
