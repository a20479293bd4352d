import { NotFoundError } from '@supply-hub/errors';
import type { Model, QueryFilter, UpdateQuery } from 'mongoose';

/** Every tenant-owned record carries the id of the mall it belongs to. */
export interface TenantOwned {
  tenantId: string;
}

/** A filter that cannot name the tenant: the repository adds it, so no caller can forget or widen it. */
export type TenantFilter<T> = QueryFilter<T> & { tenantId?: never };

export interface FindOptions {
  sort?: Record<string, 1 | -1>;
  limit?: number;
  skip?: number;
}

/**
 * Base for repositories of tenant-owned collections (Novu's pattern): each read and write takes the
 * tenant id first and is confined to it. Another tenant's record is simply not found, which the HTTP
 * layer reports as 404, never 403. Subclasses add the aggregate's own queries on top of these, and the
 * collection's indexes should lead with `tenantId`.
 */
export abstract class TenantScopedRepository<T extends TenantOwned> {
  protected constructor(
    protected readonly model: Model<T>,
    /** Used in NotFoundError messages ("webhook endpoint we_1 not found"). */
    protected readonly entityName: string,
  ) {}

  async findOne(tenantId: string, filter: TenantFilter<T>): Promise<T | null> {
    return (await this.model.findOne(this.scoped(tenantId, filter)).lean().exec()) as T | null;
  }

  /** The record, or a NotFoundError naming `id` (also when it exists under another tenant). */
  async getOne(tenantId: string, filter: TenantFilter<T>, id: string): Promise<T> {
    const record = await this.findOne(tenantId, filter);
    if (!record) throw new NotFoundError(this.entityName, id);
    return record;
  }

  async find(tenantId: string, filter: TenantFilter<T>, options: FindOptions = {}): Promise<T[]> {
    let query = this.model.find(this.scoped(tenantId, filter));
    if (options.sort) query = query.sort(options.sort);
    if (options.skip) query = query.skip(options.skip);
    if (options.limit) query = query.limit(options.limit);
    return (await query.lean().exec()) as T[];
  }

  async count(tenantId: string, filter: TenantFilter<T>): Promise<number> {
    return this.model.countDocuments(this.scoped(tenantId, filter)).exec();
  }

  async insert(tenantId: string, record: Omit<T, 'tenantId'>): Promise<T> {
    assertTenantId(tenantId);
    const document = new this.model({ ...record, tenantId });
    await document.save();
    return document.toObject() as T;
  }

  /** True if a record matched. Conditional updates (`{ status: 'open' }` in the filter) are the lock. */
  async updateOne(tenantId: string, filter: TenantFilter<T>, update: UpdateQuery<T>): Promise<boolean> {
    assertKeepsTenant(update);
    const result = await this.model.updateOne(this.scoped(tenantId, filter), update).exec();
    return result.matchedCount === 1;
  }

  /** The updated record, or null if none matched the (tenant-scoped) filter. */
  async findOneAndUpdate(tenantId: string, filter: TenantFilter<T>, update: UpdateQuery<T>): Promise<T | null> {
    assertKeepsTenant(update);
    return (await this.model.findOneAndUpdate(this.scoped(tenantId, filter), update, { returnDocument: 'after' }).lean().exec()) as T | null;
  }

  async deleteOne(tenantId: string, filter: TenantFilter<T>): Promise<boolean> {
    const result = await this.model.deleteOne(this.scoped(tenantId, filter)).exec();
    return result.deletedCount === 1;
  }

  protected scoped(tenantId: string, filter: TenantFilter<T>): QueryFilter<T> {
    assertTenantId(tenantId);
    if ('tenantId' in filter) throw new Error('a tenant-scoped filter must not name tenantId; pass the tenant as the first argument');
    return { ...filter, tenantId } as QueryFilter<T>;
  }
}

/** An empty or missing tenant id would turn a scoped query into "no tenant"; that is always a bug. */
function assertTenantId(tenantId: string): void {
  if (typeof tenantId !== 'string' || tenantId.length === 0) throw new Error('tenant id is required for a tenant-scoped query');
}

function assertKeepsTenant(update: UpdateQuery<unknown>): void {
  const touches = (part: unknown) => typeof part === 'object' && part !== null && 'tenantId' in part;
  const operators = update as Record<string, unknown>;
  if (touches(update) || Object.keys(operators).some((operator) => operator.startsWith('$') && touches(operators[operator]))) {
    throw new Error('a record never moves to another tenant: updates must not touch tenantId');
  }
}
