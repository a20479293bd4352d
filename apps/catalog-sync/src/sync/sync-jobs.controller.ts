import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MongoCatalogStore, MongoSourceStateStore, MongoSyncJobStore } from '@supply-hub/catalog-data-access';
import { SyncRunner } from '@supply-hub/catalog-application';
import { progressOf, type SyncJob } from '@supply-hub/catalog-domain';
import type { SupplierSources } from '@supply-hub/catalog-suppliers';
import { NotFoundError } from '@supply-hub/errors';
import { ApiProblemResponses, StaffAuth } from '@supply-hub/http';
import { z } from 'zod';
import { jobIdSchema, listJobsQuerySchema, quarantineQuerySchema, type StartSync, startSyncSchema, type SyncJobView, syncJobViewSchema } from './sync.dto';
import { SUPPLIER_SOURCES } from './sync.tokens';

/** Supply-chain staff start and watch syncs, and read what was quarantined. */
@ApiTags('sync')
@StaffAuth('operations', 'curator', 'admin')
@Controller()
export class SyncJobsController {
  constructor(
    private readonly runner: SyncRunner,
    private readonly jobs: MongoSyncJobStore,
    private readonly states: MongoSourceStateStore,
    private readonly store: MongoCatalogStore,
    @Inject(SUPPLIER_SOURCES) private readonly sources: SupplierSources,
  ) {}

  @Post('sync/jobs')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Start a sync of one source; it runs in the background (409 while one of that source runs)' })
  @ApiAcceptedResponse({ standardSchema: syncJobViewSchema })
  @ApiProblemResponses(400, 404, 409)
  async start(@Body({ schema: startSyncSchema }) body: StartSync): Promise<SyncJobView> {
    const { job } = await this.runner.start(body.sourceId, body.mode, 'api');
    return viewOf(job);
  }

  @Get('sync/jobs')
  @ApiOkResponse({ standardSchema: z.object({ items: z.array(syncJobViewSchema) }) })
  async list(@Query({ schema: listJobsQuerySchema }) query: z.output<typeof listJobsQuerySchema>): Promise<{ items: SyncJobView[] }> {
    const jobs = await this.jobs.list({ sourceId: query.sourceId, state: query.state }, query.limit);
    return { items: jobs.map((job) => viewOf(job)) };
  }

  @Get('sync/jobs/:jobId')
  @ApiOperation({ summary: 'A sync job with its counts, rate and ETA' })
  @ApiOkResponse({ standardSchema: syncJobViewSchema })
  @ApiProblemResponses(404)
  async get(@Param('jobId', { schema: jobIdSchema }) jobId: string): Promise<SyncJobView> {
    const job = await this.jobs.get(jobId);
    if (!job) throw new NotFoundError('sync job', jobId);
    return viewOf(job);
  }

  @Get('sync/sources')
  @ApiOperation({ summary: 'The configured sources, their last pulls and the circuit breakers of their endpoints' })
  async listSources() {
    const breakers = this.sources.breakerStates();
    const items = await Promise.all(
      this.sources.sources.map(async (source) => {
        const state = await this.states.get(source.sourceId);
        return {
          sourceId: source.sourceId,
          kind: source.kind,
          running: this.runner.isRunning(source.sourceId),
          lastFullSyncAt: state.lastFullSyncAt?.toISOString() ?? null,
          lastIncrementalAt: state.lastIncrementalAt?.toISOString() ?? null,
          breakers: breakers[source.sourceId] ?? {},
        };
      }),
    );
    return { items };
  }

  @Get('quarantine')
  @ApiOperation({ summary: 'Records that failed validation, newest first, with their reasons and source payload' })
  async quarantine(@Query({ schema: quarantineQuerySchema }) query: z.output<typeof quarantineQuerySchema>) {
    const documents = await this.store.quarantined
      .find(query.sourceId ? { sourceId: query.sourceId } : {})
      .sort({ at: -1, _id: 1 })
      .limit(query.limit)
      .toArray();
    return {
      items: documents.map((document) => ({
        sourceId: document.sourceId,
        externalId: document.externalId,
        jobId: document.jobId,
        reasons: document.reasons,
        payload: JSON.parse(document.payloadJson) as unknown,
        at: document.at.toISOString(),
      })),
    };
  }
}

export function viewOf(job: SyncJob, now = new Date()): SyncJobView {
  const progress = progressOf(job, now);
  return {
    jobId: job.jobId,
    sourceId: job.sourceId,
    mode: job.mode,
    state: job.state,
    trigger: job.trigger,
    counts: job.counts,
    progress: { ...progress, totalHint: job.totalHint ?? null },
    startedAt: job.startedAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    error: job.error ?? null,
    resumes: job.resumes,
  };
}
