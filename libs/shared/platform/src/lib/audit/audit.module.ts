import { Module } from '@nestjs/common';
import { repositoryProvider } from '@supply-hub/mongo';
import { AUDIT_ENTRY_MODEL } from './audit-entry.schema';
import { AuditController } from './audit.controller';
import { AuditLog } from './audit-log.service';
import { AuditLogRepository } from './audit-log.repository';

/** The staff audit log (`audit_log`, GET /audit, the AuditLog service); mounted with PlatformModule.forService({ audit: true }). */
@Module({
  controllers: [AuditController],
  providers: [repositoryProvider(AuditLogRepository, AUDIT_ENTRY_MODEL), AuditLog],
  exports: [AuditLog],
})
export class AuditModule {}
