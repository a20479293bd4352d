import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { createIndexesOn } from './model-definition';

/**
 * Builds the indexes of every model on the default connection before the app serves anything. Nest
 * creates all providers (and so registers all models) before any onModuleInit runs.
 */
@Injectable()
export class MongoIndexes implements OnModuleInit {
  private readonly logger = new Logger(MongoIndexes.name);

  constructor(@InjectConnection() private readonly connection: Connection) {}

  async onModuleInit(): Promise<void> {
    const built = await createIndexesOn(this.connection);
    if (built.length > 0) this.logger.log(`indexes ensured: ${built.join(', ')}`);
  }
}
