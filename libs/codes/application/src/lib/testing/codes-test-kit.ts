import { randomBytes } from 'node:crypto';
import { parseCodeKeyRing, type VirtualProduct } from '@supply-hub/codes-domain';
import {
  CodeAllocationStore,
  CodeBatchStore,
  CodeLaneStore,
  CodePool,
  CodeRevealStore,
  CodeStore,
  ISSUANCES_COLLECTION,
  IssuanceStore,
  VIRTUAL_PRODUCTS_COLLECTION,
  VirtualProductStore,
} from '@supply-hub/codes-data-access';
import { MongoOutboxStore } from '@supply-hub/mongo';
import type { Db } from 'mongodb';
import type { CodesDependencies } from '../shared/codes-dependencies';
import type { ScriptedRechargeProvider } from './scripted-recharge-provider';

/** A clock a spec moves by hand. */
export class ManualClock {
  constructor(private at: Date) {}

  now(): Date {
    return new Date(this.at);
  }

  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

/** virtual-codes' use-case dependencies on a test database, with scripted providers. */
export async function codesDependencies(db: Db, providers: ScriptedRechargeProvider[], clock: ManualClock, poolWaitMs = 600_000): Promise<CodesDependencies> {
  const outbox = new MongoOutboxStore(db, [ISSUANCES_COLLECTION, VIRTUAL_PRODUCTS_COLLECTION]);
  const codes = new CodeStore(db);
  await codes.ensureIndexes();
  const issuances = new IssuanceStore(db, outbox);
  await issuances.ensureIndexes();
  const byId = new Map(providers.map((provider) => [provider.id, provider]));
  return {
    issuances,
    codes,
    // No lane cache: a spec's import is seen by the next allocation at once.
    pool: new CodePool(codes, new CodeLaneStore(db), new CodeAllocationStore(db), 0),
    products: new VirtualProductStore(db, outbox),
    batches: new CodeBatchStore(db),
    reveals: new CodeRevealStore(db),
    keys: parseCodeKeyRing(`k1:${randomBytes(32).toString('base64')}`),
    fingerprintSecret: randomBytes(32).toString('hex'),
    providers: { get: (id) => byId.get(id) },
    // A mall with a coupon system answers through the scripted provider `coupons:<tenant>`, when there is one.
    couponSystems: { providerFor: async (tenantId) => byId.get(`coupons:${tenantId}`) },
    clock,
    poolWaitMs,
  };
}

export const POOL_PRODUCT: VirtualProduct = { skuId: 'sku-iqiyi-month', name: '爱奇艺黄金会员月卡', fulfilment: 'pool', faceValueFen: 2500, providers: [], lowStockThreshold: 3 };

export const TOP_UP_PRODUCT: VirtualProduct = {
  skuId: 'sku-hf-50',
  name: '中国移动话费 50 元',
  fulfilment: 'top-up',
  faceValueFen: 5000,
  accountKind: 'mobile',
  providers: [
    { providerId: 'fulu', providerProductId: '10050' },
    { providerId: 'juhe', providerProductId: '50' },
  ],
};

/** A CSV of `count` codes `<prefix>-0001`…, with passwords. */
export function codesCsv(prefix: string, count: number, from = 1): string {
  const rows = Array.from({ length: count }, (_, index) => `${prefix}-${String(from + index).padStart(4, '0')},pw${from + index}`);
  return ['code,password', ...rows].join('\n');
}
