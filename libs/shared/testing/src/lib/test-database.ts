import { type Db, MongoClient } from 'mongodb';
import { integrationEnv } from './integration-env';
import { uniqueName } from './unique-name';

export interface TestDatabase {
  client: MongoClient;
  db: Db;
  /** Drops the database and closes the client: call it in afterAll. */
  drop(): Promise<void>;
}

/** A database of its own for one test file (`<prefix>-<run>-<n>`), on the MONGO_URL server. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const client = await MongoClient.connect(integrationEnv().mongoUrl);
  const db = client.db(uniqueName(prefix));
  return {
    client,
    db,
    drop: async () => {
      try {
        await db.dropDatabase();
      } finally {
        await client.close();
      }
    },
  };
}
