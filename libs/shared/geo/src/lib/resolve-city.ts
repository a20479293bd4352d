import { normaliseName, PLACEHOLDER_NAMES } from './division-names';
import { citiesOf, findCitiesByDistrictName, findCitiesByName, findCityByCode, findProvinceByCode, findProvincesByName } from './division-registry';
import type { City } from './division.types';

/** A destination address as malls send it: any of the parts, names in full or short form. */
export interface AddressQuery {
  readonly province?: string;
  readonly city?: string;
  /** County-level division: 区, 县, 县级市, 旗. */
  readonly district?: string;
  /** Six-digit GB/T 2260 code of the district, city, or a municipality / SAR / Taiwan. */
  readonly code?: string;
}

export type AddressField = keyof AddressQuery;

/**
 * Why an address does not resolve. `empty`: nothing was given. `invalid-code`: the code is not six digits.
 * `unknown-code`: no division has that code. `unresolvable`: a name is not a division's (see `fields`).
 * `mismatch`: the parts name different places (北京 + 苏州). `ambiguous`: the parts fit more than one city-level
 * entry (鼓楼区 alone; 江苏省 alone); see `candidates`.
 */
export type CityResolutionFailure = 'empty' | 'invalid-code' | 'unknown-code' | 'unresolvable' | 'mismatch' | 'ambiguous';

export type CityResolution =
  | {
      readonly ok: true;
      readonly city: City;
      /** A district name that is no division's, passed over because the other parts named the city (a street, a development zone). */
      readonly ignored?: { readonly district: string };
    }
  | {
      readonly ok: false;
      readonly reason: CityResolutionFailure;
      /** One sentence for logs and operators, naming what was not understood or what disagrees. */
      readonly detail: string;
      /** The parts of the query the failure is about. */
      readonly fields: readonly AddressField[];
      readonly candidates?: readonly City[];
    };

interface Constraint {
  readonly field: AddressField;
  readonly input: string;
  readonly cities: readonly City[];
}

const describe = (cities: readonly City[]): string =>
  cities.length > 4
    ? `${cities.length} cities of ${[...new Set(cities.map((c) => c.province.name))].join('/')}`
    : cities.map((c) => `${c.name} (${c.province.name})`).join(', ');

const failure = (reason: CityResolutionFailure, detail: string, fields: readonly AddressField[], candidates?: readonly City[]): CityResolution =>
  candidates ? { ok: false, reason, detail, fields, candidates } : { ok: false, reason, detail, fields };

/**
 * Resolves a destination address offline to its city-level entry (a prefecture-level division, or a municipality,
 * SAR, Taiwan, or a province-administered county-level unit) and the coordinates of its seat.
 *
 * Every part that is given must agree with the others: a province that does not contain the city, or a district
 * that lies in another city, is a `mismatch`, never a guess. The one exception is a district name that is no
 * division's at all: once the province, city or code has named the city it is passed over and reported in `ignored`.
 */
export function resolveCity(query: AddressQuery): CityResolution {
  const province = normaliseName(query.province);
  const city = normaliseName(query.city);
  const district = normaliseName(query.district);
  const code = normaliseName(query.code);
  if (!province && !city && !district && !code) return failure('empty', 'no province, city, district or code was given', []);

  const constraints: Constraint[] = [];
  const notUnderstood: AddressField[] = [];

  if (code) {
    if (!/^\d{6}$/.test(code)) return failure('invalid-code', `code '${code}' is not a six-digit GB/T 2260 code`, ['code']);
    const byCode = findCityByCode(code);
    if (!byCode) {
      const wholeProvince = findProvinceByCode(code);
      return wholeProvince
        ? failure('ambiguous', `code ${code} is ${wholeProvince.name} as a whole: give a city or district code`, ['code'], citiesOf(wholeProvince.code))
        : failure('unknown-code', `no division has the code ${code}`, ['code']);
    }
    constraints.push({ field: 'code', input: code, cities: [byCode] });
  }
  if (province) {
    const provinces = findProvincesByName(province);
    if (provinces.length === 0) notUnderstood.push('province');
    else
      constraints.push({
        field: 'province',
        input: province,
        cities: provinces.length === 1 ? citiesOf(provinces[0].code) : provinces.flatMap((p) => citiesOf(p.code)),
      });
  }
  if (city && !PLACEHOLDER_NAMES.has(city)) {
    // A county-level city given as the city (江苏 / 昆山市) names its prefecture as surely as the prefecture does.
    const byName = findCitiesByName(city);
    const cities = byName.length > 0 ? byName : findCitiesByDistrictName(city);
    if (cities.length === 0) notUnderstood.push('city');
    else constraints.push({ field: 'city', input: city, cities });
  }
  let ignoredDistrict: string | undefined;
  if (district && !PLACEHOLDER_NAMES.has(district)) {
    const cities = findCitiesByDistrictName(district);
    if (cities.length > 0) constraints.push({ field: 'district', input: district, cities });
    else if (constraints.length > 0) ignoredDistrict = district;
    else notUnderstood.push('district');
  }

  if (notUnderstood.length > 0) {
    const names = notUnderstood.map((field) => `${field} '${normaliseName(query[field])}'`).join(', ');
    return failure('unresolvable', `not a division of China: ${names}`, notUnderstood);
  }
  if (constraints.length === 0)
    return failure('unresolvable', `'${city ?? district}' names no particular city: give the city or district`, city ? ['city'] : ['district']);

  // Start from the narrowest part: each step is then a filter over a handful of cities.
  const narrowestFirst = constraints.length > 1 ? [...constraints].sort((a, b) => a.cities.length - b.cities.length) : constraints;
  let candidates = narrowestFirst[0].cities;
  for (let i = 1; i < narrowestFirst.length; i++) {
    const allowed = narrowestFirst[i].cities;
    const narrowed = candidates.filter((c) => allowed.includes(c));
    if (narrowed.length === 0) {
      const parts = constraints.map((c) => `${c.field} '${c.input}' → ${describe(c.cities)}`).join('; ');
      return failure(
        'mismatch',
        `the parts name different places: ${parts}`,
        constraints.map((c) => c.field),
      );
    }
    candidates = narrowed;
  }
  if (candidates.length > 1) {
    const given = constraints.map((c) => `${c.field} '${c.input}'`).join(' + ');
    return failure(
      'ambiguous',
      `${given} fits ${candidates.length} cities: ${describe(candidates)}`,
      constraints.map((c) => c.field),
      candidates,
    );
  }
  return ignoredDistrict ? { ok: true, city: candidates[0], ignored: { district: ignoredDistrict } } : { ok: true, city: candidates[0] };
}
