import { API_KEY_MODEL, connectMongo, createIndexesFor, MongoApiKeyStore, modelOn } from '@supply-hub/mongo';
import type { Connection } from 'mongoose';
import type { ServiceDatabase } from '../service-databases';

export interface KeyDatabase extends ServiceDatabase {
  store: MongoApiKeyStore;
}

/**
 * Runs `work` with an API key store on each service database, then closes every connection. The
 * collection's indexes are ensured first, so a key written before a service's first start is still
 * unique by hash.
 */
export async function withKeyDatabases<T>(mongoUrl: string, databases: ServiceDatabase[], work: (stores: KeyDatabase[]) => Promise<T>): Promise<T> {
  const connections: Connection[] = [];
  try {
    const stores: KeyDatabase[] = [];
    for (const entry of databases) {
      const connection = await connectMongo({ url: mongoUrl, dbName: entry.database, appName: 'supply-hub-cli' });
      connections.push(connection);
      const model = modelOn(connection, API_KEY_MODEL);
      await createIndexesFor(model);
      stores.push({ ...entry, store: new MongoApiKeyStore(model) });
    }
    return await work(stores);
  } finally {
    await Promise.all(connections.map((connection) => connection.close()));
  }
}
