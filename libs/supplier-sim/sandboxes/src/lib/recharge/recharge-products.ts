/**
 * The recharge sandboxes' product list: 话费 (mobile top-ups) of the three operators, 加油卡 (fuel card)
 * top-ups, monthly 视频会员 (video memberships) and card products (卡密). Product ids are numeric text,
 * as the 福禄-style gateway has them; the 聚合-style API finds a 话费 product from the number and the face value.
 */
export type RechargeProductKind = 'mobile' | 'fuel' | 'membership' | 'card';

export const MOBILE_OPERATORS = ['中国移动', '中国联通', '中国电信'] as const;
export type MobileOperator = (typeof MOBILE_OPERATORS)[number];

export interface RechargeProduct {
  productId: string;
  name: string;
  kind: RechargeProductKind;
  operator?: MobileOperator;
  faceValueYuan: number;
  /** What the buyer pays per unit, yuan. */
  priceYuan: number;
}

const MOBILE_FACE_VALUES = [10, 30, 50, 100] as const;
const FUEL_FACE_VALUES = [100, 200, 500] as const;

/** 1 + operator digit + face value on three digits: 10050 is 中国移动 50 元. */
const mobileProducts = MOBILE_OPERATORS.flatMap((operator, index) =>
  MOBILE_FACE_VALUES.map((face): RechargeProduct => ({
    productId: `1${index}${String(face).padStart(3, '0')}`,
    name: `${operator}话费${face}元`,
    kind: 'mobile',
    operator,
    faceValueYuan: face,
    priceYuan: round2(face * 0.985),
  })),
);

const fuelProducts = FUEL_FACE_VALUES.map((face): RechargeProduct => ({
  productId: `20${String(face).padStart(3, '0')}`,
  name: `中石化加油卡${face}元`,
  kind: 'fuel',
  faceValueYuan: face,
  priceYuan: round2(face * 0.99),
}));

const otherProducts: RechargeProduct[] = [
  { productId: '30001', name: '腾讯视频VIP月卡', kind: 'membership', faceValueYuan: 30, priceYuan: 25 },
  { productId: '30002', name: '爱奇艺黄金VIP月卡', kind: 'membership', faceValueYuan: 25, priceYuan: 21.5 },
  { productId: '30003', name: '优酷VIP月卡', kind: 'membership', faceValueYuan: 25, priceYuan: 20 },
  { productId: '40001', name: '腾讯Q币卡10元', kind: 'card', faceValueYuan: 10, priceYuan: 9.7 },
  { productId: '40002', name: '网易一卡通30元', kind: 'card', faceValueYuan: 30, priceYuan: 28.8 },
  { productId: '40003', name: '盛大游戏点卡50元', kind: 'card', faceValueYuan: 50, priceYuan: 48 },
];

export const RECHARGE_PRODUCTS: readonly RechargeProduct[] = [...mobileProducts, ...fuelProducts, ...otherProducts];

const BY_ID = new Map(RECHARGE_PRODUCTS.map((product) => [product.productId, product]));

export function rechargeProduct(productId: string): RechargeProduct | undefined {
  return BY_ID.get(productId);
}

/** Number segments (号段) of each operator, three digits (unsure: the common segments, not a full list). */
const SEGMENTS: Record<MobileOperator, readonly string[]> = {
  中国移动: [
    '134',
    '135',
    '136',
    '137',
    '138',
    '139',
    '147',
    '150',
    '151',
    '152',
    '157',
    '158',
    '159',
    '178',
    '182',
    '183',
    '184',
    '187',
    '188',
    '195',
    '197',
    '198',
  ],
  中国联通: ['130', '131', '132', '145', '155', '156', '166', '167', '171', '175', '176', '185', '186', '196'],
  中国电信: ['133', '149', '153', '173', '174', '177', '180', '181', '189', '190', '191', '193', '199'],
};

export function mobileOperatorOf(phone: string): MobileOperator | undefined {
  if (!/^1\d{10}$/.test(phone)) return undefined;
  const segment = phone.slice(0, 3);
  return MOBILE_OPERATORS.find((operator) => SEGMENTS[operator].includes(segment));
}

/** The 话费 product for a number and a face value, if the number's operator sells that value. */
export function mobileProductFor(phone: string, faceValueYuan: number): RechargeProduct | undefined {
  const operator = mobileOperatorOf(phone);
  return mobileProducts.find((product) => product.operator === operator && product.faceValueYuan === faceValueYuan);
}

/** Whether an account can receive a product: its operator's numbers, a 中石化 card number, a member id or mobile. */
export function acceptsAccount(product: RechargeProduct, account: string): boolean {
  switch (product.kind) {
    case 'mobile':
      return mobileOperatorOf(account) === product.operator;
    case 'fuel':
      return /^100011\d{13}$/.test(account);
    case 'membership':
      return /^1\d{10}$/.test(account) || /^[A-Za-z0-9_.@-]{5,40}$/.test(account);
    case 'card':
      return false;
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
