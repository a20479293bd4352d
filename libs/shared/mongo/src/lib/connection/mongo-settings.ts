import { type Connection, type ConnectOptions, createConnection } from 'mongoose';

export interface MongoSettings {
  url: string;
  dbName: string;
  /** Shows up in the server's connection list and logs: the service name. */
  appName?: string;
}

/**
 * Connection options every service and the CLI share. Indexes are not built in the background by
 * Mongoose (autoIndex) but awaited at start-up (MongoIndexes), so a start-up finishes only with every
 * per-request query backed by its index, and an index FerretDB cannot build stops the start loudly.
 * Commands are not buffered: while the database is away, calls fail fast and /health says so.
 */
export function connectOptionsFor(settings: MongoSettings): ConnectOptions {
  return {
    dbName: settings.dbName,
    appName: settings.appName,
    autoIndex: false,
    autoCreate: false,
    bufferCommands: false,
    serverSelectionTimeoutMS: 5_000,
  };
}

/** For code outside Nest (the CLI): a connected connection with the same options the services use. */
export async function connectMongo(settings: MongoSettings): Promise<Connection> {
  return createConnection(settings.url, connectOptionsFor(settings)).asPromise();
}
