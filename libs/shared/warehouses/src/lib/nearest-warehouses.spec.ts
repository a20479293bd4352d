import { DEFAULT_WAREHOUSES } from './warehouse';
import { warehousesByDistance } from './nearest-warehouses';

describe('warehousesByDistance', () => {
  it('puts the nearest first: from 杭州 上海, then 武汉; from 成都 itself at 0 m', () => {
    const fromHangzhou = warehousesByDistance(DEFAULT_WAREHOUSES, { lat: 30.27, lng: 120.15 }).map((site) => site.warehouse.id);
    expect(fromHangzhou.slice(0, 2)).toEqual(['wh-sh', 'wh-wh']);
    const chengdu = DEFAULT_WAREHOUSES.find((warehouse) => warehouse.id === 'wh-cd')!;
    expect(warehousesByDistance(DEFAULT_WAREHOUSES, chengdu)[0]).toEqual({ warehouse: chengdu, distanceM: 0 });
  });

  it('breaks a tie by the smaller id', () => {
    const [a] = DEFAULT_WAREHOUSES;
    const twins = [{ ...a!, id: 'wh-b' }, { ...a!, id: 'wh-a' }];
    expect(warehousesByDistance(twins, a!).map((site) => site.warehouse.id)).toEqual(['wh-a', 'wh-b']);
  });
});
