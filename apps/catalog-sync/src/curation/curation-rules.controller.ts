import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestContext, StaffPrincipal } from '@supply-hub/auth';
import { CurationRulesCache } from '@supply-hub/catalog-application';
import { type CurationRulesDocument, MongoCurationRuleStore } from '@supply-hub/catalog-data-access';
import { DEFAULT_CURATION_RULES } from '@supply-hub/catalog-domain';
import { ConflictError } from '@supply-hub/errors';
import { ApiProblemResponses, Ctx, CurrentStaff, StaffAuth } from '@supply-hub/http';
import { AuditLog } from '@supply-hub/platform';
import { type CurationRulesInput, curationRulesInputSchema } from './curation-rules.dto';

/** Someone saved the rules since the editor read them. */
class CurationRulesChangedError extends ConflictError {
  override readonly code = 'curation-rules-changed';
}

function rulesView(saved: CurationRulesDocument | undefined) {
  if (!saved) return { ...DEFAULT_CURATION_RULES, version: 0, isDefault: true };
  return {
    rules: saved.rules,
    otherwise: saved.otherwise,
    version: saved.version,
    updatedBy: saved.updatedBy,
    updatedAt: saved.updatedAt.toISOString(),
    isDefault: false,
  };
}

/**
 * The rules that decide the first state of every new SKU (approved, pending, rejected): data that admins
 * edit, read by every instance's syncs. They decide new SKUs only; SKUs the catalog has keep their state.
 */
@ApiTags('curation')
@Controller('curation/rules')
export class CurationRulesController {
  constructor(
    private readonly store: MongoCurationRuleStore,
    private readonly cache: CurationRulesCache,
    private readonly audit: AuditLog,
  ) {}

  @Get()
  @StaffAuth('curator', 'quality', 'operations', 'admin')
  @ApiOperation({
    summary: 'The rule set for new SKUs: rules in order, the default, its version (0 and isDefault while none was saved: every new SKU approved)',
  })
  async get() {
    return rulesView(await this.store.read());
  }

  @Put()
  @StaffAuth('admin')
  @ApiOperation({
    summary: 'Replace the rule set (admins only), naming the version it was edited from',
    description: 'Applies to SKUs new to the catalog from now on, on every instance within CURATION_RULES_REFRESH_MS. Audited with the rules before and after.',
  })
  @ApiProblemResponses(400, 409)
  async put(@Ctx() ctx: RequestContext, @CurrentStaff() staff: StaffPrincipal, @Body({ schema: curationRulesInputSchema }) body: CurationRulesInput) {
    const before = await this.store.read();
    const saved = await this.store.save({ rules: body.rules, otherwise: body.otherwise }, body.version, staff.sub, new Date());
    if (!saved)
      throw new CurationRulesChangedError(`the rules were saved as version ${before?.version ?? 0} since version ${body.version} was read; read them again`, {
        version: before?.version ?? 0,
      });
    await this.cache.refresh();
    const { version: _version, isDefault: _default, ...previous } = rulesView(before);
    await this.audit.record(ctx, {
      action: 'curation-rules.replace',
      entity: { kind: 'curation-rules', id: 'current' },
      before: { rules: previous.rules, otherwise: previous.otherwise, version: before?.version ?? 0 },
      after: { rules: saved.rules, otherwise: saved.otherwise, version: saved.version },
    });
    return rulesView(saved);
  }
}
