import type { Provider } from '@nestjs/common';
import {
  type Clock,
  type CodesDependencies,
  CouponSystems,
  ImportCodeBatch,
  IssueVirtualLine,
  PoolReport,
  RevealCodes,
  PoolUpkeep,
  ReissueVirtualLine,
  SettleProviderNotify,
  SweepIssuances,
  systemClock,
} from '@supply-hub/codes-application';
import {
  CodeAllocationStore,
  CodeBatchStore,
  CodeLaneStore,
  CodePool,
  CodeRevealStore,
  CodeStore,
  CouponSystemStore,
  IssuanceStore,
  VirtualProductStore,
} from '@supply-hub/codes-data-access';
import { type CodeKeyRing, parseCodeKeyRing } from '@supply-hub/codes-domain';
import { createRechargeProviders, localSandboxRechargeProviders, parseRechargeProvidersConfig } from '@supply-hub/codes-providers';
import { driverDbProvider, MongoOutboxStore } from '@supply-hub/mongo';
import { SERVICE_CONFIG } from '@supply-hub/platform';
import type { Db } from 'mongodb';
import type { VirtualCodesEnv } from '../config/virtual-codes-env';
import { CODE_KEY_RING, CODES_CLOCK_OVERRIDE, CODES_DB, CODES_DEPENDENCIES, RECHARGE_PROVIDER_SET, RECHARGE_PROVIDER_SET_OVERRIDE } from './codes.tokens';
import type { RechargeProviderSet } from './recharge-provider-set';

const useCase = <T>(type: new (deps: CodesDependencies) => T): Provider => ({ provide: type, inject: [CODES_DEPENDENCIES], useFactory: (deps: CodesDependencies) => new type(deps) });

export const codesProviders: Provider[] = [
  driverDbProvider(CODES_DB),
  {
    provide: RECHARGE_PROVIDER_SET,
    inject: [SERVICE_CONFIG, { token: RECHARGE_PROVIDER_SET_OVERRIDE, optional: true }],
    useFactory: (config: VirtualCodesEnv, override: RechargeProviderSet | undefined): RechargeProviderSet => {
      if (override) return override;
      const configured = config.RECHARGE_PROVIDERS ? parseRechargeProvidersConfig(config.RECHARGE_PROVIDERS) : localSandboxRechargeProviders(config.SUPPLIER_SIM_URL);
      const base = config.RECHARGE_CALLBACK_BASE_URL?.replace(/\/+$/, '');
      const providers = configured.providers.map((entry) =>
        entry.kind === 'juhe' && !entry.callbackUrl && base ? { ...entry, callbackUrl: `${base}/providers/${entry.id}/notify` } : entry,
      );
      return createRechargeProviders({ ...configured, providers });
    },
  },
  {
    provide: CodeStore,
    inject: [CODES_DB],
    useFactory: async (db: Db) => {
      const store = new CodeStore(db);
      await store.ensureIndexes();
      return store;
    },
  },
  {
    provide: IssuanceStore,
    inject: [CODES_DB, MongoOutboxStore],
    useFactory: async (db: Db, outbox: MongoOutboxStore) => {
      const store = new IssuanceStore(db, outbox);
      await store.ensureIndexes();
      return store;
    },
  },
  {
    provide: CodeRevealStore,
    inject: [CODES_DB],
    useFactory: async (db: Db) => {
      const store = new CodeRevealStore(db);
      await store.ensureIndexes();
      return store;
    },
  },
  {
    provide: CodePool,
    inject: [CODES_DB, CodeStore],
    useFactory: async (db: Db, codes: CodeStore) => {
      const lanes = new CodeLaneStore(db);
      await lanes.ensureIndexes();
      return new CodePool(codes, lanes, new CodeAllocationStore(db));
    },
  },
  { provide: VirtualProductStore, inject: [CODES_DB, MongoOutboxStore], useFactory: (db: Db, outbox: MongoOutboxStore) => new VirtualProductStore(db, outbox) },
  { provide: CodeBatchStore, inject: [CODES_DB], useFactory: (db: Db) => new CodeBatchStore(db) },
  { provide: CouponSystemStore, inject: [CODES_DB], useFactory: (db: Db) => new CouponSystemStore(db) },
  { provide: CODE_KEY_RING, inject: [SERVICE_CONFIG], useFactory: (config: VirtualCodesEnv): CodeKeyRing => parseCodeKeyRing(config.CODE_ENCRYPTION_KEYS) },
  { provide: CouponSystems, inject: [CouponSystemStore, CODE_KEY_RING], useFactory: (store: CouponSystemStore, keys: CodeKeyRing) => new CouponSystems(store, keys) },
  {
    provide: CODES_DEPENDENCIES,
    inject: [IssuanceStore, CodeStore, CodePool, VirtualProductStore, CodeBatchStore, CodeRevealStore, RECHARGE_PROVIDER_SET, CouponSystems, CODE_KEY_RING, SERVICE_CONFIG, { token: CODES_CLOCK_OVERRIDE, optional: true }],
    useFactory: (
      issuances: IssuanceStore,
      codes: CodeStore,
      pool: CodePool,
      products: VirtualProductStore,
      batches: CodeBatchStore,
      reveals: CodeRevealStore,
      providers: RechargeProviderSet,
      couponSystems: CouponSystems,
      keys: CodeKeyRing,
      config: VirtualCodesEnv,
      clock: Clock | undefined,
    ): CodesDependencies => ({
      issuances,
      codes,
      pool,
      products,
      batches,
      reveals,
      keys,
      fingerprintSecret: config.CODE_FINGERPRINT_SECRET,
      providers: { get: (id) => providers.byId(id) },
      couponSystems,
      clock: clock ?? systemClock,
      poolWaitMs: config.POOL_WAIT_MS,
    }),
  },
  useCase(IssueVirtualLine),
  useCase(ReissueVirtualLine),
  useCase(SweepIssuances),
  useCase(SettleProviderNotify),
  useCase(ImportCodeBatch),
  useCase(RevealCodes),
  useCase(PoolReport),
  useCase(PoolUpkeep),
];
