import type { CategoryFamily, ProductLine, SpecValue } from './taxonomy-types';

const priced = (suffix: string, ...prices: number[]): SpecValue[] => prices.map((price) => ({ label: `${price}${suffix}`, priceYuan: price }));

function line(
  family: CategoryFamily,
  path: [string, string, string],
  noun: string,
  code: string,
  brands: string[],
  specs: ProductLine['specs'],
  features: string[],
  weight: number,
  unit = '张',
): ProductLine {
  return { family, path, noun, code, brands, specs, features, priceYuan: [10, 500], weightKg: [0, 0], unit, weight };
}

/** 虚拟: credited to an account or delivered as a card code (卡密); no barcode, matched by brand + model. */
export const VIRTUAL_LINES: readonly ProductLine[] = [
  line(
    'virtual',
    ['虚拟', '话费充值', '手机话费'],
    '话费充值',
    'HF',
    ['中国移动', '中国联通', '中国电信'],
    [{ name: '面值', values: priced('元', 10, 20, 30, 50, 100, 200) }],
    ['全国通用', '快充', '24小时自动到账'],
    5,
    '次',
  ),
  line(
    'virtual',
    ['虚拟', '流量', '流量包'],
    '流量包',
    'LL',
    ['中国移动', '中国联通', '中国电信'],
    [
      {
        name: '规格',
        values: [
          { label: '1GB日包', priceYuan: 5 },
          { label: '5GB月包', priceYuan: 30 },
          { label: '10GB月包', priceYuan: 50 },
          { label: '30GB月包', priceYuan: 100 },
        ],
      },
    ],
    ['全国通用', '当月有效'],
    2,
    '次',
  ),
  line(
    'virtual',
    ['虚拟', '视频会员', '视频会员'],
    '会员',
    'VIP',
    ['爱奇艺', '腾讯视频', '优酷', '芒果TV', '哔哩哔哩'],
    [
      {
        name: '时长',
        values: [
          { label: '月卡', priceYuan: 25 },
          { label: '季卡', priceYuan: 68 },
          { label: '年卡', priceYuan: 248 },
        ],
      },
    ],
    ['黄金VIP', '直充到账', '官方正品'],
    4,
    '张',
  ),
  line(
    'virtual',
    ['虚拟', '加油卡', '加油卡充值'],
    '加油卡充值',
    'JY',
    ['中石化', '中石油'],
    [{ name: '面值', values: priced('元', 100, 200, 500, 1000) }],
    ['全国通用', '直充'],
    2,
    '张',
  ),
  line(
    'virtual',
    ['虚拟', '游戏点卡', '游戏点卡'],
    '点卡',
    'DK',
    ['腾讯', '网易'],
    [{ name: '面值', values: priced('元', 10, 30, 50, 100) }],
    ['卡密', '自动发货', '直充'],
    2,
    '张',
  ),
];

/** 服务: redeemed at a provider's store or at home. */
export const SERVICE_LINES: readonly ProductLine[] = [
  line(
    'service',
    ['服务', '医疗健康', '体检'],
    '体检套餐',
    'TJ',
    ['美年大健康', '爱康国宾', '瑞慈体检'],
    [
      {
        name: '套餐',
        values: [
          { label: '基础套餐', priceYuan: 299 },
          { label: '深度套餐', priceYuan: 899 },
          { label: '父母套餐', priceYuan: 1299 },
        ],
      },
    ],
    ['全国门店通用', '电子凭证', '报告线上查看'],
    3,
    '份',
  ),
  line(
    'service',
    ['服务', '汽车服务', '洗车'],
    '洗车服务',
    'XC',
    ['途虎养车', '车享家'],
    [
      {
        name: '规格',
        values: [
          { label: '标准洗车1次', priceYuan: 39 },
          { label: '精洗3次卡', priceYuan: 129 },
        ],
      },
    ],
    ['5座轿车', '门店核销'],
    2,
    '次',
  ),
  line(
    'service',
    ['服务', '家政服务', '家政保洁'],
    '家政保洁',
    'JZ',
    ['天鹅到家', '好慷在家'],
    [
      {
        name: '时长',
        values: [
          { label: '3小时', priceYuan: 159 },
          { label: '4小时', priceYuan: 199 },
          { label: '深度保洁', priceYuan: 499 },
        ],
      },
    ],
    ['上门服务', '专业工具'],
    2,
    '次',
  ),
  line(
    'service',
    ['服务', '医疗健康', '口腔护理'],
    '洁牙服务',
    'KQ',
    ['瑞尔齿科', '通策口腔'],
    [
      {
        name: '项目',
        values: [
          { label: '超声波洁牙', priceYuan: 198 },
          { label: '洁牙+抛光', priceYuan: 298 },
        ],
      },
    ],
    ['全国门店', '预约制'],
    1,
    '次',
  ),
];

/** 优惠券: vouchers and e-cards redeemed at a brand's stores. */
export const COUPON_LINES: readonly ProductLine[] = [
  line(
    'coupon',
    ['优惠券', '餐饮券', '餐饮券'],
    '代金券',
    'CY',
    ['肯德基', '麦当劳', '必胜客'],
    [{ name: '面值', values: priced('元', 30, 50, 100) }],
    ['全国通用', '电子券', '到店使用'],
    3,
  ),
  line(
    'coupon',
    ['优惠券', '咖啡券', '咖啡券'],
    '咖啡券',
    'KF',
    ['星巴克', '瑞幸咖啡'],
    [
      {
        name: '规格',
        values: [
          { label: '中杯饮品券', priceYuan: 35 },
          { label: '大杯饮品券', priceYuan: 38 },
          { label: '电子礼品卡100元', priceYuan: 100 },
        ],
      },
    ],
    ['全国门店通用', '电子券'],
    3,
  ),
  line(
    'coupon',
    ['优惠券', '电影票', '电影票'],
    '电影票兑换券',
    'DY',
    ['猫眼', '淘票票', '万达影城'],
    [
      {
        name: '规格',
        values: [
          { label: '2D通兑券', priceYuan: 45 },
          { label: '3D通兑券', priceYuan: 60 },
        ],
      },
    ],
    ['全国影院通用', '在线选座'],
    2,
  ),
  line(
    'coupon',
    ['优惠券', '商超卡券', '购物卡'],
    '购物卡',
    'GW',
    ['沃尔玛', '永辉超市', '盒马'],
    [{ name: '面值', values: priced('元', 50, 100, 200, 500) }],
    ['电子卡', '全国门店通用'],
    2,
  ),
];
