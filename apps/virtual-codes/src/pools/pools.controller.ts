import { Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StaffPrincipal } from '@supply-hub/auth';
import { ImportCodeBatch, PoolReport } from '@supply-hub/codes-application';
import { CodeBatchStore } from '@supply-hub/codes-data-access';
import { ApiProblemResponses, CurrentStaff, StaffAuth } from '@supply-hub/http';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { skuIdSchema } from '../products/virtual-products.dto';
import { readCsvBody } from './csv-body';

const batchTermsSchema = z.strictObject({
  faceValueFen: z.coerce.number().int().min(0).max(100_000_000),
  costFen: z.coerce.number().int().min(0).max(100_000_000),
  expiresAt: z.iso.datetime({ offset: true }).or(z.iso.date()).describe('When the batch expires (a row may say earlier)'),
  reference: z.string().trim().min(1).max(100).optional(),
});
type BatchTerms = z.output<typeof batchTermsSchema>;

/** Card-code pools (卡密): staff import batches (CSV) and watch stock, low-stock and expiry. */
@ApiTags('pools')
@StaffAuth('operations', 'admin')
@Controller('pools')
export class PoolsController {
  constructor(
    private readonly importBatch: ImportCodeBatch,
    private readonly report: PoolReport,
    private readonly batches: CodeBatchStore,
  ) {}

  @Post(':skuId/batches')
  @ApiConsumes('text/csv')
  @ApiOperation({
    summary: 'Import a batch of codes: CSV with a header (code / 卡号, password / 密码, expires_at / 有效期)',
    description: 'All or nothing: malformed rows (named by line), codes repeated in the file or already stored, and expired batches are refused with every problem listed.',
  })
  @ApiProblemResponses(400, 404, 409)
  async import(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('skuId', { schema: skuIdSchema }) skuId: string,
    @Query({ schema: batchTermsSchema }) terms: BatchTerms,
    @Req() request: IncomingMessage,
  ) {
    const csv = await readCsvBody(request);
    const expiresAt = /T/.test(terms.expiresAt) ? new Date(terms.expiresAt) : new Date(`${terms.expiresAt}T23:59:59+08:00`);
    return this.importBatch.execute({
      skuId,
      faceValueFen: terms.faceValueFen,
      costFen: terms.costFen,
      expiresAt,
      ...(terms.reference ? { reference: terms.reference } : {}),
      csv,
      by: `staff:${staff.sub}`,
    });
  }

  @Get()
  @ApiOperation({ summary: 'Every pool: available, issued and expired codes, threshold, low' })
  async list() {
    return { items: await this.report.execute() };
  }

  @Get(':skuId/batches')
  @ApiOperation({ summary: 'The batches imported into a pool, newest first' })
  async batchesOf(@Param('skuId', { schema: skuIdSchema }) skuId: string) {
    return { items: await this.batches.ofSku(skuId) };
  }
}
