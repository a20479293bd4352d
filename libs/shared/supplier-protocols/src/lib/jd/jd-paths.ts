/**
 * Paths below the configured base URL. Token calls live under `oauth2/`, business calls under
 * `api/<area>/<name>`; all are form posts. The short name (`product/getDetail`) is also what adapters
 * use to name an endpoint for breakers and metrics (`jd:product/getDetail`).
 */
export const JD_PATHS = {
  accessToken: 'oauth2/accessToken',
  refreshToken: 'oauth2/refreshToken',
  getPageNum: 'api/product/getPageNum',
  getSkuByPage: 'api/product/getSkuByPage',
  getDetail: 'api/product/getDetail',
  skuState: 'api/product/skuState',
  getSellPrice: 'api/price/getSellPrice',
  getNewStockById: 'api/stock/getNewStockById',
  messageGet: 'api/message/get',
  messageDel: 'api/message/del',
  submitOrder: 'api/order/submitOrder',
  selectJdOrderIdByThirdOrder: 'api/order/selectJdOrderIdByThirdOrder',
  confirmOrder: 'api/order/confirmOrder',
  cancelOrder: 'api/order/cancel',
  selectJdOrder: 'api/order/selectJdOrder',
  orderTrack: 'api/order/orderTrack',
} as const;

export type JdPath = (typeof JD_PATHS)[keyof typeof JD_PATHS];

/** `api/product/getDetail` → `product/getDetail`, `oauth2/accessToken` stays as it is. */
export function jdMethodName(path: JdPath): string {
  return path.startsWith('api/') ? path.slice('api/'.length) : path;
}

/** The most SKUs skuState, getSellPrice and getNewStockById take in one call. */
export const JD_MAX_SKUS_PER_BATCH = 100;

/** The most SKU lines one submitOrder takes. */
export const JD_MAX_SKUS_PER_ORDER = 50;

/** The most SKU ids one getSkuByPage page carries. */
export const JD_MAX_SKU_IDS_PER_PAGE = 10_000;
