import { ALL_CITIES, ALL_PROVINCES, citiesOf, findCitiesByName, findCityByCode, findProvinceByCode, findProvincesByName } from './division-registry';
import { PREFECTURE_LEVEL_KINDS, type CityKind } from './division.types';

const countOf = (kind: CityKind): number => ALL_CITIES.filter((c) => c.kind === kind).length;

describe('division registry', () => {
  // 民政部, 中华人民共和国行政区划统计表 (end of 2023, unchanged in 2024): 34 provincial-level divisions; 333
  // prefecture-level divisions, of which 293 地级市, 7 地区, 30 自治州, 3 盟.
  it('has the 34 provincial-level divisions and the 333 prefecture-level divisions', () => {
    expect(ALL_PROVINCES).toHaveLength(34);
    expect(ALL_CITIES.filter((c) => PREFECTURE_LEVEL_KINDS.includes(c.kind))).toHaveLength(333);
    expect([countOf('prefecture-level-city'), countOf('prefecture'), countOf('autonomous-prefecture'), countOf('league')]).toEqual([293, 7, 30, 3]);
  });

  it('has the cities that stand in for a prefecture', () => {
    expect(ALL_CITIES.filter((c) => c.kind === 'municipality').map((c) => c.name)).toEqual(['北京市', '天津市', '上海市', '重庆市']);
    expect(ALL_CITIES.filter((c) => c.kind === 'special-administrative-region').map((c) => c.name)).toEqual(['香港特别行政区', '澳门特别行政区']);
    expect(ALL_CITIES.filter((c) => c.kind === 'undivided-province').map((c) => c.name)).toEqual(['台湾省']);
    // 济源 (河南); 仙桃, 潜江, 天门, 神农架林区 (湖北); 15 in 海南; 12 XPCC cities in 新疆 (白杨市 since 2023).
    const administered = ALL_CITIES.filter((c) => c.kind === 'province-administered');
    expect(administered).toHaveLength(32);
    expect(Object.fromEntries(['41', '42', '46', '65'].map((p) => [p, administered.filter((c) => c.code.startsWith(p)).length]))).toEqual({
      41: 1,
      42: 4,
      46: 15,
      65: 12,
    });
  });

  it.each([
    ['130000', 11],
    ['140000', 11],
    ['150000', 12],
    ['210000', 14],
    ['220000', 9],
    ['230000', 13],
    ['320000', 13],
    ['330000', 11],
    ['340000', 16],
    ['350000', 9],
    ['360000', 11],
    ['370000', 16],
    ['410000', 17],
    ['420000', 13],
    ['430000', 14],
    ['440000', 21],
    ['450000', 14],
    ['460000', 4],
    ['510000', 21],
    ['520000', 9],
    ['530000', 16],
    ['540000', 7],
    ['610000', 10],
    ['620000', 14],
    ['630000', 8],
    ['640000', 5],
    ['650000', 14],
  ])('province %s has %i prefecture-level divisions', (code, count) => {
    expect(citiesOf(code).filter((c) => PREFECTURE_LEVEL_KINDS.includes(c.kind))).toHaveLength(count);
  });

  it.each(ALL_PROVINCES.map((p) => [p.name, p]))('finds %s by code, full name, short name and abbreviation', (_name, province) => {
    expect(findProvinceByCode(province.code)).toBe(province);
    for (const name of [province.name, province.shortName, province.abbreviation]) expect(findProvincesByName(name)).toEqual([province]);
    expect(citiesOf(province.code).length).toBeGreaterThan(0);
  });

  it.each([
    ['北京', '北京市', '京'],
    ['内蒙古', '内蒙古自治区', '蒙'],
    ['广西', '广西壮族自治区', '桂'],
    ['新疆', '新疆维吾尔自治区', '新'],
    ['宁夏', '宁夏回族自治区', '宁'],
    ['西藏', '西藏自治区', '藏'],
    ['香港', '香港特别行政区', '港'],
    ['澳门', '澳门特别行政区', '澳'],
    ['台湾', '台湾省', '台'],
  ])('knows %s as %s (%s)', (short, full, abbreviation) => {
    const [province] = findProvincesByName(full);
    expect(province).toMatchObject({ name: full, shortName: short, abbreviation });
    expect(findProvincesByName(short)).toEqual([province]);
  });

  it('knows the other names people use', () => {
    expect(findProvincesByName('内蒙')[0].name).toBe('内蒙古自治区');
    expect(findProvincesByName('黔')[0].name).toBe('贵州省');
    expect(findProvincesByName('广西省')[0].name).toBe('广西壮族自治区');
    expect(findCitiesByName('襄樊')[0].name).toBe('襄阳市');
  });

  it.each([
    ['苏州', '苏州市'],
    ['恩施', '恩施土家族苗族自治州'],
    ['延边', '延边朝鲜族自治州'],
    ['巴音郭楞', '巴音郭楞蒙古自治州'],
    ['克孜勒苏', '克孜勒苏柯尔克孜自治州'],
    ['锡林郭勒', '锡林郭勒盟'],
    ['大兴安岭', '大兴安岭地区'],
    ['神农架', '神农架林区'],
    ['北京', '北京市'],
  ])('finds the city %s by its full name %s and by its short name', (short, full) => {
    const [city] = findCitiesByName(full);
    expect(city).toMatchObject({ name: full, shortName: short });
    expect(findCitiesByName(short)).toEqual([city]);
  });

  it('gives every city-level entry a unique code, a short name unique in its province, and a seat in China', () => {
    expect(new Set(ALL_CITIES.map((c) => c.code)).size).toBe(ALL_CITIES.length);
    for (const city of ALL_CITIES) {
      expect(findCityByCode(city.code)).toBe(city);
      expect(citiesOf(city.province.code).filter((c) => c.shortName === city.shortName)).toEqual([city]);
      // The bounding box of China's territory, 三沙 (永兴岛 16.8° N) included.
      expect(city.lat).toBeGreaterThan(15);
      expect(city.lat).toBeLessThan(54);
      expect(city.lng).toBeGreaterThan(73);
      expect(city.lng).toBeLessThan(136);
    }
  });

  describe('findCityByCode', () => {
    it.each([
      ['320505', '苏州市'], // 虎丘区
      ['320500', '苏州市'],
      ['110105', '北京市'], // 朝阳区
      ['110100', '北京市'], // 市辖区
      ['500229', '重庆市'], // 城口县, under 500200 县
      ['310000', '上海市'],
      ['810000', '香港特别行政区'],
      ['710000', '台湾省'],
      ['419001', '济源市'],
      ['469001', '五指山市'],
      ['659001', '石河子市'],
      ['422801', '恩施土家族苗族自治州'], // 恩施市
      ['222401', '延边朝鲜族自治州'], // 延吉市
      ['320599', '苏州市'], // not listed: a district of 苏州 by the structure of the code
    ])('%s → %s', (code, name) => {
      expect(findCityByCode(code)?.name).toBe(name);
    });

    it.each(['320000', '429000', '429099', '999999', '329900', '32050', 'abcdef', ''])('finds nothing for %s', (code) => {
      expect(findCityByCode(code)).toBeUndefined();
    });
  });

  it('hands out frozen data', () => {
    expect(Object.isFrozen(ALL_CITIES)).toBe(true);
    expect(Object.isFrozen(ALL_CITIES[0])).toBe(true);
    expect(Object.isFrozen(findCitiesByName('苏州'))).toBe(true);
  });
});
