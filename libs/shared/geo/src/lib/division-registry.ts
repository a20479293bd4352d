// The registry of provinces and city-level entries, built once at module load from @vant/area-data (codes and
// names, GB/T 2260 as published by 民政部 and 国家统计局) and the checked-in seat coordinates. Every lookup after
// that is a Map access.
import { areaList } from '@vant/area-data';
import { CITY_SEATS } from './data/city-seats.data';
import { CITY_ALIASES, PROVINCE_ABBREVIATIONS, PROVINCE_ALIASES, shortNameOf, type DivisionLevel } from './division-names';
import type { City, CityKind, Province, ProvinceKind } from './division.types';

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
const SARS = new Set(['81', '82']);
const TAIWAN = '71';
/** Provincial-level divisions that are a single city-level entry: no prefecture stands between them and an address. */
const UNDIVIDED = new Set([...MUNICIPALITIES, ...SARS, TAIWAN]);
/** GB/T 2260 puts county-level units administered by the province directly under the pseudo-prefecture xx90. */
const PROVINCE_ADMINISTERED = '90';

const prefixOf = (code: string): string => code.slice(0, 2);
const isProvinceAdministered = (code: string): boolean => code.slice(2, 4) === PROVINCE_ADMINISTERED;

function provinceKind(prefix: string, name: string): ProvinceKind {
  if (MUNICIPALITIES.has(prefix)) return 'municipality';
  if (SARS.has(prefix)) return 'special-administrative-region';
  return name.endsWith('自治区') ? 'autonomous-region' : 'province';
}

function cityKind(code: string, name: string): CityKind {
  const prefix = prefixOf(code);
  if (MUNICIPALITIES.has(prefix)) return 'municipality';
  if (SARS.has(prefix)) return 'special-administrative-region';
  if (prefix === TAIWAN) return 'undivided-province';
  if (isProvinceAdministered(code)) return 'province-administered';
  if (name.endsWith('自治州')) return 'autonomous-prefecture';
  if (name.endsWith('地区')) return 'prefecture';
  if (name.endsWith('盟')) return 'league';
  return 'prefecture-level-city';
}

function addName<T>(index: Map<string, T[]>, name: string, value: T): void {
  const list = index.get(name);
  if (!list) index.set(name, [value]);
  else if (!list.includes(value)) list.push(value);
}

function addNameForms<T>(index: Map<string, T[]>, name: string, level: DivisionLevel, value: T): void {
  addName(index, name, value);
  const short = shortNameOf(name, level);
  if (short) addName(index, short, value);
}

const provinceByPrefix = new Map<string, Province>();
const provinceIndex = new Map<string, Province[]>();
for (const [code, name] of Object.entries(areaList.province_list)) {
  const prefix = prefixOf(code);
  const abbreviations = PROVINCE_ABBREVIATIONS[prefix];
  if (!abbreviations) throw new Error(`@supply-hub/geo: no abbreviation for province ${code} ${name}`);
  const province: Province = Object.freeze({
    code,
    name,
    shortName: shortNameOf(name, 'province') ?? name,
    abbreviation: abbreviations[0],
    kind: provinceKind(prefix, name),
  });
  provinceByPrefix.set(prefix, province);
  addNameForms(provinceIndex, name, 'province', province);
  for (const alias of [...abbreviations, ...(PROVINCE_ALIASES[prefix] ?? [])]) addName(provinceIndex, alias, province);
}

function makeCity(code: string, name: string): City {
  const province = provinceByPrefix.get(prefixOf(code));
  const seat = CITY_SEATS[code];
  if (!province || !seat) throw new Error(`@supply-hub/geo: ${code} ${name} has no ${province ? 'seat coordinates' : 'province'}; regenerate the seat data`);
  const level: DivisionLevel = isProvinceAdministered(code) ? 'district' : UNDIVIDED.has(prefixOf(code)) ? 'province' : 'city';
  return Object.freeze({
    code,
    name,
    shortName: shortNameOf(name, level) ?? name,
    kind: cityKind(code, name),
    province: Object.freeze({ code: province.code, name: province.name }),
    lat: seat[0],
    lng: seat[1],
  });
}

const cities: City[] = [];
const cityByCode = new Map<string, City>();
/** City-level entries by their own names and, for undivided provinces, by the names of their parts (台北市, 九龙). */
const cityIndex = new Map<string, City[]>();
/** City-level entries by the names of their county-level divisions (姑苏区 → 苏州市, 昆山市 → 苏州市). */
const districtIndex = new Map<string, City[]>();

function addCity(city: City): void {
  cities.push(city);
  cityByCode.set(city.code, city);
  addNameForms(cityIndex, city.name, 'city', city);
  addName(cityIndex, city.shortName, city);
}

for (const prefix of UNDIVIDED) {
  const province = provinceByPrefix.get(prefix);
  if (province) addCity(makeCity(province.code, province.name));
}
for (const [code, name] of Object.entries(areaList.city_list)) {
  const prefix = prefixOf(code);
  if (UNDIVIDED.has(prefix)) {
    const whole = cityByCode.get(`${prefix}0000`) as City;
    cityByCode.set(code, whole);
    if (name !== '县') addNameForms(cityIndex, name, 'city', whole);
  } else if (!isProvinceAdministered(code)) {
    addCity(makeCity(code, name));
  }
}
for (const [code, name] of Object.entries(areaList.county_list)) {
  const prefix = prefixOf(code);
  let city: City | undefined;
  if (UNDIVIDED.has(prefix)) city = cityByCode.get(`${prefix}0000`);
  else if (isProvinceAdministered(code)) addCity((city = makeCity(code, name)));
  else city = cityByCode.get(`${code.slice(0, 4)}00`);
  if (!city) throw new Error(`@supply-hub/geo: county-level ${code} ${name} has no city-level entry`);
  cityByCode.set(code, city);
  addNameForms(districtIndex, name, 'district', city);
}
for (const [code, aliases] of Object.entries(CITY_ALIASES)) {
  const city = cityByCode.get(code);
  if (city) for (const alias of aliases) addName(cityIndex, alias, city);
}
cities.sort((a, b) => a.code.localeCompare(b.code));
// Lookups hand these lists out (as candidates): nobody may change them.
for (const index of [provinceIndex, cityIndex, districtIndex] as Map<string, unknown[]>[]) for (const list of index.values()) Object.freeze(list);

/** All 34 provincial-level divisions, by code. */
export const ALL_PROVINCES: readonly Province[] = Object.freeze([...provinceByPrefix.values()].sort((a, b) => a.code.localeCompare(b.code)));

/** Every city-level entry (see CityKind), by code. */
export const ALL_CITIES: readonly City[] = Object.freeze(cities);

const citiesByProvince = new Map<string, readonly City[]>(ALL_PROVINCES.map((p) => [p.code, Object.freeze(cities.filter((c) => c.province.code === p.code))]));

/** The city-level entries of a province, by the province's six-digit code; empty for an unknown code. */
export function citiesOf(provinceCode: string): readonly City[] {
  return citiesByProvince.get(provinceCode) ?? [];
}

export function findProvinceByCode(code: string): Province | undefined {
  return /^\d{2}0000$/.test(code) ? provinceByPrefix.get(prefixOf(code)) : undefined;
}

/**
 * The city-level entry a six-digit GB/T 2260 code belongs to: a city's own code, a district's or county's code
 * (320505 → 苏州市), or the code of a municipality, SAR or Taiwan. A code that is not listed but whose first four
 * digits are a listed prefecture's resolves to that prefecture, as GB/T 2260 defines the digits (a district created
 * after the data was published); undefined otherwise, and for a divided province's own code (320000).
 */
export function findCityByCode(code: string): City | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const listed = cityByCode.get(code);
  if (listed) return listed;
  const prefix = prefixOf(code);
  if (UNDIVIDED.has(prefix)) return cityByCode.get(`${prefix}0000`);
  return code.endsWith('00') || isProvinceAdministered(code) ? undefined : cityByCode.get(`${code.slice(0, 4)}00`);
}

function lookUp<T>(index: Map<string, T[]>, name: string, level: DivisionLevel): readonly T[] {
  const exact = index.get(name);
  if (exact) return exact;
  const short = shortNameOf(name, level);
  return (short && index.get(short)) || [];
}

/** Provinces by full name, short name, abbreviation or alias (北京市 / 北京 / 京; 内蒙古自治区 / 内蒙古 / 内蒙 / 蒙). */
export function findProvincesByName(name: string): readonly Province[] {
  return lookUp(provinceIndex, name, 'province');
}

/** City-level entries by name in full or short form (苏州市 / 苏州; 恩施土家族苗族自治州 / 恩施; 北京市 / 北京). */
export function findCitiesByName(name: string): readonly City[] {
  return lookUp(cityIndex, name, 'city');
}

/** City-level entries that have a county-level division of that name (鼓楼区 → 南京, 福州, 徐州, 开封). */
export function findCitiesByDistrictName(name: string): readonly City[] {
  return lookUp(districtIndex, name, 'district');
}
