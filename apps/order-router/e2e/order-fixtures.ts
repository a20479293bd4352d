import { SellableSkuRepository, WarehouseStockStore } from '@supply-hub/orders-data-access';
import { startTestService, type TestService, type TestServiceOptions } from '@supply-hub/platform/testing';
import { uniqueName } from '@supply-hub/testing';
import { KafkaEventsStrategy } from '@supply-hub/kafka/nest';
import { AppModule } from '../src/app.module';
import { orderRouterEnv } from '../src/config/order-router-env';

/** order-router as runService starts it (its module, settings and Kafka transport), with a test's changes. */
export function startOrderRouter(
  options: Partial<Omit<TestServiceOptions<typeof orderRouterEnv>, 'name' | 'envSchema' | 'transport'>> = {},
): Promise<TestService> {
  return startTestService({ name: 'order-router', envSchema: orderRouterEnv, module: AppModule, transport: (app) => app.get(KafkaEventsStrategy), ...options });
}

/** A sellable SKU in order-router's read model, as catalog-sync's events would leave it. */
export async function sellableSku(
  service: TestService,
  overrides: {
    stock?: number;
    family?: 'physical' | 'virtual';
    subcategory?: string;
    dropShip?: boolean;
    /** The JD SKU id of the best offer (a SKU the JD sandbox sells); default a made-up `jd-<skuId>`. */
    externalId?: string;
    brand?: string;
    /** The best offer's supplier, instead of JD's drop-ship offer (or none). */
    supplierSourceId?: string;
  } = {},
): Promise<string> {
  const skuId = uniqueName('sku');
  await service.app.get(SellableSkuRepository).applyIfNewer(
    skuId,
    1,
    {
      sellable: true,
      title: overrides.family === 'virtual' ? '中国移动话费 100 元' : '九阳豆浆机 DJ13B',
      brand: overrides.brand ?? (overrides.family === 'virtual' ? '中国移动' : '九阳'),
      categoryFamily: overrides.family ?? 'physical',
      subcategory: overrides.subcategory ?? (overrides.family === 'virtual' ? '话费充值' : '厨房电器'),
      contractPriceFen: 29_900,
      supplyPriceFen: 28_000,
      marketPriceFen: 39_900,
      stock: overrides.stock ?? 0,
      bestOffer: overrides.supplierSourceId
        ? { sourceId: overrides.supplierSourceId, externalId: skuId }
        : overrides.dropShip
          ? { sourceId: 'jd', externalId: overrides.externalId ?? `jd-${skuId}` }
          : null,
      delistedReason: null,
    },
    new Date(),
  );
  return skuId;
}

export async function stockUp(service: TestService, warehouseId: string, skuId: string, onHand: number): Promise<void> {
  const result = await service.app.get(WarehouseStockStore).setOnHand(warehouseId, skuId, onHand, 'e2e count', new Date());
  if (!result.ok) throw new Error(`could not set ${warehouseId} ${skuId} to ${onHand}`);
}

export const 成都 = { name: '李四', mobile: '13912345678', province: '四川', city: '成都市', district: '武侯区', address: '天府大道北段 1700 号' };
export const 哈尔滨 = { name: '王五', mobile: '15012345678', province: '黑龙江省', city: '哈尔滨', address: '中央大街 100 号' };
export const 深圳 = { name: '赵六', mobile: '18612345678', province: '广东省', city: '深圳市', district: '南山区', address: '科技园科苑路 15 号' };
