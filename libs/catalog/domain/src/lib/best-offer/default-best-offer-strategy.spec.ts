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

  it('lets the better supplier score win between offers within 2 % of the cheapest, and only there', () => {
    const cheap = (qualityScore: number) => offerSummary({ offerId: 'a', sourceId: 'jd', supplyPriceFen: 10_000, qualityScore });
    const close = (qualityScore: number) => offerSummary({ offerId: 'b', sourceId: 'taobao', supplyPriceFen: 10_200, qualityScore });
    expect(strategy.choose([cheap(50), close(50)])?.offerId).toBe('a');
    expect(strategy.choose([cheap(50), close(90)])?.offerId).toBe('b');
    expect(strategy.choose([cheap(90), close(50)])?.offerId).toBe('a');
    const tooDear = offerSummary({ offerId: 'c', supplyPriceFen: 10_201, qualityScore: 100 });
    expect(strategy.choose([cheap(0), tooDear])?.offerId).toBe('a');
    expect(new DefaultBestOfferStrategy({ closePriceBps: 0 }).choose([cheap(50), close(90)])?.offerId).toBe('a');
  });

  it('measures closeness from the cheapest offer, whatever the order of the offers', () => {
    const offers = [
      offerSummary({ offerId: 'a', supplyPriceFen: 10_000, qualityScore: 50 }),
      offerSummary({ offerId: 'b', supplyPriceFen: 10_150, qualityScore: 60 }),
      offerSummary({ offerId: 'c', supplyPriceFen: 10_300, qualityScore: 99 }),
    ];
    expect(strategy.choose(offers)?.offerId).toBe('b');
    expect(strategy.choose([...offers].reverse())?.offerId).toBe('b');
  });

  it('never chooses a delisted offer, and chooses nothing when all are delisted', () => {
    const delisted = offerSummary({ offerId: 'a', supplyPriceFen: 1, status: 'delisted' });
    expect(strategy.choose([delisted, offerSummary({ offerId: 'b', stock: 0 })])?.offerId).toBe('b');
    expect(strategy.choose([delisted])).toBeUndefined();
  });
});
