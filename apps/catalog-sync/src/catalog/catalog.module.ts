import { Module } from '@nestjs/common';
import { BlacklistModule } from '../blacklist/blacklist.module';
import { SyncModule } from '../sync/sync.module';
import { CatalogSearchService } from './catalog-search.service';
import { CatalogController } from './catalog.controller';

@Module({
  imports: [SyncModule, BlacklistModule],
  controllers: [CatalogController],
  providers: [CatalogSearchService],
  exports: [CatalogSearchService],
})
export class CatalogModule {}
