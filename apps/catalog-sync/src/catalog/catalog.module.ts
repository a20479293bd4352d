import { Module } from '@nestjs/common';
import { SyncModule } from '../sync/sync.module';
import { CatalogSearchService } from './catalog-search.service';
import { CatalogController } from './catalog.controller';

@Module({
  imports: [SyncModule],
  controllers: [CatalogController],
  providers: [CatalogSearchService],
})
export class CatalogModule {}
