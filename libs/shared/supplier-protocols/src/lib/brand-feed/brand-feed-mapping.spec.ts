import { BRAND_FEED_COLUMNS, BRAND_FEED_FIELDS } from './brand-feed-columns';
import { brandFeedMappingSchema, defaultBrandFeedMapping } from './brand-feed-mapping';

describe('brand feed mapping', () => {
  it('maps every usual Chinese column to its canonical field by default', () => {
    const mapping = defaultBrandFeedMapping('csv');
    expect(mapping.columns['商品名称']).toBe('title');
    expect(mapping.columns['供货价']).toBe('supplyPrice');
    expect(Object.values(mapping.columns).sort()).toEqual([...BRAND_FEED_FIELDS].sort());
    expect(brandFeedMappingSchema.safeParse(mapping).success).toBe(true);
  });

  it('requires an id column and one column per field', () => {
    expect(brandFeedMappingSchema.safeParse({ format: 'csv', columns: { [BRAND_FEED_COLUMNS.title]: 'title' } }).success).toBe(false);
    expect(brandFeedMappingSchema.safeParse({ format: 'json', columns: { SKU: 'externalId', 名称: 'title', 品名: 'title' } }).success).toBe(false);
    expect(brandFeedMappingSchema.safeParse({ format: 'xlsx', columns: { SKU: 'externalId' } }).success).toBe(false);
  });
});
