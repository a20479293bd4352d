import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Principal } from '@supply-hub/auth';
import { SelectionPoolDirectory } from '@supply-hub/catalog-application';
import { MongoSelectionPoolStore } from '@supply-hub/catalog-data-access';
import type { PoolMembership, SelectionPool } from '@supply-hub/catalog-domain';
import { InjectServiceConfig, type PeriodicSchedule, PeriodicTask } from '@supply-hub/platform';
import { PointsBands } from '../catalog/points-bands';
import type { CatalogSyncEnv } from '../config/catalog-sync-env';

/**
 * This instance's copy of the selection pools, which the mall catalog reads on every request. Loaded
 * before the app takes requests (a mall must never see past its pool), replaced at once by a write on
 * this instance, and re-read every POOL_RELOAD_INTERVAL_MS (2 s by default) so a write on another
 * instance applies here within that: pools are a few hundred small documents, a cheaper thing to read
 * whole every few seconds than a topic of their own to follow.
 */
@Injectable()
export class SelectionPoolsService extends PeriodicTask<number> implements OnApplicationBootstrap {
  protected readonly logger = new Logger(SelectionPoolsService.name);
  readonly directory: SelectionPoolDirectory;

  constructor(
    private readonly store: MongoSelectionPoolStore,
    bands: PointsBands,
    @InjectServiceConfig() private readonly config: CatalogSyncEnv,
  ) {
    super();
    this.directory = new SelectionPoolDirectory(bands.policy);
  }

  override async onApplicationBootstrap(): Promise<void> {
    await this.runOnce();
    super.onApplicationBootstrap();
  }

  protected schedule(): PeriodicSchedule {
    return { enabled: true, intervalMs: this.config.POOL_RELOAD_INTERVAL_MS, what: 'selection pool reload' };
  }

  async runOnce(): Promise<number> {
    const pools = await this.store.all();
    this.directory.applyAll(pools);
    return pools.length;
  }

  /** A pool this instance just wrote: in force here from the answer on. */
  apply(pool: SelectionPool): void {
    this.directory.apply(pool);
  }

  /** What a caller may see: a mall its pool (undefined without one: everything); staff everything. */
  membershipFor(caller: Principal | undefined): PoolMembership | undefined {
    return caller?.kind === 'tenant' ? this.directory.membershipOf(caller.tenantId) : undefined;
  }
}
