import { corruptEan13 } from '../barcode/ean13';
import { hash3, hash4, unit } from '../random/hash';
import { Prng } from '../random/prng';
import type { ExternalIds } from './external-ids';
import type { SimProduct } from './product';
import type { DefectKind, SimOffer } from './sim-offer';
import type { SimSource } from './sources';
import { introductionFor, titleFor } from './titles';

const SALT_OFFER = 41;
const SALT_DEFECT = 42;
const ALL_DEFECTS: readonly DefectKind[] = ['missing-title', 'negative-price', 'zero-price', 'bad-barcode', 'missing-brand', 'market-below-supply'];
const DEFECTS_WITHOUT_BARCODE = ALL_DEFECTS.filter((kind) => kind !== 'bad-barcode');

/** Turns a product into one source's offer of it: its own title, prices, stock, images and defects. */
export class OfferFactory {
  constructor(
    private readonly seed: number,
    private readonly ids: ExternalIds,
    private readonly malformedRate: number,
  ) {}

  offer(source: SimSource, index: number, product: SimProduct, listedAt: number): SimOffer {
    const random = new Prng(hash4(this.seed, SALT_OFFER, index, source.ordinal));
    const marketPriceFen = product.facePriced ? product.marketPriceFen : Math.round((product.marketPriceFen * random.between(0.97, 1.06)) / 100) * 100;
    const supplyShare = product.facePriced
      ? product.family === 'virtual'
        ? random.between(0.965, 0.995)
        : random.between(0.8, 0.95)
      : random.between(0.68, 0.88);
    const stock = product.family === 'physical' ? (random.chance(0.05) ? 0 : random.int(1, 800)) : product.family === 'virtual' ? 9999 : random.int(100, 5000);
    const offer: SimOffer = {
      sourceId: source.id,
      sourceKind: source.kind,
      index,
      externalId: this.ids.idOf(source, index),
      productIndex: product.index,
      family: product.family,
      familyName: product.familyName,
      categoryPath: product.categoryPath,
      title: titleFor(source.kind, product, random),
      brand: product.brand,
      brandEn: product.brandEn,
      model: product.model,
      specs: product.specs,
      spec: product.spec,
      barcode: product.barcode,
      images: imagesFor(source, product, random.int(2, 5)),
      supplyPriceFen: Math.round(marketPriceFen * supplyShare),
      marketPriceFen,
      stock,
      listed: true,
      weightKg: product.weightKg,
      unit: product.unit,
      introduction: introductionFor(product),
      listedAt,
      modifiedAt: listedAt,
      defect: null,
    };
    return this.maybeBreak(offer, source);
  }

  private maybeBreak(offer: SimOffer, source: SimSource): SimOffer {
    const draw = hash3(this.seed, SALT_DEFECT + source.ordinal, offer.index);
    if (unit(draw) >= this.malformedRate) return offer;
    const kinds = offer.barcode ? ALL_DEFECTS : DEFECTS_WITHOUT_BARCODE;
    const defect = kinds[draw % kinds.length] as DefectKind;
    return { ...breakOffer(offer, defect), defect };
  }
}

/** The record with one field broken the way `defect` says (also used by the sandboxes' malformed fault). */
export function breakOffer(offer: SimOffer, defect: DefectKind): SimOffer {
  switch (defect) {
    case 'missing-title':
      return { ...offer, title: null };
    case 'negative-price':
      return { ...offer, supplyPriceFen: -Math.abs(offer.supplyPriceFen || 100) };
    case 'zero-price':
      return { ...offer, supplyPriceFen: 0 };
    case 'bad-barcode':
      return offer.barcode ? { ...offer, barcode: corruptEan13(offer.barcode) } : { ...offer, title: null };
    case 'missing-brand':
      return { ...offer, brand: null };
    case 'market-below-supply':
      return { ...offer, marketPriceFen: Math.floor(offer.supplyPriceFen * 0.8) };
  }
}

function imagesFor(source: SimSource, product: SimProduct, count: number): string[] {
  const images: string[] = [];
  for (let n = 1; n <= count; n++) {
    if (source.kind === 'jd') images.push(`https://img.sim-jd.example/n1/jfs/t1/${product.imageKey}/${n}.jpg`);
    else if (source.kind === 'taobao') images.push(`https://img.sim-taobao.example/bao/uploaded/i${n}/${product.imageKey}.jpg`);
    else images.push(`https://static.sim-brand.example/${source.brand?.slug ?? 'brand'}/${product.model}-${n}.jpg`);
  }
  return images;
}
