import { offerSummary } from '../../testing/offer-fixtures';
import { DefaultBestOfferStrategy } from './default-best-offer-strategy';

describe('DefaultBestOfferStrategy', () => {
  const strategy = new DefaultBestOfferStrategy();

  it('prefers an offer in stock over a cheaper one without stock', () => {
    const cheapEmpty = offerSummary({ offerId: 'a', supplyPriceFen: 100, stock: 0 });
    const dearFull = offerSummary({ offerId: 'b', supplyPriceFen: 200, stock: 3 });
    expect(strategy.choose([cheapEmpty, dearFull])?.offerId).toBe('b');
  });

  it('then the lowest supply price, then quality, then dispatch SLA, then the offer id', () => {
    expect(strategy.choose([offerSummary({ offerId: 'a', supplyPriceFen: 200 }), offerSummary({ offerId: 'b', supplyPriceFen: 150 })])?.offerId).toBe('b');
    expect(strategy.choose([offerSummary({ offerId: 'a', qualityScore: 40 }), offerSummary({ offerId: 'b', qualityScore: 90 })])?.offerId).toBe('b');
    expect(strategy.choose([offerSummary({ offerId: 'a', dispatchSlaHours: 72 }), offerSummary({ offerId: 'b', dispatchSlaHours: 24 })])?.offerId).toBe('b');
    expect(strategy.choose([offerSummary({ offerId: 'b' }), offerSummary({ offerId: 'a' })])?.offerId).toBe('a');
  });

  it('never chooses a delisted offer, and chooses nothing when all are delisted', () => {
    const delisted = offerSummary({ offerId: 'a', supplyPriceFen: 1, status: 'delisted' });
    expect(strategy.choose([delisted, offerSummary({ offerId: 'b', stock: 0 })])?.offerId).toBe('b');
    expect(strategy.choose([delisted])).toBeUndefined();
  });
});
