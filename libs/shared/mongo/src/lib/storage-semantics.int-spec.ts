import { createTestDatabase, type TestDatabase } from '@supply-hub/testing';
import { isDuplicateKeyError } from './errors/duplicate-key';

/**
 * The MongoDB semantics every service's storage code relies on, checked on the server the suite runs
 * against. On FerretDB 1.24 the first three hold only with the patches in scripts/ferretdb/ (see there).
 */
describe('storage semantics the services rely on', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('int_semantics');
  });

  afterAll(async () => {
    await database.drop();
  });

  it('loses no update when many writers change one document at once', async () => {
    const counters = database.db.collection<{ _id: string; n: number }>('counters');
    await counters.insertOne({ _id: 'c', n: 0 });
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        for (let i = 0; i < 25; i++) await counters.updateOne({ _id: 'c' }, { $inc: { n: 1 } });
      }),
    );
    expect(await counters.findOne({ _id: 'c' })).toEqual({ _id: 'c', n: 500 });
  });

  it('lets a conditional update succeed only while its condition holds, under contention', async () => {
    const stock = database.db.collection<{ _id: string; qty: number }>('stock');
    await stock.insertOne({ _id: 'sku-1', qty: 10 });
    const results = await Promise.all(Array.from({ length: 40 }, () => stock.findOneAndUpdate({ _id: 'sku-1', qty: { $gte: 1 } }, { $inc: { qty: -1 } })));
    expect(results.filter((result) => result !== null)).toHaveLength(10);
    expect(await stock.findOne({ _id: 'sku-1' })).toEqual({ _id: 'sku-1', qty: 0 });
  });

  it('completes a bulkWrite of many conditional updates', async () => {
    const skus = database.db.collection<{ _id: string; version: number; stock: number }>('skus');
    await skus.insertMany(Array.from({ length: 300 }, (_, i) => ({ _id: `sku-${i}`, version: i % 2, stock: 1 })));
    const result = await skus.bulkWrite(
      Array.from({ length: 300 }, (_, i) => ({
        updateOne: { filter: { _id: `sku-${i}`, version: { $lt: 1 } }, update: { $set: { stock: 0 }, $inc: { version: 1 } } },
      })),
      { ordered: false },
    );
    expect(result.matchedCount).toBe(150);
    expect(await skus.countDocuments({ stock: 0 })).toBe(150);
  });

  it('finds documents by a list of _id values together with other conditions', async () => {
    const skus = database.db.collection<{ _id: string; version: number }>('skus');
    const found = await skus.find({ _id: { $in: ['sku-1', 'sku-2', 'sku-3', 'no-such'] }, version: 1 }).toArray();
    expect(found.map((doc) => doc._id).sort()).toEqual(['sku-1', 'sku-2', 'sku-3']);
  });

  it('refuses a second document with the same unique key, whoever writes first', async () => {
    const claims = database.db.collection<{ _id: string; by: number }>('claims');
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, by) => claims.insertOne({ _id: 'code-1', by })));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected' && isDuplicateKeyError(outcome.reason))).toHaveLength(9);
  });
});
