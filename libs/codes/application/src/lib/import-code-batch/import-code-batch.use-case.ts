import { randomUUID } from 'node:crypto';
import { type CodeBatchIssue, type CodeBatchRow, type CodeBatchTerms, codeFingerprint, readCodeBatch, sealSecret } from '@supply-hub/codes-domain';
import type { CodeDocument, PlannedLane } from '@supply-hub/codes-data-access';
import { ConflictError, NotFoundError, ValidationError } from '@supply-hub/errors';
import { CheckPoolLevel, laneOf } from '../pool-levels/pool-levels.use-case';
import type { CodesDependencies } from '../shared/codes-dependencies';

export interface ImportCodeBatchCommand extends CodeBatchTerms {
  csv: string;
  /** Staff's own reference (supplier invoice, contract). */
  reference?: string;
  /** Who imports (staff subject). */
  by: string;
}

/** A batch refused: every line at fault, and nothing imported. */
export class CodeBatchRefusedError extends ValidationError {
  constructor(readonly lines: CodeBatchIssue[]) {
    super(
      `code batch refused: ${lines.length} problem(s), nothing imported`,
      lines.map((issue) => ({ path: issue.line > 0 ? `line ${issue.line}` : 'batch', message: issue.message })),
    );
  }
}

/**
 * Staff's CSV of card codes (卡密) into the product's pool, all or nothing: malformed rows named by line,
 * codes repeated in the file or already stored (any product, compared by fingerprint) and expired
 * batches are refused. Codes are sealed (AES-256-GCM, the current key) and stored soonest expiry first,
 * one lane per expiry date; then the batch record (the commit point), then the lanes that hand them out.
 */
export class ImportCodeBatch {
  private readonly poolLevel: CheckPoolLevel;

  constructor(private readonly deps: CodesDependencies) {
    this.poolLevel = new CheckPoolLevel(deps);
  }

  async execute(command: ImportCodeBatchCommand): Promise<{ batchId: string; imported: number; available: number }> {
    const product = await this.deps.products.get(command.skuId);
    if (!product) throw new NotFoundError('virtual product', command.skuId);
    if (product.fulfilment !== 'pool') throw new ConflictError(`${command.skuId} is fulfilled by ${product.fulfilment}, not from a code pool`);
    const now = this.deps.clock.now();
    const reading = readCodeBatch(command.csv, command, now);
    if (!reading.ok) throw new CodeBatchRefusedError(reading.issues);

    const batchId = `cb${randomUUID().replace(/-/g, '').slice(0, 20)}`;
    const rows = [...reading.rows].sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime() || a.line - b.line);
    const lanes = plannedLanes(batchId, rows);
    const codes = rows.map((row, index) => this.sealed(command, batchId, laneCodeId(lanes, index), row, now));
    const lineOf = new Map(codes.map((code, index) => [code.fingerprint, rows[index]!.line]));
    await this.refuseStoredCodes(lineOf);
    if (!(await this.deps.codes.insertBatch(codes))) await this.refuseStoredCodes(lineOf);

    await this.deps.batches.insert({
      _id: batchId,
      skuId: command.skuId,
      faceValueFen: command.faceValueFen,
      costFen: command.costFen,
      expiresAt: command.expiresAt,
      count: codes.length,
      ...(command.reference ? { reference: command.reference } : {}),
      lanes,
      lanesPending: true,
      importedAt: now,
      importedBy: command.by,
    });
    await this.deps.pool.lanes.insert(lanes.map((lane) => laneOf(command.skuId, batchId, lane, now)));
    await this.deps.batches.lanesWritten(batchId);
    const level = await this.poolLevel.execute(command.skuId);
    return { batchId, imported: codes.length, available: level.available };
  }

  /**
   * Refuses codes stored already, naming their lines; codes left by an import that died before its
   * commit point (no batch record) are removed first, so importing the file again works.
   */
  private async refuseStoredCodes(lineOf: Map<string, number>): Promise<void> {
    let stored = await this.deps.codes.existingFingerprints([...lineOf.keys()]);
    const batchIds = [...new Set(stored.values())];
    const committed = await this.deps.batches.committed(batchIds);
    const halfWritten = batchIds.filter((id) => !committed.has(id));
    if (halfWritten.length > 0) {
      await this.deps.codes.removeBatches(halfWritten);
      stored = await this.deps.codes.existingFingerprints([...lineOf.keys()]);
    }
    if (stored.size === 0) return;
    const issues = [...stored.keys()].map((fingerprint) => ({ line: lineOf.get(fingerprint) ?? 0, message: 'code is already stored' }));
    throw new CodeBatchRefusedError(issues.sort((a, b) => a.line - b.line));
  }

  private sealed(command: ImportCodeBatchCommand, batchId: string, id: string, row: CodeBatchRow, now: Date): CodeDocument {
    return {
      _id: id,
      skuId: command.skuId,
      batchId,
      source: 'pool',
      fingerprint: codeFingerprint(this.deps.fingerprintSecret, command.skuId, row.code),
      code: sealSecret(this.deps.keys, row.code, id),
      ...(row.password ? { password: sealSecret(this.deps.keys, row.password, id) } : {}),
      expiresAt: row.expiresAt,
      faceValueFen: command.faceValueFen,
      costFen: command.costFen,
      status: 'available',
      createdAt: now,
    };
  }
}

/** One lane per expiry date of the (expiry-sorted) rows. */
function plannedLanes(batchId: string, rows: readonly CodeBatchRow[]): PlannedLane[] {
  const lanes: PlannedLane[] = [];
  for (const row of rows) {
    const last = lanes[lanes.length - 1];
    if (last && last.expiresAt.getTime() === row.expiresAt.getTime()) last.count += 1;
    else lanes.push({ laneId: `${batchId}~${lanes.length}`, expiresAt: row.expiresAt, count: 1 });
  }
  return lanes;
}

/** The id of the index-th code of the sorted rows: `<laneId>:<n>`. */
function laneCodeId(lanes: readonly PlannedLane[], index: number): string {
  let offset = index;
  for (const lane of lanes) {
    if (offset < lane.count) return `${lane.laneId}:${offset}`;
    offset -= lane.count;
  }
  throw new Error(`code ${index} is beyond the batch's lanes`);
}
