import { ALL_CITIES, ALL_PROVINCES, citiesOf } from './division-registry';
import { resolveCity, type AddressQuery, type CityResolution } from './resolve-city';

/** The name of the city a query resolves to, or the failure's reason. */
const resolvedName = (query: AddressQuery): string => {
  const result = resolveCity(query);
  return result.ok ? result.city.name : `(${result.reason})`;
};

const failureOf = (query: AddressQuery): Extract<CityResolution, { ok: false }> => {
  const result = resolveCity(query);
  if (result.ok) throw new Error(`expected ${JSON.stringify(query)} to fail, it resolved to ${result.city.name}`);
  return result;
};

describe('resolveCity', () => {
  describe('provincial-level divisions', () => {
    const undivided = ALL_PROVINCES.filter((p) => citiesOf(p.code).length === 1);

    it('resolves the municipalities, the SARs and Taiwan to themselves, by any of their names and by code', () => {
      expect(undivided.map((p) => p.shortName)).toEqual(['北京', '天津', '上海', '重庆', '台湾', '香港', '澳门']);
      for (const province of undivided) {
        for (const query of [
          { province: province.name },
          { province: province.shortName },
          { province: province.abbreviation },
          { city: province.name },
          { city: province.shortName },
          { code: province.code },
        ]) {
          const result = resolveCity(query);
          expect(result).toMatchObject({ ok: true, city: { code: province.code, name: province.name, province: { code: province.code } } });
        }
      }
    });

    it.each(ALL_PROVINCES.filter((p) => citiesOf(p.code).length > 1).map((p) => [p.name, p]))(
      'understands %s by full name, short name, abbreviation and code, and asks for a city',
      (_name, province) => {
        for (const query of [{ province: province.name }, { province: province.shortName }, { province: province.abbreviation }, { code: province.code }]) {
          const failure = failureOf(query);
          expect(failure.reason).toBe('ambiguous');
          expect(failure.candidates).toEqual(citiesOf(province.code));
        }
        const capital = citiesOf(province.code)[0];
        expect(resolvedName({ province: province.shortName, city: capital.shortName })).toBe(capital.name);
      },
    );

    it.each([
      [{ province: '北京市', city: '北京市', district: '朝阳区' }, '北京市'],
      [{ province: '北京', city: '市辖区', district: '海淀区' }, '北京市'],
      [{ province: '京', district: '朝阳' }, '北京市'],
      [{ province: '北京', city: '朝阳区' }, '北京市'], // the district in the city field, as municipal address forms have it
      [{ province: '上海', district: '浦东新区' }, '上海市'],
      [{ province: '重庆市', city: '县', district: '城口县' }, '重庆市'],
      [{ province: '天津', city: '天津市' }, '天津市'],
      [{ province: '香港特别行政区', district: '九龙城区' }, '香港特别行政区'],
      [{ province: '澳门', city: '澳门半岛' }, '澳门特别行政区'],
      [{ province: '台湾省', city: '台北市' }, '台湾省'],
      [{ city: '高雄' }, '台湾省'],
    ])('resolves %j to %s', (query, name) => {
      expect(resolvedName(query)).toBe(name);
    });
  });

  describe('prefecture-level divisions', () => {
    it.each(ALL_CITIES.map((c) => [c.name, c]))('resolves %s by full name, short name and code', (_name, city) => {
      for (const query of [
        { province: city.province.name, city: city.name },
        { province: city.province.name, city: city.shortName },
        { code: city.code },
        { code: city.code, province: city.province.name, city: city.name },
      ]) {
        expect(resolveCity(query)).toEqual({ ok: true, city });
      }
    });

    it.each([
      [{ city: '苏州' }, '苏州市'],
      [{ city: '苏州市' }, '苏州市'],
      [{ province: '江苏省', city: '苏州市', district: '姑苏区' }, '苏州市'],
      [{ province: '湖北', city: '恩施' }, '恩施土家族苗族自治州'],
      [{ city: '恩施土家族苗族自治州' }, '恩施土家族苗族自治州'],
      [{ province: '吉林', city: '延边' }, '延边朝鲜族自治州'],
      [{ city: '延边朝鲜族自治州', district: '延吉市' }, '延边朝鲜族自治州'],
      [{ province: '新疆', city: '伊犁' }, '伊犁哈萨克自治州'],
      [{ province: '新疆维吾尔自治区', city: '巴音郭楞蒙古自治州', district: '库尔勒市' }, '巴音郭楞蒙古自治州'],
      [{ province: '青海', city: '海西' }, '海西蒙古族藏族自治州'],
      [{ province: '内蒙古', city: '锡林郭勒盟' }, '锡林郭勒盟'],
      [{ province: '蒙', city: '兴安' }, '兴安盟'],
      [{ city: '阿拉善' }, '阿拉善盟'],
      [{ province: '西藏', city: '阿里地区' }, '阿里地区'],
      [{ city: '大兴安岭' }, '大兴安岭地区'],
      [{ province: '新疆', city: '喀什' }, '喀什地区'],
      [{ province: '广西', city: '桂林' }, '桂林市'],
      [{ province: '广西壮族自治区', city: '桂林市', district: '七星区' }, '桂林市'],
      [{ province: '吉林', city: '吉林' }, '吉林市'],
      [{ city: '海南' }, '海南藏族自治州'], // 青海; 海南 the province is a province, not a city
      [{ province: '广东', city: '东莞' }, '东莞市'],
      [{ city: '三沙' }, '三沙市'],
    ])('resolves %j to %s', (query, name) => {
      expect(resolvedName(query)).toBe(name);
    });

    it.each([
      [{ city: '日喀则地区' }, '日喀则市'], // 地区 until 2014
      [{ province: '贵州', city: '铜仁地区' }, '铜仁市'], // until 2011
      [{ city: '襄樊' }, '襄阳市'], // renamed 2010
      [{ province: '山东', city: '莱芜市' }, '济南市'], // merged into 济南 in 2019, now 莱芜区
      [{ province: '江苏', city: '昆山市' }, '苏州市'], // a county-level city given as the city
      [{ province: '广西省', city: '南宁' }, '南宁市'],
      [{ province: ' 江苏 ', city: '苏 州' }, '苏州市'],
    ])('resolves the names addresses still carry: %j to %s', (query, name) => {
      expect(resolvedName(query)).toBe(name);
    });
  });

  describe('county-level units under a province (省直辖县级)', () => {
    it.each([
      [{ city: '仙桃' }, '仙桃市', '429004'],
      [{ province: '湖北省', city: '省直辖县级行政区划', district: '仙桃市' }, '仙桃市', '429004'],
      [{ province: '湖北', city: '神农架' }, '神农架林区', '429021'],
      [{ province: '河南', city: '济源市' }, '济源市', '419001'],
      [{ code: '419001' }, '济源市', '419001'],
      [{ province: '新疆', city: '石河子' }, '石河子市', '659001'],
      [{ province: '新疆', city: '自治区直辖县级行政区划', district: '石河子市' }, '石河子市', '659001'],
      [{ province: '海南', city: '五指山' }, '五指山市', '469001'],
      [{ province: '海南', district: '琼中黎族苗族自治县' }, '琼中黎族苗族自治县', '469030'],
    ])('resolves %j to %s, a city-level entry of its own', (query, name, code) => {
      const result = resolveCity(query);
      expect(result).toMatchObject({ ok: true, city: { name, code, kind: 'province-administered' } });
    });

    it('gives them their own coordinates, not their province capital', () => {
      const xiantao = resolveCity({ city: '仙桃' });
      const wuhan = resolveCity({ city: '武汉' });
      expect(xiantao.ok && wuhan.ok && xiantao.city.lat !== wuhan.city.lat).toBe(true);
    });
  });

  describe('codes', () => {
    it.each([
      ['320505', '苏州市'], // 虎丘区
      ['320508', '苏州市'], // 姑苏区
      ['110105', '北京市'], // 朝阳区
      ['500229', '重庆市'], // 城口县
      ['440305', '深圳市'], // 南山区
      ['422801', '恩施土家族苗族自治州'], // 恩施市
      ['152502', '锡林郭勒盟'], // 锡林浩特市
      ['652801', '巴音郭楞蒙古自治州'], // 库尔勒市
      ['542521', '阿里地区'], // 普兰县
      ['654002', '伊犁哈萨克自治州'], // 伊宁市
    ])('maps the district code %s to %s', (code, name) => {
      expect(resolvedName({ code })).toBe(name);
    });

    it('accepts a code with names that agree', () => {
      expect(resolvedName({ code: '320505', province: '江苏', city: '苏州' })).toBe('苏州市');
    });

    it('refuses a code that names no city', () => {
      expect(failureOf({ code: '32050' })).toMatchObject({ reason: 'invalid-code', fields: ['code'] });
      expect(failureOf({ code: '３２０５０５' })).toMatchObject({ reason: 'invalid-code' });
      expect(failureOf({ code: '999999' })).toMatchObject({ reason: 'unknown-code', fields: ['code'] });
      expect(failureOf({ code: '320000' })).toMatchObject({ reason: 'ambiguous', detail: expect.stringContaining('江苏省') });
    });
  });

  describe('refusals', () => {
    it('refuses a province and a city that do not belong together, naming both', () => {
      const failure = failureOf({ province: '北京', city: '苏州' });
      expect(failure).toMatchObject({ reason: 'mismatch', fields: ['province', 'city'] });
      expect(failure.detail).toContain('苏州市 (江苏省)');
      expect(failure.detail).toContain("province '北京'");
    });

    it.each([
      [{ province: '江苏', city: '杭州' }, ['province', 'city']],
      [{ province: '湖北', city: '恩施', district: '姑苏区' }, ['province', 'city', 'district']],
      [{ code: '320505', city: '杭州' }, ['code', 'city']],
      [{ code: '110105', province: '上海' }, ['code', 'province']],
      [{ province: '海南', city: '海南' }, ['province', 'city']], // 海南省 has no city called 海南; 海南州 is in 青海
    ])('refuses %j as a mismatch', (query, fields) => {
      expect(failureOf(query)).toMatchObject({ reason: 'mismatch', fields });
    });

    it.each([
      [{ province: '火星' }, ['province']],
      [{ city: 'Gotham' }, ['city']],
      [{ province: '江苏', city: '苏洲' }, ['city']],
      [{ district: '不存在区' }, ['district']],
      [{ province: '火星', city: '不存在市' }, ['province', 'city']],
    ])('refuses %j as unresolvable, naming what it did not understand', (query, fields) => {
      const failure = failureOf(query);
      expect(failure).toMatchObject({ reason: 'unresolvable', fields });
      for (const field of fields) expect(failure.detail).toContain(String(query[field as keyof typeof query]));
    });

    it('refuses an empty query', () => {
      expect(failureOf({})).toMatchObject({ reason: 'empty' });
      expect(failureOf({ province: ' ', city: '' })).toMatchObject({ reason: 'empty' });
    });

    it('refuses a placeholder alone', () => {
      expect(failureOf({ city: '市辖区' })).toMatchObject({ reason: 'unresolvable', fields: ['city'] });
    });

    it('lists the candidates when the parts fit several cities', () => {
      expect(failureOf({ district: '鼓楼区' }).candidates?.map((c) => c.name)).toEqual(['南京市', '徐州市', '福州市', '开封市']);
      expect(failureOf({ province: '江苏', district: '鼓楼区' }).candidates?.map((c) => c.name)).toEqual(['南京市', '徐州市']);
      expect(resolvedName({ province: '福建', district: '鼓楼区' })).toBe('福州市');
      expect(failureOf({ district: '朝阳区' }).candidates?.map((c) => c.name)).toEqual(['北京市', '长春市']);
    });
  });

  it('passes over a district that is no division once the city is known, and says so', () => {
    expect(resolveCity({ province: '江苏', city: '苏州', district: '金鸡湖大道88号' })).toMatchObject({
      ok: true,
      city: { name: '苏州市' },
      ignored: { district: '金鸡湖大道88号' },
    });
    expect(resolveCity({ code: '320505', district: '科技城' })).toMatchObject({ ok: true, ignored: { district: '科技城' } });
    expect(resolveCity({ city: '苏州', district: '姑苏区' })).not.toHaveProperty('ignored');
  });
});
