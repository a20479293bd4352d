import { type CatalogWorld, CHANGE_KINDS, type ChangeKind, type ChangeRound } from '@supply-hub/sim-catalog-data';
import { formatBeijingTime } from '@supply-hub/supplier-protocols';
import type { CarrierSandbox } from '../carrier/carrier-sandbox';
import type { FaultSettingsByFamily, FaultSettingsPatch } from '../faults/fault-settings';
import type { JdMessageQueue } from '../jd/jd-messages';
import type { JdOrderBook } from '../jd/jd-orders';
import type { JdTokenStore } from '../jd/jd-token-store';
import type { RechargeSandbox } from '../recharge/recharge-sandbox';
import type { SandboxGate } from '../simulation/sandbox-gate';
import type { RequestStats } from '../stats/request-stats';
import type { TaobaoMethods } from '../taobao/taobao-methods';
import type { ChangeRequest } from './sim-admin.schemas';

const SAMPLE_IDS = 5;

export interface ChangeSummary {
  round: number;
  at: string;
  /** The same instant as JD messages and Taobao's modified write it. */
  atBeijing: string;
  counts: Record<ChangeKind, number>;
  /** Changes per source and kind. */
  bySource: Record<string, Partial<Record<ChangeKind, number>>>;
  /** A few external ids per source and kind, to look at. */
  samples: Record<string, Partial<Record<ChangeKind, string[]>>>;
  jdMessagesQueued: number;
}

/** The /sim admin API: faults, change rounds, statistics, reset. */
export class SimAdmin {
  constructor(
    private readonly world: CatalogWorld,
    private readonly gate: SandboxGate,
    private readonly stats: RequestStats,
    private readonly jdMessages: JdMessageQueue,
    private readonly jdTokens: JdTokenStore,
    private readonly taobao: TaobaoMethods,
    private readonly carrier: CarrierSandbox,
    private readonly jdOrders: JdOrderBook,
    private readonly recharge: RechargeSandbox,
  ) {}

  faults(): FaultSettingsByFamily {
    return this.gate.allFaults();
  }

  updateFaults(patch: FaultSettingsPatch): FaultSettingsByFamily {
    return this.gate.updateFaults(patch);
  }

  applyChanges(request: ChangeRequest): ChangeSummary {
    const queuedBefore = this.jdMessages.size;
    const round = this.world.applyChanges(request);
    return { ...summarize(round), jdMessagesQueued: this.jdMessages.size - queuedBefore };
  }

  snapshot() {
    return {
      world: {
        seed: this.world.seed,
        skus: this.world.skus,
        sources: Object.fromEntries(
          this.world.sources.map((source) => [source.id, { skus: this.world.count(source.id), version: this.world.version(source.id) }]),
        ),
      },
      jdMessagesPending: this.jdMessages.size,
      jdOrders: this.jdOrders.size,
      rechargeOrders: { fulu: this.recharge.books.fulu.size, juhe: this.recharge.books.juhe.size },
      requests: this.stats.snapshot(),
    };
  }

  /**
   * Back to the seed's world: changes, queued JD messages, JD orders, faults (to their start values),
   * counters, carrier subscriptions, recharge orders and their knobs. Tokens stay valid.
   */
  reset(): { reset: true } {
    this.world.reset();
    this.carrier.reset();
    this.recharge.reset();
    this.jdOrders.reset();
    this.jdMessages.clear();
    this.taobao.clearCache();
    this.gate.reset();
    return { reset: true };
  }

  expireJdTokens(): { expired: number } {
    return { expired: this.jdTokens.expireAccessTokens() };
  }
}

function summarize(round: ChangeRound): Omit<ChangeSummary, 'jdMessagesQueued'> {
  const bySource: ChangeSummary['bySource'] = {};
  const samples: ChangeSummary['samples'] = {};
  for (const change of round.changes) {
    const counts = (bySource[change.sourceId] ??= {});
    counts[change.kind] = (counts[change.kind] ?? 0) + 1;
    const ids = ((samples[change.sourceId] ??= {})[change.kind] ??= []);
    if (ids.length < SAMPLE_IDS) ids.push(change.externalId);
  }
  const counts = Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, round.counts[kind]])) as Record<ChangeKind, number>;
  return { round: round.round, at: new Date(round.at).toISOString(), atBeijing: formatBeijingTime(round.at), counts, bySource, samples };
}
