import { type DynamicModule, type InjectionToken, Module, type Provider } from '@nestjs/common';
import { CatalogWorld, hash3, Prng, seedOf } from '@supply-hub/sim-catalog-data';
import { SimAdmin } from './admin/sim-admin';
import { type CarrierPushTransport, httpFormPush } from './carrier/carrier-push-delivery';
import { type CallbackTransport, httpCallbackPost } from './http/callback-delivery';
import { CarrierSandbox } from './carrier/carrier-sandbox';
import { FaultPolicy } from './faults/fault-policy';
import { BrandFeeds } from './feeds/brand-feeds';
import { JdMessageQueue } from './jd/jd-messages';
import { JdOrderMethods } from './jd/jd-order-methods';
import { DEFAULT_JD_ORDER_SETTINGS } from './jd/jd-order-settings';
import { JdOrderBook } from './jd/jd-orders';
import { JdPools } from './jd/jd-pools';
import { JdSandbox } from './jd/jd-sandbox';
import { JdTokenStore } from './jd/jd-token-store';
import { Delays } from './simulation/delays';
import { SandboxGate } from './simulation/sandbox-gate';
import { SIM_CLOCK, SIM_RANDOM, SIM_SETTINGS, type SimSettings } from './simulation/sim-settings';
import { FuluGateway } from './recharge/fulu-gateway';
import { JuheApi } from './recharge/juhe-api';
import { RechargeSandbox } from './recharge/recharge-sandbox';
import { RequestStats } from './stats/request-stats';
import { TaobaoGateway } from './taobao/taobao-gateway';
import { TaobaoMethods } from './taobao/taobao-methods';

const SALT_FAULTS = 97;

type Clock = () => number;

export interface SandboxesModuleOptions {
  /** What useFactory receives (e.g. SERVICE_CONFIG). */
  inject?: InjectionToken[];
  useFactory: (...args: never[]) => SimSettings;
  /** Time for token expiry, Taobao's timestamp window and change rounds (default Date.now). */
  clock?: Clock;
  /** Fault decisions' randomness (default: a generator seeded from the settings' seed). */
  random?: () => number;
  /** How the carrier sandbox sends its pushes (default: HTTP form POST with fetch). */
  carrierTransport?: CarrierPushTransport;
  /** How the recharge sandboxes send their notifies (default: HTTP POST with fetch). */
  rechargeTransport?: CallbackTransport;
}

/**
 * The sandboxes and their shared state (the world, faults, counters), built from SimSettings. Plain
 * classes wired by factories: the protocol logic stays framework-free and unit-testable, and the app's
 * controllers only pass requests in and answers out.
 */
@Module({})
export class SandboxesModule {
  static forRootAsync(options: SandboxesModuleOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: SIM_SETTINGS, inject: options.inject ?? [], useFactory: options.useFactory },
      { provide: SIM_CLOCK, useValue: options.clock ?? Date.now },
      {
        provide: SIM_RANDOM,
        inject: [SIM_SETTINGS],
        useFactory: (settings: SimSettings) => {
          if (options.random) return options.random;
          const prng = new Prng(hash3(seedOf(settings.seed), SALT_FAULTS, 0));
          return () => prng.next();
        },
      },
      {
        provide: CatalogWorld,
        inject: [SIM_SETTINGS, SIM_CLOCK],
        useFactory: (settings: SimSettings, clock: Clock) =>
          new CatalogWorld({ seed: settings.seed, skus: settings.skus, malformedRate: settings.malformedRate, clock }),
      },
      { provide: RequestStats, useFactory: () => new RequestStats() },
      { provide: Delays, useFactory: () => new Delays() },
      { provide: FaultPolicy, inject: [SIM_RANDOM, SIM_CLOCK], useFactory: (random: () => number, clock: Clock) => new FaultPolicy(random, clock) },
      {
        provide: SandboxGate,
        inject: [SIM_SETTINGS, FaultPolicy, RequestStats, Delays, CatalogWorld],
        useFactory: (settings: SimSettings, policy: FaultPolicy, stats: RequestStats, delays: Delays, world: CatalogWorld) =>
          new SandboxGate(settings.faults, policy, stats, delays, world),
      },
      {
        provide: JdTokenStore,
        inject: [SIM_SETTINGS, SIM_CLOCK],
        useFactory: (settings: SimSettings, clock: Clock) => new JdTokenStore(settings.jd, clock),
      },
      { provide: JdPools, inject: [CatalogWorld], useFactory: (world: CatalogWorld) => new JdPools(world) },
      {
        provide: JdMessageQueue,
        inject: [CatalogWorld, JdPools],
        useFactory: (world: CatalogWorld, pools: JdPools) => {
          const queue = new JdMessageQueue((index) => pools.poolOf(index));
          // Every change round, whoever triggers it (admin API or changesBetweenPages), reaches the queue.
          world.onChange((round) => queue.enqueue(round));
          return queue;
        },
      },
      {
        provide: JdOrderBook,
        inject: [SIM_SETTINGS, JdMessageQueue, SIM_CLOCK],
        useFactory: (settings: SimSettings, messages: JdMessageQueue, clock: Clock) =>
          new JdOrderBook(settings.jdOrders ?? DEFAULT_JD_ORDER_SETTINGS, settings.seed, messages, clock),
      },
      {
        provide: JdSandbox,
        inject: [CatalogWorld, SandboxGate, JdTokenStore, JdMessageQueue, JdPools, SIM_SETTINGS, JdOrderBook],
        useFactory: (
          world: CatalogWorld,
          gate: SandboxGate,
          tokens: JdTokenStore,
          messages: JdMessageQueue,
          pools: JdPools,
          settings: SimSettings,
          orders: JdOrderBook,
        ) => new JdSandbox(world, gate, tokens, messages, pools, settings.jd, new JdOrderMethods(world, orders)),
      },
      { provide: TaobaoMethods, inject: [CatalogWorld, SandboxGate], useFactory: (world: CatalogWorld, gate: SandboxGate) => new TaobaoMethods(world, gate) },
      {
        provide: TaobaoGateway,
        inject: [SandboxGate, TaobaoMethods, SIM_SETTINGS, SIM_CLOCK],
        useFactory: (gate: SandboxGate, methods: TaobaoMethods, settings: SimSettings, clock: Clock) =>
          new TaobaoGateway(gate, methods, settings.taobao, clock),
      },
      { provide: BrandFeeds, inject: [CatalogWorld, SandboxGate], useFactory: (world: CatalogWorld, gate: SandboxGate) => new BrandFeeds(world, gate) },
      {
        provide: CarrierSandbox,
        inject: [SIM_SETTINGS, SandboxGate, SIM_CLOCK, SIM_RANDOM],
        useFactory: (settings: SimSettings, gate: SandboxGate, clock: Clock, random: () => number) =>
          new CarrierSandbox(settings.carrier, settings.seed, gate, clock, random, options.carrierTransport ?? httpFormPush),
      },
      {
        provide: RechargeSandbox,
        inject: [SIM_SETTINGS, SIM_CLOCK, SIM_RANDOM],
        useFactory: (settings: SimSettings, clock: Clock, random: () => number) =>
          new RechargeSandbox(settings.recharge, settings.seed, clock, random, options.rechargeTransport ?? httpCallbackPost),
      },
      {
        provide: FuluGateway,
        inject: [SandboxGate, RechargeSandbox, SIM_SETTINGS, SIM_CLOCK],
        useFactory: (gate: SandboxGate, recharge: RechargeSandbox, settings: SimSettings, clock: Clock) =>
          new FuluGateway(gate, recharge.books.fulu, settings.recharge.fulu, clock),
      },
      {
        provide: JuheApi,
        inject: [SandboxGate, RechargeSandbox, SIM_SETTINGS],
        useFactory: (gate: SandboxGate, recharge: RechargeSandbox, settings: SimSettings) => new JuheApi(gate, recharge.books.juhe, settings.recharge.juhe),
      },
      {
        provide: SimAdmin,
        inject: [CatalogWorld, SandboxGate, RequestStats, JdMessageQueue, JdTokenStore, TaobaoMethods, CarrierSandbox, JdOrderBook, RechargeSandbox],
        useFactory: (
          world: CatalogWorld,
          gate: SandboxGate,
          stats: RequestStats,
          messages: JdMessageQueue,
          tokens: JdTokenStore,
          taobao: TaobaoMethods,
          carrier: CarrierSandbox,
          jdOrders: JdOrderBook,
          recharge: RechargeSandbox,
        ) => new SimAdmin(world, gate, stats, messages, tokens, taobao, carrier, jdOrders, recharge),
      },
    ];
    return {
      module: SandboxesModule,
      providers,
      exports: [JdSandbox, JdOrderBook, TaobaoGateway, BrandFeeds, CarrierSandbox, RechargeSandbox, FuluGateway, JuheApi, SimAdmin, CatalogWorld, SIM_SETTINGS],
    };
  }
}
