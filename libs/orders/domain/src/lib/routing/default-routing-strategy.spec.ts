import { ValidationError } from '@supply-hub/errors';
import { greatCircleKm } from '@supply-hub/geo';
import { DefaultRoutingStrategy } from './default-routing-strategy';
import type { RoutingDecision, WarehouseParcel } from './routing-decision';
import type { RoutingInput } from './routing-input';
import { routeOrder } from './route-order';
import { destinationOf, dropShipOf, everywhere, line, routingInput, stockOf } from './testing/routing-fixtures';
import { DEFAULT_WAREHOUSES, type Warehouse } from '@supply-hub/warehouses';

const warehouseParcels = (decision: RoutingDecision): WarehouseParcel[] =>
  decision.parcels.filter((parcel): parcel is WarehouseParcel => parcel.kind === 'warehouse');
const shippedFrom = (decision: RoutingDecision): string[] => warehouseParcels(decision).map((parcel) => parcel.warehouseId);
const candidate = (decision: RoutingDecision, warehouseId: string) => decision.explanation.candidates.find((entry) => entry.warehouseId === warehouseId)!;

// Distances from 苏州 (the fixtures' default destination): 上海 83, 武汉 609, 北京 1029, 西安 1138, 广州 1164, 成都 1576 km.
describe('DefaultRoutingStrategy', () => {
  describe('one warehouse with every line', () => {
    it('ships everything from the nearest warehouse in one parcel, lines in order', () => {
      const decision = routeOrder(routingInput({ lines: [line('a'), line('b', 'sku-b', 3)], stock: stockOf(everywhere(['sku-a', 'sku-b'])) }));
      expect(decision.parcels).toEqual([expect.objectContaining({ kind: 'warehouse', warehouseId: 'wh-sh', lines: [line('a'), line('b', 'sku-b', 3)] })]);
      expect(warehouseParcels(decision)[0].distanceKm).toBeCloseTo(83, -1);
      expect(decision.explanation.rule).toBe('nearest-complete');
      expect(decision.backordered).toEqual([]);
      expect(decision.refused).toEqual([]);
    });

    it('sends an address in 广州 to wh-gz, 0 km away', () => {
      const decision = routeOrder(
        routingInput({ destination: destinationOf({ province: '广东省', city: '广州市', district: '天河区' }), stock: stockOf(everywhere(['sku-a'])) }),
      );
      expect(shippedFrom(decision)).toEqual(['wh-gz']);
      expect(warehouseParcels(decision)[0].distanceKm).toBe(0);
    });

    it('sends 乌鲁木齐 to 成都, which is nearer than 西安 by great-circle distance, and to 西安 when 成都 lacks a line', () => {
      const destination = destinationOf({ province: '新疆', city: '乌鲁木齐市' });
      const everything = routeOrder(routingInput({ destination, stock: stockOf(everywhere(['sku-a'])) }));
      // 2056 km against 2117 km: 西安 is the 西北 warehouse, but 成都 is the nearer one and the rule is distance.
      expect(candidate(everything, 'wh-cd').distanceKm).toBeCloseTo(2056, -1);
      expect(candidate(everything, 'wh-xa').distanceKm).toBeCloseTo(2117, -1);
      expect(shippedFrom(everything)).toEqual(['wh-cd']);

      const stock = everywhere(['sku-a']);
      stock['wh-cd'] = {};
      const withoutChengdu = routeOrder(routingInput({ destination, stock: stockOf(stock) }));
      expect(shippedFrom(withoutChengdu)).toEqual(['wh-xa']);
      expect(withoutChengdu.explanation.summary).toContain('wh-xa 西安仓 (2116.8 km) is the nearest warehouse that can ship every line');
      expect(withoutChengdu.explanation.summary).toContain('nearer: wh-cd 成都仓 (2056.0 km) lacks sku-a (0 of 1)');
    });

    it('takes a farther warehouse when the nearest lacks a line, and says what it lacked', () => {
      const stock = everywhere(['sku-a', 'sku-b']);
      stock['wh-sh'] = { 'sku-a': 10, 'sku-b': 1 };
      const decision = routeOrder(routingInput({ lines: [line('a'), line('b', 'sku-b', 2)], stock: stockOf(stock) }));
      expect(shippedFrom(decision)).toEqual(['wh-wh']);
      expect(decision.explanation.rule).toBe('nearest-complete');
      expect(candidate(decision, 'wh-sh')).toMatchObject({
        status: 'eligible',
        canShipAll: false,
        chosen: false,
        lacks: [{ lineId: 'b', skuId: 'sku-b', wanted: 2, available: 1 }],
      });
    });

    it('prefers one parcel from afar to two parcels from nearby', () => {
      const stock = stockOf({ 'wh-sh': { 'sku-a': 1 }, 'wh-wh': { 'sku-b': 1 }, 'wh-cd': { 'sku-a': 1, 'sku-b': 1 } });
      const decision = routeOrder(routingInput({ lines: [line('a'), line('b')], stock }));
      expect(shippedFrom(decision)).toEqual(['wh-cd']);
    });
  });

  describe('capacity and inactive warehouses', () => {
    it('skips a warehouse with no parcel left today and records why', () => {
      const decision = routeOrder(routingInput({ stock: stockOf(everywhere(['sku-a'])), capacity: new Map([['wh-sh', 0]]) }));
      expect(shippedFrom(decision)).toEqual(['wh-wh']);
      expect(candidate(decision, 'wh-sh')).toMatchObject({ status: 'capacity-full', capacityLeft: 0, canShipAll: false });
      expect(decision.explanation.summary).toContain('nearer: wh-sh 上海仓 (82.5 km) no capacity left today');
    });

    it('ships with one parcel left, and takes a warehouse missing from the capacity view at its whole daily capacity', () => {
      const decision = routeOrder(routingInput({ stock: stockOf(everywhere(['sku-a'])), capacity: new Map([['wh-sh', 1]]) }));
      expect(shippedFrom(decision)).toEqual(['wh-sh']);
      expect(candidate(decision, 'wh-wh').capacityLeft).toBe(3000);
      const viaFunction = routeOrder(routingInput({ stock: stockOf(everywhere(['sku-a'])), capacity: (id) => (id === 'wh-sh' ? 0 : undefined) }));
      expect(shippedFrom(viaFunction)).toEqual(['wh-wh']);
    });

    it('never ships from an inactive warehouse, not even as part of a split', () => {
      const warehouses: Warehouse[] = DEFAULT_WAREHOUSES.map((warehouse) => (warehouse.id === 'wh-sh' ? { ...warehouse, active: false } : warehouse));
      const single = routeOrder(routingInput({ warehouses, stock: stockOf(everywhere(['sku-a'])) }));
      expect(shippedFrom(single)).toEqual(['wh-wh']);
      expect(candidate(single, 'wh-sh')).toMatchObject({ status: 'inactive', canShipAll: false, chosen: false });

      const onlyThere = routeOrder(
        routingInput({ warehouses, lines: [line('a'), line('b')], stock: stockOf({ 'wh-sh': { 'sku-a': 5, 'sku-b': 5 }, 'wh-bj': { 'sku-b': 5 } }) }),
      );
      expect(shippedFrom(onlyThere)).toEqual(['wh-bj']);
      expect(onlyThere.backordered).toEqual([expect.objectContaining({ lineId: 'a', reason: 'out-of-stock', warehouseUnits: 0 })]);
    });
  });

  describe('split orders', () => {
    it('minimises the number of parcels before the distance', () => {
      // {上海, 北京} is 2 parcels and 1112 km; {上海, 武汉, 广州} would be nearer per parcel but 3 parcels.
      const stock = stockOf({ 'wh-sh': { 'sku-a': 1 }, 'wh-bj': { 'sku-b': 1, 'sku-c': 1 }, 'wh-wh': { 'sku-b': 1 }, 'wh-gz': { 'sku-c': 1 } });
      const decision = routeOrder(routingInput({ lines: [line('a'), line('b'), line('c')], stock }));
      expect(shippedFrom(decision)).toEqual(['wh-sh', 'wh-bj']);
      expect(decision.explanation.rule).toBe('fewest-parcels');
      expect(warehouseParcels(decision).map((parcel) => parcel.lines.map((entry) => entry.lineId))).toEqual([['a'], ['b', 'c']]);
      expect(decision.explanation.totalDistanceKm).toBeCloseTo(83 + 1029, -1);
    });

    it('then the least total distance', () => {
      const stock = stockOf({ 'wh-sh': { 'sku-a': 1 }, 'wh-bj': { 'sku-b': 1, 'sku-c': 1 }, 'wh-wh': { 'sku-b': 1, 'sku-c': 1 } });
      const decision = routeOrder(routingInput({ lines: [line('a'), line('b'), line('c')], stock }));
      expect(shippedFrom(decision)).toEqual(['wh-sh', 'wh-wh']);
      expect(candidate(decision, 'wh-bj').chosen).toBe(false);
    });

    it('puts a line held by two chosen warehouses in the nearer one', () => {
      const stock = stockOf({ 'wh-sh': { 'sku-a': 1, 'sku-c': 1 }, 'wh-bj': { 'sku-b': 1, 'sku-c': 1 } });
      const decision = routeOrder(routingInput({ lines: [line('a'), line('b'), line('c')], stock }));
      expect(warehouseParcels(decision).map((parcel) => [parcel.warehouseId, parcel.lines.map((entry) => entry.lineId)])).toEqual([
        ['wh-sh', ['a', 'c']],
        ['wh-bj', ['b']],
      ]);
    });

    it('splits a line no single warehouse holds, nearest shares first', () => {
      const stock = stockOf({ 'wh-sh': { 'sku-a': 6 }, 'wh-wh': { 'sku-a': 6 }, 'wh-bj': { 'sku-a': 6 } });
      const decision = routeOrder(routingInput({ lines: [line('a', 'sku-a', 10)], stock }));
      expect(warehouseParcels(decision).map((parcel) => [parcel.warehouseId, parcel.lines[0].quantity])).toEqual([
        ['wh-sh', 6],
        ['wh-wh', 4],
      ]);
      expect(decision.explanation.splitLineIds).toEqual(['a']);
    });

    it('does not split a line that one warehouse holds whole, even when a split would be nearer', () => {
      // {上海, 武汉} splitting line a would be 692 km; 成都 holds a whole, so a ships from there.
      const stock = stockOf({ 'wh-sh': { 'sku-a': 6, 'sku-b': 1 }, 'wh-wh': { 'sku-a': 6 }, 'wh-cd': { 'sku-a': 10 } });
      const decision = routeOrder(routingInput({ lines: [line('a', 'sku-a', 10), line('b')], stock }));
      expect(warehouseParcels(decision).map((parcel) => [parcel.warehouseId, parcel.lines])).toEqual([
        ['wh-sh', [line('b')]],
        ['wh-cd', [line('a', 'sku-a', 10)]],
      ]);
      expect(decision.explanation.splitLineIds).toEqual([]);
    });

    it('lets lines of the same SKU share a warehouse stock without overdrawing it', () => {
      const stock = stockOf({ 'wh-sh': { 'sku-x': 4 }, 'wh-wh': { 'sku-x': 4 } });
      const decision = routeOrder(routingInput({ lines: [line('gift', 'sku-x', 3), line('paid', 'sku-x', 3)], stock }));
      expect(warehouseParcels(decision).map((parcel) => [parcel.warehouseId, parcel.lines])).toEqual([
        ['wh-sh', [line('gift', 'sku-x', 3)]],
        ['wh-wh', [line('paid', 'sku-x', 3)]],
      ]);
      expect(candidate(decision, 'wh-sh').lacks).toEqual([
        { lineId: 'gift', skuId: 'sku-x', wanted: 6, available: 4 },
        { lineId: 'paid', skuId: 'sku-x', wanted: 6, available: 4 },
      ]);
    });

    it('gives up only the lines of a shared SKU that do not fit, quickly even when many do not', () => {
      const lines = Array.from({ length: 10 }, (_, index) => line(`l${index}`, 'sku-x', 1));
      const stock = stockOf({
        'wh-sh': { 'sku-x': 2 },
        'wh-wh': { 'sku-x': 2 },
        'wh-bj': { 'sku-x': 2 },
        'wh-gz': { 'sku-x': 1 },
        'wh-cd': { 'sku-x': 1 },
        'wh-xa': { 'sku-x': 1 },
      });
      const decision = routeOrder(routingInput({ lines, stock }));
      expect(warehouseParcels(decision).reduce((units, parcel) => units + parcel.lines.length, 0)).toBe(9);
      expect(decision.backordered.map((entry) => entry.lineId)).toEqual(['l9']);
    });
  });

  describe('drop-ship, backorder and refusal', () => {
    it('drop-ships what no warehouse holds, one parcel per supplier source', () => {
      const decision = routeOrder(
        routingInput({
          lines: [line('a'), line('b'), line('c'), line('d', 'sku-d', 2)],
          stock: stockOf(everywhere(['sku-a'])),
          dropShip: dropShipOf({
            'sku-b': { sourceId: 'taobao', externalId: 'tb-1', units: 5 },
            'sku-c': { sourceId: 'jd', externalId: 'jd-1', units: 1 },
            'sku-d': { sourceId: 'taobao', externalId: 'tb-2', units: 2 },
          }),
        }),
      );
      expect(decision.parcels).toEqual([
        expect.objectContaining({ kind: 'warehouse', warehouseId: 'wh-sh', lines: [line('a')] }),
        { kind: 'drop-ship', sourceId: 'jd', lines: [{ ...line('c'), externalId: 'jd-1' }] },
        {
          kind: 'drop-ship',
          sourceId: 'taobao',
          lines: [
            { ...line('b'), externalId: 'tb-1' },
            { ...line('d', 'sku-d', 2), externalId: 'tb-2' },
          ],
        },
      ]);
      expect(decision.explanation.rule).toBe('fewest-parcels');
      expect(decision.explanation.summary).toContain('drop-ship: c via jd, b via taobao, d via taobao');
    });

    it('prefers warehouse stock, even split, to the supplier', () => {
      const stock = stockOf({ 'wh-sh': { 'sku-a': 1 }, 'wh-bj': { 'sku-a': 1 } });
      const decision = routeOrder(
        routingInput({ lines: [line('a', 'sku-a', 2)], stock, dropShip: dropShipOf({ 'sku-a': { sourceId: 'jd', externalId: 'jd-1', units: 50 } }) }),
      );
      expect(shippedFrom(decision)).toEqual(['wh-sh', 'wh-bj']);
      expect(decision.parcels.some((parcel) => parcel.kind === 'drop-ship')).toBe(false);
    });

    it('does not let two lines draw more from a supplier than it reports', () => {
      const decision = routeOrder(
        routingInput({
          lines: [line('a', 'sku-x', 2), line('b', 'sku-x', 2)],
          dropShip: dropShipOf({ 'sku-x': { sourceId: 'jd', externalId: 'jd-x', units: 3 } }),
        }),
      );
      expect(decision.parcels).toEqual([{ kind: 'drop-ship', sourceId: 'jd', lines: [{ ...line('a', 'sku-x', 2), externalId: 'jd-x' }] }]);
      expect(decision.backordered).toEqual([{ ...line('b', 'sku-x', 2), reason: 'out-of-stock', warehouseUnits: 0, supplierUnits: 1 }]);
    });

    it('backorders or refuses what nobody can ship, as the mall chose', () => {
      const input = routingInput({
        lines: [line('a'), line('b', 'sku-b', 3)],
        stock: stockOf(everywhere(['sku-a'])),
        dropShip: dropShipOf({ 'sku-b': { sourceId: 'jd', externalId: 'jd-b', units: 2 } }),
      });
      const unrouted = { ...line('b', 'sku-b', 3), reason: 'out-of-stock', warehouseUnits: 0, supplierUnits: 2 };

      const backorder = routeOrder({ ...input, unshippable: 'backorder' });
      expect(backorder.backordered).toEqual([unrouted]);
      expect(backorder.refused).toEqual([]);
      expect(shippedFrom(backorder)).toEqual(['wh-sh']);
      expect(backorder.explanation.summary).toContain('backordered: b (out-of-stock)');

      const refuse = routeOrder({ ...input, unshippable: 'refuse' });
      expect(refuse.refused).toEqual([unrouted]);
      expect(refuse.backordered).toEqual([]);
      expect(refuse.explanation.summary).toContain('refused: b (out-of-stock)');
    });

    it('says when the stock is there but the warehouses holding it are at capacity', () => {
      const decision = routeOrder(routingInput({ stock: stockOf({ 'wh-bj': { 'sku-a': 3 } }), capacity: new Map([['wh-bj', 0]]) }));
      expect(decision.parcels).toEqual([]);
      expect(decision.backordered).toEqual([{ ...line('a'), reason: 'warehouses-at-capacity', warehouseUnits: 3, supplierUnits: 0 }]);
      expect(decision.explanation.rule).toBe('no-warehouse');
    });
  });

  describe('determinism', () => {
    const twin = (id: string, name: string): Warehouse => ({ ...DEFAULT_WAREHOUSES.find((warehouse) => warehouse.id === 'wh-sh')!, id, name });

    it('breaks a distance tie by warehouse id, whatever the configuration order', () => {
      const input = (warehouses: Warehouse[]): RoutingInput =>
        routingInput({ warehouses, stock: stockOf({ 'wh-sh-b': { 'sku-a': 1 }, 'wh-sh-a': { 'sku-a': 1 } }) });
      expect(shippedFrom(routeOrder(input([twin('wh-sh-b', '上海二仓'), twin('wh-sh-a', '上海一仓')])))).toEqual(['wh-sh-a']);
      expect(shippedFrom(routeOrder(input([twin('wh-sh-a', '上海一仓'), twin('wh-sh-b', '上海二仓')])))).toEqual(['wh-sh-a']);
    });

    it('breaks a tie between equally distant splits by warehouse id', () => {
      const warehouses = [twin('wh-sh-b', '上海二仓'), twin('wh-sh-a', '上海一仓'), ...DEFAULT_WAREHOUSES.filter((warehouse) => warehouse.id === 'wh-bj')];
      const stock = stockOf({ 'wh-sh-a': { 'sku-a': 1 }, 'wh-sh-b': { 'sku-a': 1 }, 'wh-bj': { 'sku-b': 1 } });
      const decision = routeOrder(routingInput({ warehouses: [...warehouses].reverse(), lines: [line('a'), line('b')], stock }));
      expect(shippedFrom(decision)).toEqual(['wh-sh-a', 'wh-bj']);
      expect(routeOrder(routingInput({ warehouses, lines: [line('a'), line('b')], stock }))).toEqual(decision);
    });

    it('gives the same decision for the same input, from a Map or a function stock view', () => {
      const table = { 'wh-sh': { 'sku-a': 1 }, 'wh-bj': { 'sku-b': 2 }, 'wh-gz': { 'sku-a': 1, 'sku-b': 2 } };
      const input = routingInput({ lines: [line('a'), line('b', 'sku-b', 2)], stock: stockOf(table) });
      const fromMap = new DefaultRoutingStrategy().routeOrder(input);
      expect(new DefaultRoutingStrategy().routeOrder(input)).toEqual(fromMap);
      const fromFunction = routeOrder({
        ...input,
        stock: (warehouseId, skuId) => (table as Record<string, Record<string, number>>)[warehouseId]?.[skuId] ?? 0,
      });
      expect(fromFunction).toEqual(fromMap);
    });

    it('reads negative or NaN stock as none', () => {
      const decision = routeOrder(routingInput({ stock: (warehouseId) => (warehouseId === 'wh-sh' ? -3 : warehouseId === 'wh-wh' ? Number.NaN : 1) }));
      expect(shippedFrom(decision)).toEqual(['wh-bj']);
      expect(candidate(decision, 'wh-sh').lacks).toEqual([{ lineId: 'a', skuId: 'sku-a', wanted: 1, available: 0 }]);
    });
  });

  describe('explanation', () => {
    it('lists every configured warehouse, nearest first, with its distance, status, capacity and what it lacks', () => {
      const destination = destinationOf({ province: '四川', city: '成都' });
      const stock = everywhere(['sku-a', 'sku-b']);
      stock['wh-cd'] = { 'sku-a': 1 };
      const decision = routeOrder(routingInput({ destination, lines: [line('a'), line('b')], stock: stockOf(stock), capacity: new Map([['wh-xa', 7]]) }));
      const { candidates } = decision.explanation;

      expect(candidates.map((entry) => entry.warehouseId)).toEqual(['wh-cd', 'wh-xa', 'wh-wh', 'wh-gz', 'wh-bj', 'wh-sh']);
      for (const entry of candidates) {
        const warehouse = DEFAULT_WAREHOUSES.find((candidateWarehouse) => candidateWarehouse.id === entry.warehouseId)!;
        expect(entry.distanceKm).toBeCloseTo(greatCircleKm(destination, warehouse), 2);
        expect(entry.name).toBe(warehouse.name);
        expect(entry.status).toBe('eligible');
      }
      expect(candidates[0]).toMatchObject({
        distanceKm: 0,
        canShipAll: false,
        chosen: false,
        lacks: [{ lineId: 'b', skuId: 'sku-b', wanted: 1, available: 0 }],
      });
      expect(candidates[1]).toMatchObject({ warehouseId: 'wh-xa', capacityLeft: 7, canShipAll: true, chosen: true, lacks: [] });
      expect(shippedFrom(decision)).toEqual(['wh-xa']);
      expect(decision.explanation.destination).toEqual(destination);
      expect(decision.explanation.summary).toMatch(
        /^wh-xa 西安仓 \(\d+\.\d km\) is the nearest warehouse that can ship every line; nearer: wh-cd 成都仓 \(0\.0 km\) lacks sku-b \(0 of 1\)$/,
      );
    });

    it('describes a split with its parcels and total distance', () => {
      const stock = stockOf({ 'wh-sh': { 'sku-a': 1 }, 'wh-bj': { 'sku-b': 1 } });
      const decision = routeOrder(routingInput({ lines: [line('a'), line('b')], stock }));
      expect(decision.explanation.summary).toMatch(
        /^no warehouse can ship every line; 2 warehouse parcels from wh-sh 上海仓 \(8\d\.\d km\), wh-bj 北京仓 \(10\d\d\.\d km\), 11\d\d\.\d km in all$/,
      );
    });

    it('routes an order without physical lines to nothing', () => {
      const decision = routeOrder(routingInput({ lines: [] }));
      expect(decision.parcels).toEqual([]);
      expect(decision.explanation.rule).toBe('empty');
      expect(decision.explanation.candidates).toHaveLength(6);
      expect(decision.explanation.candidates.every((entry) => !entry.canShipAll)).toBe(true);
    });
  });

  describe('input checks', () => {
    it('refuses a non-positive or fractional quantity, a repeated line id and a repeated warehouse id', () => {
      expect(() => routeOrder(routingInput({ lines: [line('a', 'sku-a', 0)] }))).toThrow(ValidationError);
      expect(() => routeOrder(routingInput({ lines: [line('a', 'sku-a', 1.5)] }))).toThrow('lines.0.quantity: expected a positive integer');
      expect(() => routeOrder(routingInput({ lines: [line('a'), line('a', 'sku-b')] }))).toThrow('lines.1.lineId: duplicate line id a');
      expect(() => routeOrder(routingInput({ warehouses: [DEFAULT_WAREHOUSES[0], DEFAULT_WAREHOUSES[0]] }))).toThrow(
        'warehouses.1.id: duplicate warehouse id wh-bj',
      );
      expect(() => routeOrder(routingInput({ destination: { cityCode: '110000', lat: Number.NaN, lng: 116 } }))).toThrow('destination.lat');
    });
  });
});
