/**
 * Warehouses name carriers their own way (`sf`, `yto`); the tracking service knows one lower-case code
 * per carrier (快递100's `shunfeng`, `yuantong` …). (unsure) The codes on the right are 快递100's as its
 * public carrier list spells them; the sandbox accepts any lower-case code. A code not listed here is
 * taken as already being the tracking service's.
 */
const TRACKING_CARRIER_CODES: Readonly<Record<string, string>> = {
  sf: 'shunfeng',
  sfexpress: 'shunfeng',
  yto: 'yuantong',
  zto: 'zhongtong',
  sto: 'shentong',
  yd: 'yunda',
  jdl: 'jd',
  jdexpress: 'jd',
  chinapost: 'youzhengguonei',
  best: 'huitongkuaidi',
  deppon: 'debangkuaidi',
  jt: 'jtexpress',
};

/** The tracking service's code of a warehouse's carrier code. */
export function trackingCarrierCodeOf(warehouseCarrier: string): string {
  const code = warehouseCarrier.trim().toLowerCase();
  return TRACKING_CARRIER_CODES[code] ?? code;
}
