import { Module } from '@nestjs/common';
import { BlacklistModule } from '../blacklist/blacklist.module';
import { CatalogSearchModule } from '../catalog/catalog-search.module';
import { SyncModule } from '../sync/sync.module';
import { CatalogScopes } from './catalog-scope.service';
import { PoolsController } from './pools.controller';
import { poolsProviders } from './pools.providers';
import { SelectionPoolsService } from './selection-pools.service';

/** Selection pools: the staff API, and this instance's copy of the pools that the mall catalog reads. */
@Module({
  imports: [SyncModule, CatalogSearchModule, BlacklistModule],
  controllers: [PoolsController],
  providers: [...poolsProviders, SelectionPoolsService, CatalogScopes],
  exports: [SelectionPoolsService, CatalogScopes],
})
export class PoolsModule {}
