import { categoryFamilyOf, splitCategoryPath, subcategoryOf } from '../category/category-family-of';
import type { Spec } from '../offer/canonical-offer';
import type { SourceRecord } from '../sources/supplier-source';
import type { TaobaoOfferPayload } from '../sources/source-payloads';
import { cleanText, yuanToFen } from '../text/normalize-text';
import { barcodeFields, cleanBrand, cleanImages } from './fields';
import type { NormalizedRecord } from './normalized-record';

/**
 * A Taobao item is bought at its shelf price, which is also the public price consumers see: both our
 * supply price and the market reference price. (A Taobao offer therefore carries no margin and wins the
 * best-offer choice only when nobody else has the product in stock.)
 */
export function normalizeTaobao(record: SourceRecord<TaobaoOfferPayload>): NormalizedRecord {
  const { payload } = record;
  if (payload.malformed || payload.item === null) return { kind: 'malformed', reason: payload.malformed ?? 'item missing' };
  const item = payload.item;
  const props = parseProps(item.props_name);
  const categoryPath = splitCategoryPath(item.cat_path);
  const priceFen = yuanToFen(item.price);
  return {
    kind: 'offer',
    draft: {
      sourceId: record.sourceId,
      sourceKind: 'taobao',
      externalId: record.externalId,
      title: cleanText(item.title),
      brand: cleanBrand(item.brand ?? props.brand),
      model: item.outer_id ? cleanText(item.outer_id) : undefined,
      categoryFamily: categoryFamilyOf(categoryPath),
      subcategory: subcategoryOf(categoryPath),
      specs: props.specs,
      images: cleanImages([item.pic_url, ...(item.item_imgs?.item_img ?? []).sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).map((image) => image.url)]),
      ...barcodeFields(item.barcode),
      supplyPriceFen: priceFen,
      marketPriceFen: priceFen,
      stock: item.num,
      status: item.approve_status === 'onsale' ? 'listed' : 'delisted',
    },
  };
}

/** `pid:vid:属性名:属性值;…`: 品牌 is the brand, every other property a spec. */
function parseProps(propsName: string | undefined): { brand?: string; specs: Spec[] } {
  const specs: Spec[] = [];
  let brand: string | undefined;
  for (const entry of (propsName ?? '').split(';')) {
    const [, , name, ...value] = entry.split(':');
    if (!name) continue;
    if (cleanText(name) === '品牌') brand = value.join(':');
    else specs.push({ name: cleanText(name), value: cleanText(value.join(':')) });
  }
  return { brand, specs };
}
