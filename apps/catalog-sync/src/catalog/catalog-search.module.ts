import { Module } from '@nestjs/common';
import { SyncModule } from '../sync/sync.module';
import { CatalogSearchService } from './catalog-search.service';
import { PointsBands } from './points-bands';

/** This instance's in-memory catalog and the points bands: what the mall catalog, the pools and the reports read. */
@Module({
  imports: [SyncModule],
  providers: [CatalogSearchService, PointsBands],
  exports: [CatalogSearchService, PointsBands],
})
export class CatalogSearchModule {}
