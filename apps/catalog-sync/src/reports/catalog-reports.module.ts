import { Module } from '@nestjs/common';
import { CatalogSearchModule } from '../catalog/catalog-search.module';
import { PoolsModule } from '../pools/pools.module';
import { CatalogReportsController } from './catalog-reports.controller';

/** Curation's reports: weekly new arrivals and the catalog mix. */
@Module({
  imports: [CatalogSearchModule, PoolsModule],
  controllers: [CatalogReportsController],
})
export class CatalogReportsModule {}
