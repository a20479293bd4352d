// How people write division names: 北京 / 北京市 / 京, 恩施 / 恩施土家族苗族自治州, 内蒙古 / 内蒙, 日喀则地区 (a 地区 that
// became 日喀则市 in 2014). Every name is indexed in full and without its suffix; a query is looked up as
// written first, then without its suffix, so either form matches either form.

/** The 55 recognised minority nationalities, as they appear in the names of autonomous divisions. */
const ETHNIC_GROUPS = (
  '蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 ' +
  '锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺'
).split(' ');

// Official names drop 族 after some multi-character nationalities (巴音郭楞蒙古自治州, 伊犁哈萨克自治州,
// 克孜勒苏柯尔克孜自治州); a single character without 族 would eat into place names, so it needs the 族.
// 龙胜各族自治县, 隆林各族自治县: 各族 (all nationalities) stands where the nationalities would.
const ETHNIC = `(?:${[...ETHNIC_GROUPS, '各'].map((group) => (group.length > 1 ? `${group}族?` : `${group}族`)).join('|')})*`;

export type DivisionLevel = 'province' | 'city' | 'district';

const SUFFIX: Record<DivisionLevel, RegExp> = {
  province: new RegExp(`(?:省|市|特别行政区|${ETHNIC}自治区)$`),
  city: new RegExp(`(?:市|地区|盟|林区|特别行政区|${ETHNIC}自治州)$`),
  district: new RegExp(`(?:${ETHNIC}自治[县旗]|新区|特区|林区|区|县|市|旗)$`),
};

// Without the nationalities, for the names in which a nationality is part of the place: 内蒙古自治区 is 内蒙古.
const BARE_SUFFIX: Record<DivisionLevel, RegExp> = {
  province: /(?:省|市|特别行政区|自治区)$/,
  city: /(?:市|地区|盟|林区|特别行政区|自治州)$/,
  district: /(?:自治[县旗]|新区|特区|林区|区|县|市|旗)$/,
};

/** The name without its administrative suffix, or undefined when that leaves less than two characters. */
export function shortNameOf(name: string, level: DivisionLevel): string | undefined {
  for (const suffix of [SUFFIX[level], BARE_SUFFIX[level]]) {
    const short = name.replace(suffix, '');
    if (short !== name && short.length >= 2) return short;
  }
  return undefined;
}

/** Trims and removes inner whitespace (including the ideographic space); an empty result means "not given". */
export function normaliseName(input: string | undefined): string | undefined {
  if (input === undefined) return undefined;
  const name = input.replace(/[\s\u3000]+/g, '');
  return name.length > 0 ? name : undefined;
}

/** One-character abbreviations (简称) by province code prefix; the first is the usual one. */
export const PROVINCE_ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  '11': ['京'],
  '12': ['津'],
  '13': ['冀'],
  '14': ['晋'],
  '15': ['蒙'],
  '21': ['辽'],
  '22': ['吉'],
  '23': ['黑'],
  '31': ['沪'],
  '32': ['苏'],
  '33': ['浙'],
  '34': ['皖'],
  '35': ['闽'],
  '36': ['赣'],
  '37': ['鲁'],
  '41': ['豫'],
  '42': ['鄂'],
  '43': ['湘'],
  '44': ['粤'],
  '45': ['桂'],
  '46': ['琼'],
  '50': ['渝'],
  '51': ['川', '蜀'],
  '52': ['贵', '黔'],
  '53': ['云', '滇'],
  '54': ['藏'],
  '61': ['陕', '秦'],
  '62': ['甘', '陇'],
  '63': ['青'],
  '64': ['宁'],
  '65': ['新'],
  '71': ['台'],
  '81': ['港'],
  '82': ['澳'],
};

/** Other names in common use, by province code prefix. */
export const PROVINCE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  '15': ['内蒙'],
  '71': ['臺灣', '臺灣省'],
};

/** Former names of prefecture-level cities that addresses still carry, by current code. */
export const CITY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  '420600': ['襄樊'],
  '530800': ['思茅'],
};

/**
 * Names that stand for "no particular city" in GB/T 2260 and in address forms: 北京市 / 市辖区 / 朝阳区,
 * 重庆市 / 县 / 城口县, 湖北省 / 省直辖县级行政区划 / 仙桃市.
 */
export const PLACEHOLDER_NAMES: ReadonlySet<string> = new Set([
  '市辖区',
  '县',
  '省直辖县',
  '省直辖县级行政区划',
  '自治区直辖县级行政区划',
  '省直辖县级行政单位',
]);
