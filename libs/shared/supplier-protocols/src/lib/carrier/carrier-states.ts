import { z } from 'zod';

/**
 * `lastResult.state`: the shipment's state as the carrier sees it, a decimal string. 0–7 come from the
 * subscription protocol, 14 (拒签) and the customs states from the query API.
 */
export const CARRIER_STATES = {
  /** 在途: moving between sites. */
  inTransit: '0',
  /** 揽收: picked up from the sender. */
  pickedUp: '1',
  /** 疑难: a problem (address unknown, recipient unreachable, damaged …). */
  problem: '2',
  /** 签收: signed for by the recipient. Final. */
  signed: '3',
  /** 退签: returned and signed for by the sender. Final. */
  returnSigned: '4',
  /** 派件: out for delivery. */
  outForDelivery: '5',
  /** 退回: on its way back to the sender. */
  returning: '6',
  /** 转投: forwarded to another carrier or address. */
  forwarded: '7',
  /** 清关 (unsure: customs codes 8 and 10–13 as the query API documents them, not seen in the sandbox). */
  customs: '8',
  awaitingCustoms: '10',
  inCustoms: '11',
  clearedCustoms: '12',
  customsProblem: '13',
  /** 拒签: refused by the recipient. */
  refused: '14',
} as const;

export type CarrierState = (typeof CARRIER_STATES)[keyof typeof CARRIER_STATES];

/** The Chinese name of each state, as the protocol's `data[].status` writes it. */
export const CARRIER_STATE_NAMES: Readonly<Record<CarrierState, string>> = {
  '0': '在途',
  '1': '揽收',
  '2': '疑难',
  '3': '签收',
  '4': '退签',
  '5': '派件',
  '6': '退回',
  '7': '转投',
  '8': '清关',
  '10': '待清关',
  '11': '清关中',
  '12': '已清关',
  '13': '清关异常',
  '14': '拒签',
};

const KNOWN_STATES = new Set<string>(Object.values(CARRIER_STATES));
const STATE_BY_NAME = new Map<string, CarrierState>(Object.entries(CARRIER_STATE_NAMES).map(([state, name]) => [name, state as CarrierState]));

/**
 * A state as it arrives: the main states above, or (with `resultv2=4`) a sub-state such as `101`
 * (已下单) or `1002` (干线), which carrierMainState folds back. Kept loose on purpose: refusing a push
 * over a state code we do not know would only make the carrier retry it.
 */
export const carrierStateSchema = z.string().regex(/^\d{1,4}$/, 'must be a numeric state code');

/**
 * The main state of a state code (unsure: the sub-state numbering of `resultv2=4` — three digits
 * `XYY` belong to main state X, four digits `10YY` to 0, `14YY` to 14 — is read from the query API's
 * documentation and not checked against a live account). Undefined for codes that fit no main state.
 */
export function carrierMainState(code: string): CarrierState | undefined {
  if (KNOWN_STATES.has(code)) return code as CarrierState;
  if (/^\d{3}$/.test(code)) return KNOWN_STATES.has(code[0]!) ? (code[0] as CarrierState) : undefined;
  if (/^1[04]\d{2}$/.test(code)) return code.startsWith('10') ? CARRIER_STATES.inTransit : CARRIER_STATES.refused;
  return undefined;
}

/** The state a checkpoint's Chinese status name (`data[].status`) stands for, if it is one of the names above. */
export function carrierStateOfName(name: string | undefined): CarrierState | undefined {
  return name === undefined ? undefined : STATE_BY_NAME.get(name.trim());
}

/** Whether a state ends the shipment's journey: 签收 or 退签. */
export function isFinalCarrierState(state: CarrierState): boolean {
  return state === CARRIER_STATES.signed || state === CARRIER_STATES.returnSigned;
}
