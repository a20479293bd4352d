import type { FactoryProvider, Type } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';
import { type ModelDefinition, modelOn } from './model-definition';

/**
 * Provides a repository (or store) built on the default connection's model for `definition`: the one
 * way collections are wired, so every model is registered on the connection whose indexes MongoIndexes
 * builds at start-up. The class stays a plain constructor taking the model, usable outside Nest (CLI).
 */
export function repositoryProvider<T, R>(repository: Type<R> & (new (model: Model<T>) => R), definition: ModelDefinition<T>): FactoryProvider<R> {
  return {
    provide: repository,
    useFactory: (connection: Connection) => new repository(modelOn(connection, definition)),
    inject: [getConnectionToken()],
  };
}
