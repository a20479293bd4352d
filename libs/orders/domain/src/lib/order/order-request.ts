import type { FieldIssue } from '@supply-hub/errors';
import { resolveCity } from '@supply-hub/geo';
import type { SellableSku } from '../catalog/sellable-sku';
import { isMainlandMobile, type OrderLine, type Recipient } from './order';

export const MAX_LINES = 50;
export const MAX_QUANTITY = 99;

export interface OrderRequestLine {
  lineId?: string;
  skuId: string;
  quantity: number;
  account?: string;
}

export interface OrderRequest {
  mallOrderId: string;
  lines: OrderRequestLine[];
  recipient: { name: string; mobile: string; province: string; city: string; district?: string; address: string; code?: string };
  unavailablePolicy?: 'backorder' | 'refuse';
}

export type CheckedOrder = { ok: true; lines: OrderLine[]; recipient: Recipient } | { ok: false; issues: FieldIssue[] };

/** The active quality blacklist entry that names a SKU (its reason is what the mall is told), if any. */
export type BlacklistedOf = (sku: SellableSku) => { entryId: string; reason: string } | undefined;

/** Whether the ordering mall's selection pool admits a SKU (always, for a mall without a pool). */
export type InPoolOf = (sku: SellableSku) => boolean;

/**
 * The business checks of an order request, every problem named by field: each SKU known, sellable,
 * named by no active quality blacklist entry and in the mall's selection pool, quantities within bounds, a mainland mobile, an address
 * that resolves to one city (no guess), an account on top-up lines. Shape and types are checked before
 * this (the API schema). Only new orders are checked: an entry leaves orders already taken as they are.
 */
export function checkOrderRequest(
  request: OrderRequest,
  skuOf: (skuId: string) => SellableSku | undefined,
  blacklistedOf: BlacklistedOf = () => undefined,
  inPoolOf: InPoolOf = () => true,
): CheckedOrder {
  const issues: FieldIssue[] = [];
  if (request.lines.length > MAX_LINES) issues.push({ path: 'lines', message: `at most ${MAX_LINES} lines` });
  const lineIds = new Set<string>();
  const lines: OrderLine[] = [];
  request.lines.forEach((line, index) => {
    const path = `lines.${index}`;
    const lineId = line.lineId ?? String(index + 1);
    if (lineIds.has(lineId)) issues.push({ path: `${path}.lineId`, message: `line id ${lineId} appears twice` });
    lineIds.add(lineId);
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY) {
      issues.push({ path: `${path}.quantity`, message: `must be a whole number from 1 to ${MAX_QUANTITY}` });
    }
    const sku = skuOf(line.skuId);
    if (!sku || !sku.title || !sku.categoryFamily || sku.contractPriceFen === undefined) {
      issues.push({ path: `${path}.skuId`, message: `unknown SKU ${line.skuId}` });
      return;
    }
    const blacklisted = blacklistedOf(sku);
    if (blacklisted) {
      issues.push({ path: `${path}.skuId`, message: `SKU ${line.skuId} is blacklisted: ${blacklisted.reason}` });
      return;
    }
    if (!inPoolOf(sku)) {
      issues.push({ path: `${path}.skuId`, message: `SKU ${line.skuId} is not in this mall's selection pool` });
      return;
    }
    if (!sku.sellable) {
      issues.push({ path: `${path}.skuId`, message: `SKU ${line.skuId} cannot be ordered now${sku.delistedReason ? ` (${sku.delistedReason})` : ''}` });
      return;
    }
    const kind = sku.categoryFamily === 'physical' ? 'physical' : 'virtual';
    if (kind === 'virtual' && sku.subcategory && /话费|流量|加油卡|充值/.test(sku.subcategory) && !line.account) {
      issues.push({ path: `${path}.account`, message: 'a top-up needs the account to credit (mobile or card number)' });
    }
    lines.push({
      lineId,
      skuId: line.skuId,
      quantity: line.quantity,
      kind,
      categoryFamily: sku.categoryFamily,
      title: sku.title,
      unitPriceFen: sku.contractPriceFen,
      ...(line.account ? { account: line.account } : {}),
      status: 'accepted',
    });
  });

  const { recipient } = request;
  if (!isMainlandMobile(recipient.mobile)) issues.push({ path: 'recipient.mobile', message: 'must be an 11-digit mainland mobile number' });
  const place = resolveCity({ province: recipient.province, city: recipient.city, district: recipient.district, code: recipient.code });
  if (!place.ok) {
    const fields = place.fields.length > 0 ? place.fields : ['city'];
    for (const field of fields) issues.push({ path: `recipient.${field}`, message: `the address does not resolve to a city: ${place.detail}` });
  }
  if (issues.length > 0 || !place.ok) return { ok: false, issues };
  return {
    ok: true,
    lines,
    recipient: {
      name: recipient.name,
      mobile: recipient.mobile,
      province: recipient.province,
      city: recipient.city,
      ...(recipient.district ? { district: recipient.district } : {}),
      address: recipient.address,
      cityCode: place.city.code,
      lat: place.city.lat,
      lng: place.city.lng,
    },
  };
}
