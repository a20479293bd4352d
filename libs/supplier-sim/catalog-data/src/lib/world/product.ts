import { ean13 } from '../barcode/ean13';
import { hash3 } from '../random/hash';
import { AffinePermutation } from '../random/permutation';
import { Prng } from '../random/prng';
import { BRANDS } from '../taxonomy/brands';
import { FAMILIES, LINES_BY_FAMILY, linesOfBrand } from '../taxonomy/product-lines';
import { type CategoryFamily, FAMILY_NAMES, FAMILY_WEIGHTS, type ProductLine } from '../taxonomy/taxonomy-types';

const SALT_PRODUCT = 21;
const SALT_MODEL = 22;
const SALT_BARCODE = 23;
const MODEL_CODE_SPACE = 36 ** 6;
const BARCODE_BODY_SPACE = 10_000_000_000;

export interface SpecEntry {
  name: string;
  value: string;
}

/** What every source selling a product agrees on: category, brand, model, specs, barcode, base price. */
export interface SimProduct {
  index: number;
  family: CategoryFamily;
  /** 实物, 虚拟, 服务 or 优惠券. */
  familyName: string;
  categoryPath: readonly string[];
  line: ProductLine;
  brand: string;
  brandEn: string;
  /** Unique per product, so goods without a barcode still match by brand + model. */
  model: string;
  specs: SpecEntry[];
  /** 规格: the spec values joined, e.g. "4L 白色". */
  spec: string;
  feature: string;
  /** EAN-13 for physical goods (GS1 China prefix 69), null for virtual, service and coupon products. */
  barcode: string | null;
  /** 市场参考价 in fen. */
  marketPriceFen: number;
  /** True when a spec value fixes the price (face value 面值, membership term). */
  facePriced: boolean;
  weightKg: number;
  unit: string;
  /** Stable key for image file names. */
  imageKey: string;
}

/** Builds products from (seed, index); holds only the permutations and per-brand line lists. */
export class ProductFactory {
  private readonly modelCodes: AffinePermutation;
  private readonly barcodeBodies: AffinePermutation;
  private readonly brandLines = new Map<string, ProductLine[]>();

  constructor(private readonly seed: number) {
    this.modelCodes = new AffinePermutation(MODEL_CODE_SPACE, hash3(seed, SALT_MODEL, 0));
    this.barcodeBodies = new AffinePermutation(BARCODE_BODY_SPACE, hash3(seed, SALT_BARCODE, 0));
  }

  product(index: number, requiredBrand: string | null): SimProduct {
    const random = new Prng(hash3(this.seed, SALT_PRODUCT, index));
    const line = requiredBrand ? random.pickWeighted(this.linesOf(requiredBrand), (candidate) => candidate.weight) : this.pickLine(random);
    const brand = requiredBrand ?? random.pickWeighted(line.brands, (candidate) => 1 / (line.brands.indexOf(candidate) + 1));
    const info = BRANDS[brand] ?? { en: brand, prefix: 'XX' };

    let pricedYuan: number | null = null;
    const specs = line.specs.map((dimension) => {
      const value = random.pick(dimension.values);
      if (typeof value === 'string') return { name: dimension.name, value };
      pricedYuan = value.priceYuan;
      return { name: dimension.name, value: value.label };
    });
    const marketYuan = pricedYuan ?? roundRetailYuan(random.between(line.priceYuan[0], line.priceYuan[1]));
    const code = this.modelCodes
      .apply(index % MODEL_CODE_SPACE)
      .toString(36)
      .toUpperCase()
      .padStart(6, '0');
    return {
      index,
      family: line.family,
      familyName: FAMILY_NAMES[line.family],
      categoryPath: line.path,
      line,
      brand,
      brandEn: info.en,
      model: `${info.prefix}-${line.code}${code}`,
      specs,
      spec: specs.map((entry) => entry.value).join(' '),
      feature: random.pick(line.features),
      barcode: line.family === 'physical' ? ean13(`69${String(this.barcodeBodies.apply(index % BARCODE_BODY_SPACE)).padStart(10, '0')}`) : null,
      marketPriceFen: Math.round(marketYuan * 100),
      facePriced: pricedYuan !== null,
      weightKg: Math.round(random.between(line.weightKg[0], line.weightKg[1]) * 100) / 100,
      unit: line.unit,
      imageKey: hash3(this.seed, SALT_PRODUCT + 1, index)
        .toString(16)
        .padStart(8, '0'),
    };
  }

  private pickLine(random: Prng): ProductLine {
    const family = random.pickWeighted(FAMILIES, (candidate) => FAMILY_WEIGHTS[candidate]);
    return random.pickWeighted(LINES_BY_FAMILY[family], (candidate) => candidate.weight);
  }

  private linesOf(brand: string): ProductLine[] {
    let lines = this.brandLines.get(brand);
    if (!lines) {
      lines = linesOfBrand(brand);
      if (lines.length === 0) throw new Error(`no product line is made by ${brand}`);
      this.brandLines.set(brand, lines);
    }
    return lines;
  }
}

/** Retail-looking prices: 299 above a hundred yuan, 59.9 below. */
function roundRetailYuan(yuan: number): number {
  return yuan >= 100 ? Math.floor(yuan / 10) * 10 + 9 : Math.floor(yuan) + 0.9;
}
