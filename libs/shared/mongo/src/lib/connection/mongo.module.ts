import { type DynamicModule, type FactoryProvider, Module, type ModuleMetadata } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { connectOptionsFor, type MongoSettings } from './mongo-settings';
import { MongoIndexes } from './mongo-indexes.service';

export interface MongoModuleOptions extends Pick<FactoryProvider<MongoSettings | Promise<MongoSettings>>, 'useFactory' | 'inject'> {
  imports?: ModuleMetadata['imports'];
}

/**
 * The service's one database connection: Mongoose's default connection, which everything else takes
 * through `@InjectConnection()` / `getConnectionToken()` (the outbox and ledger too).
 */
@Module({})
export class MongoModule {
  static forRootAsync(options: MongoModuleOptions): DynamicModule {
    return {
      module: MongoModule,
      imports: [
        MongooseModule.forRootAsync({
          imports: options.imports,
          inject: options.inject,
          useFactory: async (...args: unknown[]) => {
            const settings = await options.useFactory(...args);
            // Retries cover a database still starting next to the service, and no more: a wrong URL
            // should stop the start within seconds, not after the default nine attempts.
            return { uri: settings.url, ...connectOptionsFor(settings), retryAttempts: 3, retryDelay: 1_000 };
          },
        }),
      ],
      providers: [MongoIndexes],
    };
  }
}
