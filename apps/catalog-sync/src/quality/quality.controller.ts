import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MongoQualityStore } from '@supply-hub/catalog-data-access';
import { NotFoundError } from '@supply-hub/errors';
import { ApiProblemResponses, StaffAuth } from '@supply-hub/http';
import { z } from 'zod';

const subjectParams = { kind: z.enum(['sku', 'supplier', 'warehouse']), id: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'must be 1–64 letters, digits or . _ : -') };
const breachesQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) });

function scoreView(score: Awaited<ReturnType<MongoQualityStore['score']>> & object) {
  const { _id: _key, ...rest } = score;
  return rest;
}

/** Quality scores per SKU, drop-ship supplier and warehouse over the sliding window, and who breaches the policy. */
@ApiTags('quality')
@StaffAuth('quality', 'curator', 'admin')
@Controller('quality')
export class QualityController {
  constructor(private readonly store: MongoQualityStore) {}

  @Get('breaches')
  @ApiOperation({ summary: 'Subjects above the complaint-rate threshold (3 % over 30 days with ≥ 20 units), worst first, each with why' })
  async breaches(@Query({ schema: breachesQuerySchema }) query: z.output<typeof breachesQuerySchema>) {
    return { items: (await this.store.breaches(query.limit)).map(scoreView) };
  }

  @Get('scores/:kind/:id')
  @ApiOperation({ summary: 'One SKU’s, supplier’s or warehouse’s score: units, problem units by kind, late dispatches, rate, score (0–100), breach' })
  @ApiProblemResponses(400, 404)
  async score(@Param('kind', { schema: subjectParams.kind }) kind: 'sku' | 'supplier' | 'warehouse', @Param('id', { schema: subjectParams.id }) id: string) {
    const score = await this.store.score(kind, id);
    if (!score) throw new NotFoundError(`quality score of ${kind}`, id);
    return scoreView(score);
  }
}
