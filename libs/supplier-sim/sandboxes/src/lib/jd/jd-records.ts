import { hash4, type SimOffer, unit } from '@supply-hub/sim-catalog-data';
import { JD_SKU_STATES, JD_STOCK_STATES, type JdProductDetail, type JdSellPrice, type JdStock } from '@supply-hub/supplier-protocols';

const SALT_AREA_STOCK = 71;

const STOCK_DESCRIPTIONS: Record<number, string> = {
  [JD_STOCK_STATES.inStock]: '有货',
  [JD_STOCK_STATES.outOfStock]: '无货',
  [JD_STOCK_STATES.preOrder]: '采购中',
  [JD_STOCK_STATES.inTransit]: '在途',
  [JD_STOCK_STATES.transferable]: '可配货',
};

/** Fen to JD's yuan numbers (39.9, 129). */
export function yuan(fen: number): number {
  return Math.round(fen) / 100;
}

/** product/getDetail's answer for one SKU. */
export function jdDetail(offer: SimOffer, withImagePaths: boolean): JdProductDetail {
  return {
    sku: Number(offer.externalId),
    name: offer.title ?? '',
    brandName: offer.brand ?? '',
    category: offer.categoryPath.join(';'),
    weight: offer.weightKg.toFixed(2),
    imagePath: offer.images[0] ?? '',
    upc: offer.barcode ?? '',
    saleUnit: offer.unit,
    introduction: `<div class="sim-detail"><p>${escapeHtml(offer.introduction)}</p>${offer.images.map((src) => `<img src="${src}"/>`).join('')}</div>`,
    param: offer.specs.map((entry) => `${entry.name}:${entry.value}`).join(';'),
    state: offer.listed ? JD_SKU_STATES.listed : JD_SKU_STATES.delisted,
    ...(withImagePaths ? { imagePaths: offer.images } : {}),
    productArea: '中国大陆',
    wareQD: `${offer.title ?? offer.model} x1`,
  };
}

export function jdSellPrice(offer: SimOffer): JdSellPrice {
  return { skuId: Number(offer.externalId), price: yuan(offer.supplyPriceFen), jdPrice: yuan(offer.marketPriceFen) };
}

/**
 * Stock of a SKU in one delivery area: out of stock everywhere when the world says 0 or the SKU is
 * delisted; otherwise a seeded few areas see it in transit, transferable or on pre-order (remainNum −1,
 * as JD answers when it does not say).
 */
export function jdStock(offer: SimOffer, area: string, seed: number): JdStock {
  const skuId = Number(offer.externalId);
  if (offer.stock <= 0 || !offer.listed) return stock(skuId, area, JD_STOCK_STATES.outOfStock, 0);
  const draw = unit(hash4(seed, SALT_AREA_STOCK, offer.index, areaKey(area)));
  if (draw < 0.04) return stock(skuId, area, JD_STOCK_STATES.inTransit, -1);
  if (draw < 0.06) return stock(skuId, area, JD_STOCK_STATES.transferable, -1);
  if (draw < 0.07) return stock(skuId, area, JD_STOCK_STATES.preOrder, -1);
  return stock(skuId, area, JD_STOCK_STATES.inStock, offer.family === 'virtual' ? -1 : offer.stock);
}

function stock(skuId: number, areaId: string, stockStateId: number, remainNum: number): JdStock {
  return { skuId, areaId, stockStateId, stockStateDesc: STOCK_DESCRIPTIONS[stockStateId] ?? '', remainNum };
}

function areaKey(area: string): number {
  let h = 0;
  for (let i = 0; i < area.length; i++) h = (Math.imul(h, 31) + area.charCodeAt(i)) >>> 0;
  return h;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
