import { Module } from '@nestjs/common';
import { SyncModule } from '../sync/sync.module';
import { ActiveBlacklistService } from './active-blacklist.service';
import { BlacklistExpirySweep } from './blacklist-expiry-sweep.service';
import { BlacklistController } from './blacklist.controller';
import { blacklistProviders } from './blacklist.providers';

/** Quality blacklists: the staff API, the expiry sweep, and this instance's copy of the active entries. */
@Module({
  imports: [SyncModule],
  controllers: [BlacklistController],
  providers: [...blacklistProviders, ActiveBlacklistService, BlacklistExpirySweep],
  exports: [ActiveBlacklistService],
})
export class BlacklistModule {}
