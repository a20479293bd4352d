import type { Provider } from '@nestjs/common';
import { type AftersalesDependencies, CaseActions, CaseCommands, type Clock, EscalateOverdueCases, OpenCase, RecordOrderEvents, systemClock } from '@supply-hub/aftersales-application';
import { CaseStore, OrderedLineStore } from '@supply-hub/aftersales-data-access';
import { parseCasePolicy } from '@supply-hub/aftersales-domain';
import { driverDbProvider, MongoOutboxStore } from '@supply-hub/mongo';
import { SERVICE_CONFIG } from '@supply-hub/platform';
import { DEFAULT_WAREHOUSES, parseWarehousesConfig } from '@supply-hub/warehouses';
import type { Db } from 'mongodb';
import type { AftersalesEnv } from '../config/aftersales-env';
import { AFTERSALES_CLOCK_OVERRIDE, AFTERSALES_DB, AFTERSALES_DEPENDENCIES } from './cases.tokens';

export const casesProviders: Provider[] = [
  driverDbProvider(AFTERSALES_DB),
  {
    provide: CaseStore,
    inject: [AFTERSALES_DB, MongoOutboxStore],
    useFactory: async (db: Db, outbox: MongoOutboxStore) => {
      const store = new CaseStore(db, outbox);
      await store.ensureIndexes();
      return store;
    },
  },
  { provide: OrderedLineStore, inject: [AFTERSALES_DB], useFactory: (db: Db) => new OrderedLineStore(db) },
  {
    provide: AFTERSALES_DEPENDENCIES,
    inject: [CaseStore, OrderedLineStore, SERVICE_CONFIG, { token: AFTERSALES_CLOCK_OVERRIDE, optional: true }],
    useFactory: (cases: CaseStore, lines: OrderedLineStore, config: AftersalesEnv, clock: Clock | undefined): AftersalesDependencies => ({
      cases,
      lines,
      policy: parseCasePolicy(config.AFTERSALES_POLICY),
      warehouses: config.WAREHOUSES ? parseWarehousesConfig(config.WAREHOUSES) : DEFAULT_WAREHOUSES,
      clock: clock ?? systemClock,
    }),
  },
  { provide: CaseCommands, inject: [AFTERSALES_DEPENDENCIES], useFactory: (deps: AftersalesDependencies) => new CaseCommands(deps) },
  { provide: OpenCase, inject: [AFTERSALES_DEPENDENCIES], useFactory: (deps: AftersalesDependencies) => new OpenCase(deps) },
  { provide: CaseActions, inject: [CaseCommands], useFactory: (commands: CaseCommands) => new CaseActions(commands) },
  {
    provide: RecordOrderEvents,
    inject: [AFTERSALES_DEPENDENCIES, CaseCommands],
    useFactory: (deps: AftersalesDependencies, commands: CaseCommands) => new RecordOrderEvents(deps, commands),
  },
  {
    provide: EscalateOverdueCases,
    inject: [AFTERSALES_DEPENDENCIES, CaseCommands],
    useFactory: (deps: AftersalesDependencies, commands: CaseCommands) => new EscalateOverdueCases(deps, commands),
  },
];
