import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseActions } from '@supply-hub/aftersales-application';
import { CaseStore } from '@supply-hub/aftersales-data-access';
import { ApiProblemResponses, CurrentWarehouse, WarehouseAuth } from '@supply-hub/http';
import type { z } from 'zod';
import { caseIdSchema, inspectSchema, receiveSchema } from './cases.dto';
import { caseView } from './case-view';

const EXPECTED = ['return-label-issued', 'return-in-transit', 'received'] as const;

/** Return parcels labelled for this warehouse: what to expect, receipt and inspection. */
@ApiTags('warehouse')
@WarehouseAuth()
@Controller('warehouse/returns')
export class WarehouseReturnsController {
  constructor(
    private readonly actions: CaseActions,
    private readonly cases: CaseStore,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Returns on their way here or received and not inspected yet, oldest first' })
  async expected(@CurrentWarehouse() warehouseId: string) {
    const items = await this.cases.returnsTo(warehouseId, EXPECTED, 200);
    return { items: items.map((aCase) => ({ ...caseView(aCase), memberPaid: undefined })) };
  }

  @Post(':caseId/receive')
  @HttpCode(200)
  @ApiOperation({ summary: 'The return parcel arrived here, with the units counted' })
  @ApiProblemResponses(400, 404, 409)
  async receive(@CurrentWarehouse() warehouseId: string, @Param('caseId', { schema: caseIdSchema }) caseId: string, @Body({ schema: receiveSchema }) body: z.output<typeof receiveSchema>) {
    return caseView(await this.actions.receive(warehouseId, caseId, body));
  }

  @Post(':caseId/inspect')
  @HttpCode(200)
  @ApiOperation({ summary: 'Inspection of the returned goods: pass starts the refund or replacement; fail rejects the case with the notes as reason' })
  @ApiProblemResponses(400, 404, 409)
  async inspect(@CurrentWarehouse() warehouseId: string, @Param('caseId', { schema: caseIdSchema }) caseId: string, @Body({ schema: inspectSchema }) body: z.output<typeof inspectSchema>) {
    return caseView(await this.actions.inspect(warehouseId, caseId, body));
  }
}
