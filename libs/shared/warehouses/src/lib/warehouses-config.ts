import { ValidationError } from '@supply-hub/errors';
import { findCityByCode, greatCircleKm } from '@supply-hub/geo';
import { z } from 'zod';
import { CARRIER_CODES, MAX_WAREHOUSES, WAREHOUSE_REGIONS, type Warehouse } from './warehouse';

/**
 * Explicit coordinates further than this from the seat of the warehouse's city are taken for a mistake (a wrong
 * city code, digits swapped between lat and lng of a point still in range). Large enough for a logistics park
 * in a city's outer counties, small enough to catch a warehouse placed in the wrong province.
 */
const MAX_KM_FROM_CITY_SEAT = 250;

/**
 * One warehouse as configured. `lat`/`lng` may be left out (the usual case): the warehouse then sits at its
 * city's seat as `@supply-hub/geo` has it, the same point destinations in that city resolve to. Unknown keys
 * are refused so that a misspelt `dailyCapacty` is an error, not a silent default.
 */
export const warehouseConfigSchema = z
  .strictObject({
    id: z.string().regex(/^wh-[a-z0-9]+(-[a-z0-9]+)*$/, 'expected an id like wh-bj (wh- then lowercase letters, digits and dashes)'),
    name: z.string().trim().min(1),
    region: z.enum(WAREHOUSE_REGIONS),
    cityCode: z.string().regex(/^\d{6}$/, 'expected a six-digit GB/T 2260 code such as 510100'),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    dailyCapacity: z.int().min(0),
    carriers: z
      .array(z.enum(CARRIER_CODES))
      .min(1)
      .refine((carriers) => new Set(carriers).size === carriers.length, 'carriers must not repeat'),
    active: z.boolean().default(true),
    dispatchCutoffHour: z.int().min(0).max(23),
  })
  .superRefine((warehouse, ctx) => {
    const city = findCityByCode(warehouse.cityCode);
    if (!city) {
      ctx.addIssue({ code: 'custom', path: ['cityCode'], message: `${warehouse.cityCode} is not a city-level GB/T 2260 code (a province's code, or unknown)` });
      return;
    }
    if (city.code !== warehouse.cityCode) {
      ctx.addIssue({ code: 'custom', path: ['cityCode'], message: `${warehouse.cityCode} lies in ${city.name}: give the city's code ${city.code}` });
      return;
    }
    if ((warehouse.lat === undefined) !== (warehouse.lng === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [warehouse.lat === undefined ? 'lat' : 'lng'],
        message: 'give both lat and lng, or neither (the city seat is used)',
      });
      return;
    }
    if (warehouse.lat !== undefined && warehouse.lng !== undefined) {
      const km = greatCircleKm(city, { lat: warehouse.lat, lng: warehouse.lng });
      if (km > MAX_KM_FROM_CITY_SEAT)
        ctx.addIssue({ code: 'custom', path: ['lat'], message: `${Math.round(km)} km from the seat of ${city.name}: check lat/lng or cityCode` });
    }
  })
  .transform((warehouse): Warehouse => {
    // superRefine has vouched for the code; the lookup is repeated because zod passes no value between steps.
    const city = findCityByCode(warehouse.cityCode)!;
    return Object.freeze({
      ...warehouse,
      carriers: Object.freeze([...warehouse.carriers]),
      lat: warehouse.lat ?? city.lat,
      lng: warehouse.lng ?? city.lng,
    });
  });

/** The document order-router reads from its warehouses setting: `{"warehouses":[{"id":"wh-bj",…},…]}`. */
export const warehousesConfigSchema = z.strictObject({
  warehouses: z
    .array(warehouseConfigSchema)
    .min(1)
    .max(MAX_WAREHOUSES)
    .superRefine((warehouses, ctx) => {
      const seen = new Set<string>();
      warehouses.forEach((warehouse, index) => {
        if (seen.has(warehouse.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate warehouse id ${warehouse.id}` });
        seen.add(warehouse.id);
      });
    }),
});

export type WarehouseConfigInput = z.input<typeof warehouseConfigSchema>;
export type WarehousesConfigInput = z.input<typeof warehousesConfigSchema>;

/**
 * Reads the JSON text of the warehouses setting. Every mistake is reported at once, each naming its field
 * (`warehouses.2.cityCode: 510000 is not a city-level GB/T 2260 code …`), as a ValidationError the service's
 * env check turns into its one-line start-up failure.
 */
export function parseWarehousesConfig(text: string): readonly Warehouse[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`warehouses: not JSON: ${(error as Error).message}`, [{ path: '', message: 'not JSON' }]);
  }
  const result = warehousesConfigSchema.safeParse(document);
  if (result.success) return Object.freeze(result.data.warehouses);
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw new ValidationError(`warehouses: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`, issues);
}
