import { ALL_LINES, type SimOffer } from '@supply-hub/sim-catalog-data';
import { formatBeijingTime, type TaobaoItem } from '@supply-hub/supplier-protocols';

const FIRST_CID = 50_012_000;
const CIDS = new Map(ALL_LINES.map((line, i) => [line.path.join('>'), FIRST_CID + i]));
const BRAND_PID = 20000;
const FIRST_SPEC_PID = 1627207;

/** One SKU as a TOP item (all fields; `pickFields` keeps the requested ones). */
export function taobaoItem(offer: SimOffer): TaobaoItem {
  const catPath = offer.categoryPath.join('>');
  const props = [
    ...(offer.brand ? [`${BRAND_PID}:${valueId(offer.brand)}:品牌:${offer.brand}`] : []),
    ...offer.specs.map((spec, k) => `${FIRST_SPEC_PID + k}:${valueId(spec.value)}:${spec.name}:${spec.value}`),
  ];
  return {
    num_iid: Number(offer.externalId),
    title: offer.title ?? '',
    price: (offer.supplyPriceFen / 100).toFixed(2),
    num: offer.stock,
    cid: CIDS.get(catPath) ?? FIRST_CID - 1,
    props_name: props.join(';'),
    outer_id: offer.model,
    ...(offer.barcode ? { barcode: offer.barcode } : {}),
    approve_status: offer.listed ? 'onsale' : 'instock',
    modified: formatBeijingTime(offer.modifiedAt),
    pic_url: offer.images[0] ?? '',
    item_imgs: { item_img: offer.images.map((url, position) => ({ id: position + 1, url, position })) },
    ...(offer.brand ? { brand: offer.brand } : {}),
    cat_path: catPath,
    desc: `<p>${offer.introduction}</p>`,
    list_time: formatBeijingTime(offer.listedAt),
  };
}

/** TOP answers only the fields asked for (`fields=num_iid,title,price`); unknown names are ignored. */
export function pickFields(item: TaobaoItem, fields: ReadonlySet<string>): Partial<TaobaoItem> {
  const picked: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) if (fields.has(name)) picked[name] = value;
  return picked as Partial<TaobaoItem>;
}

export function fieldSet(fields: string): Set<string> {
  return new Set(fields.split(',').map((field) => field.trim()));
}

function valueId(text: string): number {
  let h = 7;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) >>> 0;
  return 1000 + (h % 9_000_000);
}
