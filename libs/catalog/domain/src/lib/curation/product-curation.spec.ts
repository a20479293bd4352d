import { productState } from '../../testing/offer-fixtures';
import { classifyChange } from '../product/product-change';
import { curate, curationRefusal, withCuration } from './product-curation';

const at = new Date('2026-11-24T02:00:00Z');
const by = 'curator-wang';

const product = productState;

describe('curation', () => {
  it('suspends an approved SKU: unsellable with the reason, announced as a delisting; reinstating restores it', () => {
    const suspended = curate(product(), 'suspend', { reason: '抽检不合格', by, at });
    if (!suspended.ok) throw new Error(suspended.refusal);
    expect(suspended.product).toMatchObject({ sellable: false, delistedReason: 'suspended by curation: 抽检不合格', curation: { status: 'suspended', by } });
    expect(classifyChange(product(), suspended.product)).toBe('delisted');
    const back = curate(suspended.product, 'reinstate', { reason: '复检合格', by, at });
    if (!back.ok) throw new Error(back.refusal);
    expect(back.product).toMatchObject({ sellable: true, delistedReason: null, curation: { status: 'approved', reason: '复检合格' } });
    expect(classifyChange(suspended.product, back.product)).toBe('updated');
  });

  it('refuses moves the decision cannot make, naming what it can', () => {
    expect(curationRefusal('approved', 'approve')).toBe('an approved SKU cannot be approved (only a pending one)');
    expect(curationRefusal('pending', 'suspend')).toBe('a pending SKU cannot be suspended (only an approved one)');
    expect(curationRefusal('delisted', 'review')).toBeUndefined();
    expect(curate(product(), 'reinstate', { reason: 'x', by, at })).toEqual({
      ok: false,
      refusal: 'an approved SKU cannot be reinstated (only a suspended one)',
    });
  });

  it('keeps a SKU without stock unsellable when approved, and a supplier’s delisting reason first', () => {
    const empty = product({ offers: [{ ...product().offers[0]!, stock: 0 }], stock: 0, sellable: false });
    expect(withCuration(empty, { status: 'approved', reason: 'ok', by, at: at.toISOString() }).sellable).toBe(false);
    const gone = product({ bestOfferId: null, sellable: false, delistedReason: 'every supplier has delisted it' });
    expect(withCuration(gone, { status: 'suspended', reason: 'x', by, at: at.toISOString() }).delistedReason).toBe('every supplier has delisted it');
  });
});
