import type { CatalogWorld, ChangeCounts } from '@supply-hub/sim-catalog-data';
import { applyFaultPatch, type FaultSettings, type FaultSettingsByFamily, type FaultSettingsPatch, type ProtocolFamily } from '../faults/fault-settings';
import type { FaultPolicy } from '../faults/fault-policy';
import type { SandboxResponse } from '../http/sandbox-response';
import type { RequestStats } from '../stats/request-stats';
import type { Delays } from './delays';

/** How a protocol says "slow down" and "we failed", in its own words. */
export interface FaultAnswers {
  rateLimited(retryAfterSeconds: number): SandboxResponse;
  failed(): SandboxResponse;
}

/**
 * The one path every sandbox call takes: count it, apply the family's faults (rate limit, timeout,
 * error, latency), then run the protocol handler. Also owns the live fault settings.
 */
export class SandboxGate {
  private settings: FaultSettingsByFamily;

  constructor(
    private readonly initial: FaultSettingsByFamily,
    private readonly policy: FaultPolicy,
    private readonly stats: RequestStats,
    private readonly delays: Delays,
    private readonly world: CatalogWorld,
  ) {
    this.settings = structuredClone(initial);
  }

  /**
   * `commitBeforeTimeout`: a timeout fault runs the handler first and holds its answer back, as a
   * provider that took an order and then went silent does (the order exists though the caller never
   * heard of it); otherwise the handler runs after the wait.
   */
  async run(
    family: ProtocolFamily,
    endpoint: string,
    answers: FaultAnswers,
    handler: () => SandboxResponse | Promise<SandboxResponse>,
    options: { commitBeforeTimeout?: boolean } = {},
  ): Promise<SandboxResponse> {
    const name = `${family} ${endpoint}`;
    const decision = this.policy.decide(family, this.settings[family]);
    switch (decision.kind) {
      case 'rate-limited':
        this.stats.record(name, 'rate-limited');
        return answers.rateLimited(decision.retryAfterSeconds);
      case 'error':
        this.stats.record(name, 'error');
        await this.delays.wait(decision.delayMs);
        return answers.failed();
      case 'timeout': {
        this.stats.record(name, 'timeout');
        const committed = options.commitBeforeTimeout ? await handler() : undefined;
        await this.delays.wait(decision.delayMs);
        return committed ?? handler();
      }
      case 'pass':
        this.stats.record(name, 'answered');
        await this.delays.wait(decision.delayMs);
        return handler();
    }
  }

  faults(family: ProtocolFamily): FaultSettings {
    return this.settings[family];
  }

  allFaults(): FaultSettingsByFamily {
    return structuredClone(this.settings);
  }

  updateFaults(patch: FaultSettingsPatch): FaultSettingsByFamily {
    this.settings = applyFaultPatch(this.settings, patch);
    return this.allFaults();
  }

  /** Whether this record of a page goes out broken (malformedRate). */
  breaksRecord(family: ProtocolFamily): boolean {
    return this.policy.breaksRecord(this.settings[family]);
  }

  choose(n: number): number {
    return this.policy.choose(n);
  }

  /** changesBetweenPages: a client asks for a page after the first, so the supplier moves a little. */
  changeBetweenPages(family: ProtocolFamily): void {
    const n = this.settings[family].changesBetweenPages;
    if (n > 0) this.world.applyChanges(spreadChanges(n));
  }

  reset(): void {
    this.settings = structuredClone(this.initial);
    this.policy.reset();
    this.stats.reset();
  }
}

/** n changes spread over the kinds, price moves first: 1 → one price move, 5 → one of each. */
export function spreadChanges(n: number): ChangeCounts {
  const kinds = ['priceMoves', 'stockOuts', 'newSkus', 'delistings', 'detailChanges'] as const;
  const counts: ChangeCounts = {};
  for (let i = 0; i < n; i++) {
    const kind = kinds[i % kinds.length] as (typeof kinds)[number];
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}
