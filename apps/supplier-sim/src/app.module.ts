import { Module } from '@nestjs/common';
import { PlatformModule } from '@supply-hub/platform';

/** supplier-sim: deterministic sandboxes of the suppliers', recharge providers' and carriers' protocols. */
@Module({
  imports: [PlatformModule.forService({ mongo: false })],
})
export class AppModule {}
