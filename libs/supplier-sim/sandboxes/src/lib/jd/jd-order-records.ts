import { JD_ORDER_STATES, type JdOrderArea, type JdSubmitOrderResult, type JdTrackEntry } from '@supply-hub/supplier-protocols';
import type { JdOrderScenario, JdPlannedStep } from './jd-order-journey';

/** The JD sandbox's order records and how they are shown (JdOrderBook keeps them). */
export interface JdOrderLine {
  skuId: number;
  num: number;
  /** JD's agreement price per unit, yuan. */
  price: number;
  name: string;
}

export interface NewJdOrder {
  thirdOrder: string;
  lines: JdOrderLine[];
  area: JdOrderArea;
  recipient: { name: string; mobile: string; address: string };
  /** submitState 1: confirmed at once. */
  confirmed: boolean;
}

export interface JdSimOrder extends NewJdOrder {
  jdOrderId: number;
  freight: number;
  orderPrice: number;
  cancelled: boolean;
  state: number;
  scenario: JdOrderScenario;
  /** The steps after confirmation; `step` of them are reached. */
  plan: JdPlannedStep[];
  step: number;
  track: JdTrackEntry[];
  createdAt: number;
  timer?: NodeJS.Timeout;
  nextStepAt?: number;
}

/** An order as GET /sim/jd/orders shows it. */
export interface JdOrderView {
  jdOrderId: number;
  thirdOrder: string;
  confirmed: boolean;
  cancelled: boolean;
  /** 0 new, 1 delivered (妥投), 2 rejected (拒收). */
  state: number;
  scenario: JdOrderScenario;
  /** Steps reached since confirmation, of `steps`. */
  step: number;
  steps: number;
  orderPrice: number;
  freight: number;
  sku: JdOrderLine[];
  track: JdTrackEntry[];
  createdAt: string;
  nextStepAt?: string;
}

export function isMoving(order: JdSimOrder): boolean {
  return order.confirmed && !order.cancelled && order.state === JD_ORDER_STATES.new && order.step < order.plan.length;
}

export function submitResultOf(order: JdSimOrder): JdSubmitOrderResult {
  return { jdOrderId: order.jdOrderId, freight: order.freight, orderPrice: order.orderPrice, sku: order.lines.map((line) => ({ ...line })) };
}

export function viewOf(order: JdSimOrder): JdOrderView {
  const view: JdOrderView = {
    jdOrderId: order.jdOrderId,
    thirdOrder: order.thirdOrder,
    confirmed: order.confirmed,
    cancelled: order.cancelled,
    state: order.state,
    scenario: order.scenario,
    step: order.step,
    steps: order.plan.length,
    orderPrice: order.orderPrice,
    freight: order.freight,
    sku: order.lines.map((line) => ({ ...line })),
    track: order.track.map((entry) => ({ ...entry })),
    createdAt: new Date(order.createdAt).toISOString(),
  };
  if (order.nextStepAt !== undefined) view.nextStepAt = new Date(order.nextStepAt).toISOString();
  return view;
}
