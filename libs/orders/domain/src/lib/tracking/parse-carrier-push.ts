import { type CarrierCheckpoint, type CarrierPushParam, carrierStateOfName, parseBeijingTime } from '@supply-hub/supplier-protocols';
import type { ParsedPush, TrackingCheckpoint } from './shipment-tracking';

/**
 * A validated push `param` in the domain's terms: times from Beijing wall-clock to ISO UTC, the history
 * oldest first. The param must have passed carrierPushParamSchema (its times are real Beijing times).
 */
export function parseCarrierPush(param: CarrierPushParam): ParsedPush {
  const { lastResult } = param;
  return {
    pushStatus: param.status,
    message: param.message,
    carrier: lastResult.com,
    trackingNumber: lastResult.nu,
    carrierState: lastResult.state,
    final: lastResult.ischeck === '1',
    // `data` is newest first; reversing keeps the carrier's order for checkpoints of the same second.
    checkpoints: [...lastResult.data].reverse().map(toCheckpoint),
  };
}

function toCheckpoint(entry: CarrierCheckpoint): TrackingCheckpoint {
  const checkpoint: TrackingCheckpoint = { time: parseBeijingTime(entry.time).toISOString(), context: entry.context, statusName: entry.status };
  // Absent keys rather than undefined values: the timeline is stored as it is.
  const carrierState = carrierStateOfName(entry.status);
  if (carrierState !== undefined) checkpoint.carrierState = carrierState;
  if (entry.areaName !== undefined) checkpoint.areaName = entry.areaName;
  if (entry.areaCode !== undefined) checkpoint.areaCode = entry.areaCode;
  return checkpoint;
}
