import type { ProductState, Qualification } from '@supply-hub/catalog-domain';
import type { CurationRulesDocument } from '@supply-hub/catalog-data-access';
import { CurationRulesCache } from './curation-rules-cache';

const at = new Date('2026-11-24T02:00:00Z');
const product = {
  skuId: 'sku_1',
  brand: '美的',
  categoryFamily: 'physical',
  subcategory: '电饭煲',
  contractPriceFen: 29900,
  bestOfferId: 'jd:1',
  offers: [{ offerId: 'jd:1', sourceId: 'jd' }],
} as unknown as ProductState;

describe('CurationRulesCache', () => {
  it('decides by the defaults until a rule set is saved, then by the saved set, with qualifications read alongside', async () => {
    const stored: { rules?: CurationRulesDocument } = {};
    const qualifications: Qualification[] = [];
    const cache = new CurationRulesCache({ read: async () => stored.rules }, { all: async () => qualifications });
    await cache.refresh();
    // No rule set saved: no decision recorded, the SKU sells as before curation.
    expect(cache.decide(product, at)).toBeUndefined();

    stored.rules = { _id: 'current', rules: [{ name: 'qualified', when: { qualifiedSupplier: true }, then: 'approved' }], otherwise: 'pending', version: 1, updatedBy: 'admin', updatedAt: at };
    await cache.refresh();
    expect(cache.version).toBe(1);
    expect(cache.decide(product, at)).toMatchObject({ status: 'pending', reason: 'no rule matched: the default for new SKUs' });

    const document = { supplierId: 'jd', validFrom: '2020-01-01', validUntil: '2099-12-31', recordedBy: 'q', recordedAt: at };
    qualifications.push(
      { ...document, id: 'q1', kind: 'business-licence' },
      { ...document, id: 'q2', kind: 'brand-authorisation', brand: '美的' },
    );
    expect(cache.decide(product, at)?.status).toBe('pending');
    await cache.refresh();
    expect(cache.decide(product, at)).toMatchObject({ status: 'approved', reason: 'rule "qualified"' });
  });
});
