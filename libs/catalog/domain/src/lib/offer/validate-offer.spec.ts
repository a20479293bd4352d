import { offerDraft } from '../../testing/offer-fixtures';
import { validateOffer } from './validate-offer';

describe('validateOffer', () => {
  it('turns a complete draft into a canonical offer with its offer id', () => {
    const result = validateOffer(offerDraft());
    expect(result).toEqual({ ok: true, offer: expect.objectContaining({ offerId: 'jd:100010000063', supplyPriceFen: 19900, status: 'listed' }) });
  });

  it('defaults missing specs, images and status', () => {
    const result = validateOffer(offerDraft({ specs: undefined, images: undefined, status: undefined }));
    expect(result.ok && result.offer).toMatchObject({ specs: [], images: [], status: 'listed' });
  });

  it('reports every problem of a bad record at once', () => {
    const result = validateOffer(offerDraft({ title: undefined, supplyPriceFen: -100, stock: 1.5, barcode: undefined, invalidBarcode: '6901234567893' }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toEqual(
      expect.arrayContaining([
        { path: 'barcode', message: 'barcode 6901234567893 fails its check digit' },
        { path: 'title', message: 'title is missing' },
        { path: 'supplyPriceFen', message: 'supply price must be above zero' },
        { path: 'stock', message: 'stock must be a whole number' },
      ]),
    );
  });

  it('refuses a supply price above the market reference price', () => {
    const result = validateOffer(offerDraft({ supplyPriceFen: 40000, marketPriceFen: 29900 }));
    expect(!result.ok && result.issues).toEqual([{ path: 'supplyPriceFen', message: 'supply price is above the market reference price' }]);
  });

  it('refuses a missing price and a non-http image', () => {
    const result = validateOffer(offerDraft({ marketPriceFen: undefined, images: ['ftp://x/1.jpg'] }));
    expect(!result.ok && result.issues.map((issue) => issue.path).sort()).toEqual(['images.0', 'marketPriceFen']);
  });
});
