import type { Prng } from '../random/prng';
import type { SimProduct } from './product';
import type { SourceKind } from './sources';

const TAOBAO_TAGS = ['官方旗舰', '正品保障', '限时特惠', '顺丰包邮', '新品首发', '积分兑换'];
const TAOBAO_SUFFIXES = ['正品包邮', '官方正品', '家用', '新款', '送礼佳品', '假一赔十'];
const VIRTUAL_SUFFIXES = ['自动充值', '秒到账', '官方直充', '全国通用'];

/**
 * Each source writes titles its own way, so one product gets three different titles: JD's
 * "品牌（Brand）名词 规格 卖点 型号", Taobao's keyword-stuffed "【标签】品牌名词规格卖点后缀" and a
 * brand's plain "品牌 名词 型号 规格".
 */
export function titleFor(kind: SourceKind, product: SimProduct, random: Prng): string {
  const noun = product.line.noun;
  switch (kind) {
    case 'jd':
      return product.family === 'physical'
        ? `${product.brand}（${product.brandEn}）${noun} ${product.spec} ${product.feature} ${product.model}`
        : `${product.brand} ${noun} ${product.spec} ${product.feature}`;
    case 'taobao': {
      const suffix = random.pick(product.family === 'physical' ? TAOBAO_SUFFIXES : VIRTUAL_SUFFIXES);
      return `【${random.pick(TAOBAO_TAGS)}】${product.brand}${noun}${product.spec.replace(/ /g, '')}${product.feature} ${suffix}`;
    }
    case 'brand-feed':
      return `${product.brand} ${noun} ${product.model} ${product.spec}`;
  }
}

/** A short product introduction (JD's introduction, Taobao's desc). */
export function introductionFor(product: SimProduct): string {
  const specs = product.specs.map((entry) => `${entry.name}：${entry.value}`).join('；');
  return `${product.brand}${product.line.noun}，${product.feature}。${specs}。型号：${product.model}。`;
}
