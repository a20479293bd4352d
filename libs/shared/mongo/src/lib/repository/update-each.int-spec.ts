import { createTestDatabase, type TestDatabase } from '@supply-hub/testing';
import { updateEachReadingBack } from './update-each';

interface Seat {
  _id: string;
  holder: string | null;
}

describe('updateEachReadingBack on FerretDB', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('int_update_each');
  });
  afterAll(() => database?.drop());

  const seats = () => database.db.collection<Seat>('seats');
  const take = (seat: string, holder: string) => ({ filter: { _id: seat, holder: null }, update: { $set: { holder } } });
  const holds = (holders: string[]) => (seat: Seat | undefined, index: number) => seat?.holder === holders[index];

  it('applies every update in one call and, when a filter misses, reads back which stand', async () => {
    await seats().insertMany([
      { _id: 's-1', holder: null },
      { _id: 's-2', holder: null },
      { _id: 's-3', holder: 'carol' },
    ]);
    expect(await updateEachReadingBack(seats(), [take('s-1', 'ann'), take('s-2', 'bob')], holds(['ann', 'bob']))).toEqual([true, true]);
    // s-1 is ann's already (a repeated call stands), s-3 is carol's, s-9 does not exist.
    const holders = ['ann', 'dan', 'eve'];
    expect(await updateEachReadingBack(seats(), [take('s-1', 'ann'), take('s-3', 'dan'), take('s-9', 'eve')], holds(holders), { holder: 1 })).toEqual([
      true,
      false,
      false,
    ]);
    expect(await seats().find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 's-1', holder: 'ann' },
      { _id: 's-2', holder: 'bob' },
      { _id: 's-3', holder: 'carol' },
    ]);
    expect(await updateEachReadingBack(seats(), [], holds([]))).toEqual([]);
  });
});
