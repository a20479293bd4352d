import {
  type BrandFeedPayload,
  DEFAULT_PRICING_POLICY,
  DefaultBestOfferStrategy,
  type PullOptions,
  type SourcePage,
  type SupplierSource,
} from '@supply-hub/catalog-domain';
import { DependencyUnavailableError } from '@supply-hub/errors';
import { InMemoryCatalogStore } from '../../testing/in-memory-catalog-store';
import { InMemorySourceStateStore, InMemorySyncJobStore, InMemorySyncLeaseStore } from '../../testing/in-memory-sync-stores';
import { PageProcessor } from './page-processor';
import { SyncAlreadyRunningError, SyncRunner } from './sync-runner';

const row = (externalId: string, line: number) => ({
  sourceId: 'brand-midea',
  kind: 'brand-feed' as const,
  externalId,
  payload: {
    line,
    fields: {
      externalId,
      title: `美的 电饭煲 ${externalId}`,
      brand: '美的',
      subcategory: '电饭煲',
      categoryFamily: '实物',
      supplyPrice: '100.00',
      marketPrice: '150.00',
      stock: '3',
      images: `https://img.example.com/${externalId}.jpg`,
    },
  } satisfies BrandFeedPayload,
});

/** A feed of `ids` in pages of two, resumable by page number, that can fail or hang on a page. */
class FakeFeed implements SupplierSource<BrandFeedPayload> {
  readonly sourceId = 'brand-midea';
  readonly kind = 'brand-feed' as const;
  failures = new Map<number, number>();
  gate: Promise<void> | undefined;
  pulls = 0;

  constructor(public ids: string[]) {}

  async *fullSync(options: PullOptions = {}): AsyncIterable<SourcePage<BrandFeedPayload>> {
    this.pulls++;
    const pages = Math.ceil(this.ids.length / 2);
    for (let page = Number(options.resumeFrom ?? 0); page < pages; page++) {
      const left = this.failures.get(page) ?? 0;
      if (left > 0) {
        this.failures.set(page, left - 1);
        throw new DependencyUnavailableError('the feed host is down');
      }
      if (page === 1 && this.gate) await this.gate;
      const records = this.ids.slice(page * 2, page * 2 + 2).map((id, i) => row(id, page * 2 + i + 2));
      yield { records, removedExternalIds: [], cursor: String(page + 1) };
    }
  }

  changesSince(): AsyncIterable<SourcePage<BrandFeedPayload>> {
    return this.fullSync();
  }
}

describe('SyncRunner', () => {
  let store: InMemoryCatalogStore;
  let jobs: InMemorySyncJobStore;
  let leases: InMemorySyncLeaseStore;
  let states: InMemorySourceStateStore;
  let feed: FakeFeed;
  const runner = (holder = 'host-a:1') =>
    new SyncRunner({
      processor: new PageProcessor(store, { strategy: new DefaultBestOfferStrategy(), pricing: DEFAULT_PRICING_POLICY }),
      store,
      jobs,
      states,
      leases,
      sourceOf: (id) => (id === feed.sourceId ? feed : undefined),
      holder,
      pullRetryDelayMs: 1,
      readAheadPages: 0,
    });

  beforeEach(() => {
    store = new InMemoryCatalogStore();
    jobs = new InMemorySyncJobStore();
    leases = new InMemorySyncLeaseStore();
    states = new InMemorySourceStateStore();
    feed = new FakeFeed(['A1', 'A2', 'A3', 'A4', 'A5']);
  });

  it('runs a full sync page by page, checkpointing each page, and completes', async () => {
    const { done } = await runner().start('brand-midea', 'full', 'test');
    const job = await done;
    expect(job).toMatchObject({ state: 'completed', seq: 3, cursor: '3', counts: { pages: 3, seen: 5, offersWritten: 5, events: 5 } });
    expect((await jobs.get(job.jobId))?.state).toBe('completed');
    expect(leases.leases.size).toBe(0);
  });

  it('refuses a second sync of a source while one runs, in this or another instance', async () => {
    let open!: () => void;
    feed.gate = new Promise((resolve) => (open = resolve));
    const first = await runner('host-a:1').start('brand-midea', 'full', 'test');
    await expect(runner('host-b:2').start('brand-midea', 'full', 'test')).rejects.toThrow(SyncAlreadyRunningError);
    open();
    await first.done;
    await expect(runner('host-b:2').start('brand-midea', 'incremental', 'test')).resolves.toMatchObject({ job: { state: 'running' } });
  });

  it('resumes a pull stopped by an unavailable supplier from its checkpoint, without reading pages twice', async () => {
    feed.failures.set(1, 3);
    const job = await (await runner().start('brand-midea', 'full', 'test')).done;
    expect(job).toMatchObject({ state: 'completed', counts: { seen: 5, offersWritten: 5 } });
    expect(feed.pulls).toBe(4);
  });

  it('fails the job when the supplier stays away', async () => {
    feed.failures.set(0, 100);
    const job = await (await runner().start('brand-midea', 'full', 'test')).done;
    expect(job).toMatchObject({ state: 'failed', error: 'the feed host is down' });
  });

  it('lets another instance take over a job whose process died, once its lease runs out', async () => {
    const dead = runner('host-a:1');
    let open!: () => void;
    feed.gate = new Promise((resolve) => (open = resolve));
    const { job } = await dead.start('brand-midea', 'full', 'test');
    // host-a "dies": its run never finishes, its lease is not renewed.
    leases.leases.get('brand-midea')!.expiresAt = 0;
    feed.gate = undefined;
    const [resumed] = await runner('host-b:2').resumeOrphans();
    const finished = await resumed!.done;
    expect(finished).toMatchObject({ jobId: job.jobId, state: 'completed', resumes: 1 });
    expect(store.offers.get('brand-midea')!.size).toBe(5);
    open();
  });

  it('delists, after a later full sync, what the source no longer lists', async () => {
    await (
      await runner().start('brand-midea', 'full', 'test')
    ).done;
    feed.ids = ['A1', 'A2', 'A4'];
    const job = await (await runner().start('brand-midea', 'full', 'test')).done;
    expect(job.counts.delisted).toBe(2);
    expect(store.offers.get('brand-midea')!.get('brand-midea:A3')!.offer.status).toBe('delisted');
    expect(store.offers.get('brand-midea')!.get('brand-midea:A1')!.offer.status).toBe('listed');
    expect(jobs.seen.size).toBe(0);
  });
});
