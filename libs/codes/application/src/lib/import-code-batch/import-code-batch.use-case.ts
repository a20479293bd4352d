import { randomUUID } from 'node:crypto';
import { type CodeBatchIssue, type CodeBatchTerms, codeFingerprint, readCodeBatch, sealSecret } from '@supply-hub/codes-domain';
import { type CodeDocument, freeSlotOf } from '@supply-hub/codes-data-access';
import { ConflictError, NotFoundError, ValidationError } from '@supply-hub/errors';
import type { CodesDependencies } from '../shared/codes-dependencies';
import { CheckPoolLevel } from '../pool-levels/pool-levels.use-case';

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
 * batches are refused. Codes are sealed (AES-256-GCM, the current key) before they are stored.
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

    const batchId = `cb-${randomUUID()}`;
    const codes: CodeDocument[] = reading.rows.map((row) => {
      const id = randomUUID();
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
        slot: freeSlotOf(id),
        createdAt: now,
      };
    });
    const lineOf = new Map(codes.map((code, index) => [code.fingerprint, reading.rows[index]!.line]));
    const stored = await this.deps.codes.existingFingerprints([...lineOf.keys()]);
    if (stored.size > 0) throw new CodeBatchRefusedError(duplicateIssues(stored, lineOf));
    const inserted = await this.deps.codes.insertBatch(codes);
    if (!inserted.ok) throw new CodeBatchRefusedError(duplicateIssues(new Set(inserted.duplicateFingerprints), lineOf));

    await this.deps.batches.insert({
      _id: batchId,
      skuId: command.skuId,
      faceValueFen: command.faceValueFen,
      costFen: command.costFen,
      expiresAt: command.expiresAt,
      count: codes.length,
      ...(command.reference ? { reference: command.reference } : {}),
      importedAt: now,
      importedBy: command.by,
    });
    const level = await this.poolLevel.execute(command.skuId);
    return { batchId, imported: codes.length, available: level.available };
  }
}

function duplicateIssues(fingerprints: Set<string>, lineOf: Map<string, number>): CodeBatchIssue[] {
  return [...fingerprints].map((fingerprint) => ({ line: lineOf.get(fingerprint) ?? 0, message: 'code is already stored' })).sort((a, b) => a.line - b.line);
}
