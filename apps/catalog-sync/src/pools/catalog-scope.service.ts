import { Injectable } from '@nestjs/common';
import type { CatalogListing } from '@supply-hub/catalog-application';
import type { PoolMembership, SelectionPool } from '@supply-hub/catalog-domain';
import { ActiveBlacklistService } from '../blacklist/active-blacklist.service';
import { CatalogSearchService } from '../catalog/catalog-search.service';
import { SelectionPoolsService } from './selection-pools.service';

/** A set of SKUs a report or a preview reads: the sellable catalog, or a mall's part of it. */
export interface CatalogScope {
  /** The mall's pool, when the scope is a mall that has one. */
  pool?: SelectionPool;
  skus: Iterable<CatalogListing>;
}

/**
 * The sellable catalog as a mall sees it (no blacklisted SKU, only its pool's), from this instance's
 * index: what pool previews and the curation reports count, by the same rules as the mall catalog.
 */
@Injectable()
export class CatalogScopes {
  constructor(
    private readonly search: CatalogSearchService,
    private readonly blacklist: ActiveBlacklistService,
    private readonly pools: SelectionPoolsService,
  ) {}

  /** The mall's view (its pool; the whole catalog when it has none), or the whole catalog without a mall. */
  forMall(mallId: string | undefined): CatalogScope {
    const pool = mallId === undefined ? undefined : this.pools.directory.poolOf(mallId);
    const admits = mallId === undefined ? undefined : this.pools.directory.membershipOf(mallId);
    return { ...(pool ? { pool } : {}), skus: this.admittedBy(admits) };
  }

  /** The SKUs a membership test admits: a pool not saved yet (a preview). */
  admittedBy(admits: PoolMembership | undefined): Iterable<CatalogListing> {
    this.search.assertServing();
    return this.search.index.select({ blacklist: this.blacklist.list, ...(admits ? { visible: admits } : {}) });
  }
}
