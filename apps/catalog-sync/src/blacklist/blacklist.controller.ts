import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StaffPrincipal } from '@supply-hub/auth';
import { BLACKLIST_ENTRY_ID, CreateBlacklistEntry, RemoveBlacklistEntry } from '@supply-hub/catalog-application';
import { MongoBlacklistStore } from '@supply-hub/catalog-data-access';
import type { BlacklistEntry } from '@supply-hub/catalog-domain';
import { NotFoundError, ValidationError } from '@supply-hub/errors';
import { ApiProblemResponses, CurrentStaff, Idempotent, parseTimeIdCursor, StaffAuth, timeIdCursor } from '@supply-hub/http';
import type { z } from 'zod';
import { ActiveBlacklistService } from './active-blacklist.service';
import {
  blacklistEntryIdSchema,
  type BlacklistEntryView,
  blacklistEntryViewSchema,
  blacklistPageSchema,
  type ListBlacklistQuery,
  listBlacklistQuerySchema,
  type NewBlacklistEntryInput,
  newBlacklistEntrySchema,
  removeBlacklistEntrySchema,
} from './blacklist.dto';

/**
 * Quality blacklists: quality staff (and admins) add and lift entries; every staff role may read them,
 * so whoever wonders why a SKU is hidden can find out. An entry applies from the answer on, on this
 * instance at once and on the others as soon as its event reaches them.
 */
@ApiTags('blacklist')
@StaffAuth('quality', 'admin')
@Controller('blacklist')
export class BlacklistController {
  constructor(
    private readonly createEntry: CreateBlacklistEntry,
    private readonly removeEntry: RemoveBlacklistEntry,
    private readonly store: MongoBlacklistStore,
    private readonly active: ActiveBlacklistService,
  ) {}

  @Post()
  @Idempotent()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Blacklist a supplier, brand, SKU, category or title keyword; matching SKUs leave the catalog and new orders for them are refused',
    description: '400 naming the field for an unknown SKU, a past expiresAt or a blank value; 409 when an active entry already covers the same kind and value.',
  })
  @ApiCreatedResponse({ standardSchema: blacklistEntryViewSchema })
  @ApiProblemResponses(400, 409)
  async add(@CurrentStaff() staff: StaffPrincipal, @Body({ schema: newBlacklistEntrySchema }) body: NewBlacklistEntryInput): Promise<BlacklistEntryView> {
    const written = await this.createEntry.execute(body, staff.sub);
    this.active.apply(written.change);
    return viewOf(written.entry);
  }

  @Get()
  @StaffAuth('quality', 'admin', 'curator', 'operations')
  @ApiOperation({ summary: 'Blacklist entries, newest first, by kind and by whether they apply now; cursor-paged' })
  @ApiOkResponse({ standardSchema: blacklistPageSchema })
  @ApiProblemResponses(400)
  async list(@Query({ schema: listBlacklistQuerySchema }) query: ListBlacklistQuery): Promise<z.output<typeof blacklistPageSchema>> {
    const before = query.cursor === undefined ? undefined : parseTimeIdCursor(query.cursor, BLACKLIST_ENTRY_ID);
    if (query.cursor !== undefined && !before)
      throw new ValidationError('the cursor is not one this API gave', [{ path: 'cursor', message: 'unknown cursor' }]);
    const now = new Date();
    const page = await this.store.list(
      { kind: query.kind, active: query.active, now, before: before && { createdAt: before.at, entryId: before.id } },
      query.limit + 1,
    );
    const items = page.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items: items.map((entry) => viewOf(entry, now)),
      nextCursor: page.length > query.limit && last ? timeIdCursor(last.createdAt, last.entryId) : null,
    };
  }

  @Get(':entryId')
  @StaffAuth('quality', 'admin', 'curator', 'operations')
  @ApiOperation({ summary: 'One entry with its history: who added it and why, who lifted it and why, or when it expired' })
  @ApiOkResponse({ standardSchema: blacklistEntryViewSchema })
  @ApiProblemResponses(404)
  async get(@Param('entryId', { schema: blacklistEntryIdSchema }) entryId: string): Promise<BlacklistEntryView> {
    const entry = await this.store.get(entryId);
    if (!entry) throw new NotFoundError('blacklist entry', entryId);
    return viewOf(entry);
  }

  @Delete(':entryId')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Lift an entry, with the reason; it stays in the list as removed (409 when it was removed or expired already)' })
  @ApiOkResponse({ standardSchema: blacklistEntryViewSchema })
  @ApiProblemResponses(400, 404, 409)
  async remove(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('entryId', { schema: blacklistEntryIdSchema }) entryId: string,
    @Body({ schema: removeBlacklistEntrySchema }) body: z.output<typeof removeBlacklistEntrySchema>,
  ): Promise<BlacklistEntryView> {
    const written = await this.removeEntry.execute(entryId, body.reason, staff.sub);
    this.active.apply(written.change);
    return viewOf(written.entry);
  }
}

export function viewOf(entry: BlacklistEntry, now = new Date()): BlacklistEntryView {
  return {
    entryId: entry.entryId,
    target: entry.target,
    reason: entry.reason,
    evidenceUrl: entry.evidenceUrl ?? null,
    author: entry.author,
    createdAt: entry.createdAt.toISOString(),
    expiresAt: entry.expiresAt?.toISOString() ?? null,
    state: entry.state,
    active: entry.state === 'active' && !(entry.expiresAt && entry.expiresAt.getTime() <= now.getTime()),
    removedAt: entry.removedAt?.toISOString() ?? null,
    removedBy: entry.removedBy ?? null,
    removalReason: entry.removalReason ?? null,
    expiredAt: entry.expiredAt?.toISOString() ?? null,
  };
}
