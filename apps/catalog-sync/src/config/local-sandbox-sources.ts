import type { SupplierSourcesConfigInput } from '@supply-hub/catalog-suppliers';

/**
 * The supplier sources of the local stack: apps/supplier-sim's JD-style API, Taobao-style gateway and
 * five brand feeds, with the sandbox's development credentials. What catalog-sync reads when
 * SUPPLIER_SOURCES is not set. Rate limits are high because the sandbox runs on this machine; a real
 * supplier's entry states the limit its contract allows.
 */
export function localSandboxSources(simUrl: string): SupplierSourcesConfigInput {
  const base = simUrl.replace(/\/+$/, '');
  // Quick, patient retries: the sandbox's fault knobs fail calls at random, as a flaky supplier does.
  const http = { rateLimit: { requestsPerSecond: 5_000 }, timeoutMs: 10_000, retry: { maxAttempts: 6, baseDelayMs: 50, maxDelayMs: 2_000 } };
  return {
    sources: [
      {
        kind: 'jd',
        id: 'jd',
        baseUrl: `${base}/jd/`,
        credentials: { clientId: 'sandbox-client', clientSecret: 'sandbox-secret', username: 'mall-supplier', password: 'p@ss-123' },
        detailConcurrency: 64,
        http,
      },
      { kind: 'taobao', id: 'taobao', baseUrl: `${base}/taobao/`, credentials: { appKey: '12345678', appSecret: 'helloworld', session: 'test-session' }, http },
      { kind: 'brand-feed', id: 'brand-midea', url: `${base}/feeds/midea/products.csv`, format: 'csv', http },
      { kind: 'brand-feed', id: 'brand-joyoung', url: `${base}/feeds/joyoung/products.json`, format: 'json', http },
      {
        kind: 'brand-feed',
        id: 'brand-xiaomi',
        url: `${base}/feeds/xiaomi/products.csv`,
        format: 'csv',
        // Xiaomi's feed has English headers: the mapping is configuration, not code.
        columns: {
          sku: 'externalId',
          product_name: 'title',
          brand: 'brand',
          model: 'model',
          ean: 'barcode',
          category: 'categoryFamily',
          subcategory: 'subcategory',
          supply_price: 'supplyPrice',
          market_price: 'marketPrice',
          stock: 'stock',
          specs: 'specs',
          images: 'images',
          status: 'status',
        },
        http,
      },
      { kind: 'brand-feed', id: 'brand-three-squirrels', url: `${base}/feeds/three-squirrels/products.csv`, format: 'csv', http },
      { kind: 'brand-feed', id: 'brand-yili', url: `${base}/feeds/yili/products.json`, format: 'json', http },
    ],
  };
}
