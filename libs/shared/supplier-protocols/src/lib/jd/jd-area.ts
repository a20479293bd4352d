import { z } from 'zod';

/**
 * JD's province-level area ids (area/getProvince) by the two-digit GB/T 2260 province prefix. The ids
 * are JD's own as open-source integrations list them (北京 1, 上海 2 … 新疆 31, 台湾 32, 港澳 52993);
 * (unsure) until checked against a live account's area/getProvince.
 */
export const JD_PROVINCE_IDS: Readonly<Record<string, number>> = {
  '11': 1, // 北京
  '31': 2, // 上海
  '12': 3, // 天津
  '50': 4, // 重庆
  '13': 5, // 河北
  '14': 6, // 山西
  '41': 7, // 河南
  '21': 8, // 辽宁
  '22': 9, // 吉林
  '23': 10, // 黑龙江
  '15': 11, // 内蒙古
  '32': 12, // 江苏
  '37': 13, // 山东
  '34': 14, // 安徽
  '33': 15, // 浙江
  '35': 16, // 福建
  '42': 17, // 湖北
  '43': 18, // 湖南
  '44': 19, // 广东
  '45': 20, // 广西
  '36': 21, // 江西
  '51': 22, // 四川
  '46': 23, // 海南
  '52': 24, // 贵州
  '53': 25, // 云南
  '54': 26, // 西藏
  '61': 27, // 陕西
  '62': 28, // 甘肃
  '63': 29, // 青海
  '64': 30, // 宁夏
  '65': 31, // 新疆
  '71': 32, // 台湾
  '81': 52993, // 香港 (JD files 港澳 as one province)
  '82': 52993, // 澳门
};

/** The four area fields of order/submitOrder, as decimal strings; 0 means "not given". */
export interface JdOrderArea {
  province: string;
  city: string;
  county: string;
  town: string;
}

const GB_CITY_CODE = /^\d{6}$/;

/**
 * The area ids of an order to a prefecture-level city, from its GB/T 2260 code (`510100` 成都, `110000`
 * 北京): the province is JD's id for the code's province, the city is the GB/T 2260 code itself, county
 * and town 0. JD's city, county and town ids are its own numbers, read from area/getCity … getTown; the
 * sandbox takes the GB code in their place, so adapter and sandbox agree without a copy of JD's tree. On
 * a live account this is the one function to change (a lookup through getCity by name). Undefined for a
 * code that is not a six-digit GB/T 2260 code of a known province.
 */
export function jdOrderAreaOf(gbCityCode: string): JdOrderArea | undefined {
  if (!GB_CITY_CODE.test(gbCityCode)) return undefined;
  const province = JD_PROVINCE_IDS[gbCityCode.slice(0, 2)];
  return province === undefined ? undefined : { province: String(province), city: gbCityCode, county: '0', town: '0' };
}

/**
 * Whether the sandbox takes these area fields: a known JD province, and a city that is 0 or a GB/T 2260
 * code inside that province (see jdOrderAreaOf); county and town are 0 or any id (not checked).
 */
export function isJdOrderArea(area: Pick<JdOrderArea, 'province' | 'city'>): boolean {
  const province = Number(area.province);
  if (!Object.values(JD_PROVINCE_IDS).includes(province)) return false;
  if (area.city === '0') return true;
  return GB_CITY_CODE.test(area.city) && JD_PROVINCE_IDS[area.city.slice(0, 2)] === province;
}

/** An area id in a form: a decimal number, 0 for none. */
export const jdAreaIdFieldSchema = z.string().regex(/^\d{1,10}$/, 'must be a JD area id (decimal, 0 for none)');
