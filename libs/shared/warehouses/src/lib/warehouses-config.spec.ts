import { ValidationError } from '@supply-hub/errors';
import { findCityByCode } from '@supply-hub/geo';
import { DEFAULT_WAREHOUSES } from './warehouse';
import { parseWarehousesConfig } from './warehouses-config';

const chengdu = { id: 'wh-cd', name: '成都仓', region: '西南', cityCode: '510100', dailyCapacity: 3000, carriers: ['SF', 'JD'], dispatchCutoffHour: 16 };
const config = (...warehouses: Record<string, unknown>[]): string => JSON.stringify({ warehouses });

function parseError(text: string): ValidationError {
  try {
    parseWarehousesConfig(text);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('DEFAULT_WAREHOUSES', () => {
  it('are the six regional warehouses, active, at the seats of their cities as the geo data has them', () => {
    expect(DEFAULT_WAREHOUSES.map((warehouse) => [warehouse.id, warehouse.name, warehouse.region, warehouse.cityCode])).toEqual([
      ['wh-bj', '北京仓', '华北', '110000'],
      ['wh-sh', '上海仓', '华东', '310000'],
      ['wh-gz', '广州仓', '华南', '440100'],
      ['wh-wh', '武汉仓', '华中', '420100'],
      ['wh-cd', '成都仓', '西南', '510100'],
      ['wh-xa', '西安仓', '西北', '610100'],
    ]);
    for (const warehouse of DEFAULT_WAREHOUSES) {
      const city = findCityByCode(warehouse.cityCode)!;
      expect([warehouse.lat, warehouse.lng]).toEqual([city.lat, city.lng]);
      expect(warehouse.active).toBe(true);
      expect(warehouse.dailyCapacity).toBeGreaterThan(0);
    }
  });

  it('pass the configuration schema unchanged, so they can be written out as a starting configuration', () => {
    expect(parseWarehousesConfig(JSON.stringify({ warehouses: DEFAULT_WAREHOUSES }))).toEqual(DEFAULT_WAREHOUSES);
  });
});

describe('parseWarehousesConfig', () => {
  it('places a warehouse without coordinates at its city seat and defaults it to active', () => {
    const [warehouse] = parseWarehousesConfig(config(chengdu));
    const city = findCityByCode('510100')!;
    expect(warehouse).toEqual({ ...chengdu, lat: city.lat, lng: city.lng, active: true });
    expect(Object.isFrozen(warehouse)).toBe(true);
  });

  it('keeps explicit coordinates near the city and an explicit active flag', () => {
    const [warehouse] = parseWarehousesConfig(config({ ...chengdu, lat: 30.57, lng: 104.29, active: false }));
    expect(warehouse).toMatchObject({ lat: 30.57, lng: 104.29, active: false });
  });

  it('names the field of every mistake at once', () => {
    const error = parseError(
      config(
        { ...chengdu, id: 'chengdu', region: '东北', carriers: ['SF', 'SFF'] },
        { ...chengdu, id: 'wh-xa', dailyCapacity: -1, dispatchCutoffHour: 24, dailyCapacty: 10 },
      ),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining([
        'warehouses.0.id',
        'warehouses.0.region',
        'warehouses.0.carriers.1',
        'warehouses.1.dailyCapacity',
        'warehouses.1.dispatchCutoffHour',
        'warehouses.1',
      ]),
    );
    expect(error.message).toMatch(/^warehouses: warehouses\.0\.id: expected an id like wh-bj/);
    expect(error.issues.find((issue) => issue.path === 'warehouses.1')?.message).toContain('dailyCapacty');
  });

  it('explains a city code that is not a city-level code', () => {
    expect(parseError(config({ ...chengdu, cityCode: '510104' })).message).toContain(
      "warehouses.0.cityCode: 510104 lies in 成都市: give the city's code 510100",
    );
    expect(parseError(config({ ...chengdu, cityCode: '510000' })).message).toContain('warehouses.0.cityCode: 510000 is not a city-level GB/T 2260 code');
    expect(parseError(config({ ...chengdu, cityCode: '5101' })).message).toContain('warehouses.0.cityCode: expected a six-digit GB/T 2260 code');
  });

  it('wants both coordinates or neither, and coordinates near the city', () => {
    expect(parseError(config({ ...chengdu, lat: 30.57 })).message).toContain('warehouses.0.lng: give both lat and lng, or neither');
    // 西安's coordinates under 成都's code: a copy-paste slip the distance check catches.
    expect(parseError(config({ ...chengdu, lat: 34.26, lng: 108.93 })).message).toMatch(/warehouses\.0\.lat: 6\d\d km from the seat of 成都市/);
  });

  it('refuses repeated ids, repeated carriers, an empty list and text that is not JSON', () => {
    expect(parseError(config(chengdu, chengdu)).message).toContain('warehouses.1.id: duplicate warehouse id wh-cd');
    expect(parseError(config({ ...chengdu, carriers: ['SF', 'SF'] })).message).toContain('warehouses.0.carriers: carriers must not repeat');
    expect(parseError(config()).issues.map((issue) => issue.path)).toEqual(['warehouses']);
    expect(parseError('{"warehouses": [').message).toMatch(/^warehouses: not JSON/);
  });
});
