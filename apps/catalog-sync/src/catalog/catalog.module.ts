import { Module } from '@nestjs/common';
import { BlacklistModule } from '../blacklist/blacklist.module';
import { PoolsModule } from '../pools/pools.module';
import { SyncModule } from '../sync/sync.module';
import { CatalogSearchModule } from './catalog-search.module';
import { CatalogController } from './catalog.controller';

@Module({
  imports: [SyncModule, CatalogSearchModule, BlacklistModule, PoolsModule],
  controllers: [CatalogController],
})
export class CatalogModule {}
