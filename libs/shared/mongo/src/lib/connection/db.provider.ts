import type { FactoryProvider, InjectionToken } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Db } from 'mongodb';
import type { Connection } from 'mongoose';

/** The driver's Db behind the default connection, for stores written on the driver rather than on a model. */
export function driverDbOf(connection: Connection): Db {
  if (!connection.db) throw new Error('the MongoDB connection is not open');
  return connection.db;
}

/** Provides the default connection's driver Db under `token`. */
export function driverDbProvider(token: InjectionToken): FactoryProvider<Db> {
  return { provide: token, inject: [getConnectionToken()], useFactory: driverDbOf };
}
