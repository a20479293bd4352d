import { productState } from '../../testing/offer-fixtures';
import {
  type CurationRuleSet,
  curationRuleSetIssues,
  DEFAULT_CURATION_RULES,
  initialCurationOf,
  NO_QUALIFICATIONS,
  type SupplierQualificationCheck,
} from './curation-rules';
import { withCuration } from './product-curation';

const at = new Date('2026-11-24T02:00:00Z');

const product = productState;

/** The issue's example: whitelisted brands from qualified suppliers go on sale, cheap coupons are refused, the rest waits. */
const rules: CurationRuleSet = {
  rules: [
    { name: 'whitelisted brands, qualified supplier', when: { brands: ['美的', 'Apple'], qualifiedSupplier: true }, then: 'approved' },
    { name: 'no cheap coupons', when: { families: ['coupon'], maxPriceFen: 500 }, then: 'rejected' },
  ],
  otherwise: 'pending',
};

const qualifiedFor = (pairs: string[]): SupplierQualificationCheck => ({ isQualified: (supplier, brand) => pairs.includes(`${supplier}/${brand}`) });

describe('curation rules for new SKUs', () => {
  it('approves a whitelisted brand from a qualified supplier, naming the rule and the rules as the actor', () => {
    expect(initialCurationOf(product(), rules, qualifiedFor(['jd/美的']), at)).toEqual({
      status: 'approved',
      reason: 'rule "whitelisted brands, qualified supplier"',
      by: 'curation-rules',
      at: at.toISOString(),
    });
  });

  it('leaves the same SKU pending when its supplier is not qualified for the brand', () => {
    expect(initialCurationOf(product({}, 'taobao'), rules, qualifiedFor(['jd/美的']), at)).toMatchObject({
      status: 'pending',
      reason: 'no rule matched: the default for new SKUs',
    });
  });

  it('compares brands as suppliers spell them (case, full-width letters)', () => {
    expect(initialCurationOf(product({ brand: 'ＡＰＰＬＥ' }), rules, { isQualified: () => true }, at).status).toBe('approved');
  });

  it('applies the first rule that matches, every criterion of it', () => {
    const coupon = product({ categoryFamily: 'coupon', subcategory: '优惠券', contractPriceFen: 300 });
    expect(initialCurationOf(coupon, rules, NO_QUALIFICATIONS, at).status).toBe('rejected');
    expect(initialCurationOf({ ...coupon, contractPriceFen: 501 }, rules, NO_QUALIFICATIONS, at).status).toBe('pending');
    const unqualifiedOnly: CurationRuleSet = {
      rules: [{ name: 'unqualified waits', when: { qualifiedSupplier: false }, then: 'pending' }],
      otherwise: 'approved',
    };
    expect(initialCurationOf(product(), unqualifiedOnly, NO_QUALIFICATIONS, at).status).toBe('pending');
    expect(initialCurationOf(product(), unqualifiedOnly, { isQualified: () => true }, at).status).toBe('approved');
  });

  it('approves everything until admins write rules; a pending SKU does not sell', () => {
    expect(initialCurationOf(product(), DEFAULT_CURATION_RULES, NO_QUALIFICATIONS, at).status).toBe('approved');
    const pending = withCuration(product(), initialCurationOf(product(), rules, NO_QUALIFICATIONS, at));
    expect(pending).toMatchObject({ sellable: false, curation: { status: 'pending' } });
  });

  it('names each field a rule set gets wrong', () => {
    expect(
      curationRuleSetIssues({
        rules: [
          { name: 'a', when: { minPriceFen: 500, maxPriceFen: 100 }, then: 'approved' },
          { name: 'a', when: {}, then: 'pending' },
        ],
        otherwise: 'pending',
      }),
    ).toEqual([
      { path: 'rules.0.when.maxPriceFen', message: 'must not be below minPriceFen (500)' },
      { path: 'rules.1.name', message: '"a" names an earlier rule too; names must be unique' },
    ]);
    expect(curationRuleSetIssues(rules)).toEqual([]);
  });
});
