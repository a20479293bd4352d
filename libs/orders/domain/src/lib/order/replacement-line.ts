import type { FieldIssue } from '@supply-hub/errors';
import type { SellableSku } from '../catalog/sellable-sku';
import type { Order, OrderLine } from './order';

/** What an after-sales case asks for: `quantity` units of the original order's line `lineId`, sent again. */
export interface ReplacementRequest {
  caseId: string;
  orderId: string;
  lineId: string;
  skuId: string;
  quantity: number;
}

export type CheckedReplacement = { ok: true; line: OrderLine } | { ok: false; issues: FieldIssue[] };

/**
 * The mall order id of a case's replacement order, from which its order id is derived. The `/` is not
 * allowed in the ids malls send (POST /orders), so no mall order can take a case's replacement id first.
 */
export function replacementMallOrderId(caseId: string): string {
  return `replacement/${caseId}`;
}

/**
 * The one line of a replacement order: the original line's SKU, kind, title and contract price (what a
 * refund gives back stays what the mall paid), the requested quantity, the original line id. A request
 * that does not match the original line (another SKU, more units than were ordered, a virtual line,
 * which aftersales reissues instead) is invalid: it will not get better on a retry. A SKU the catalog no
 * longer sells is not shipped again, whatever the warehouses still hold: the line is refused with the
 * reason, so aftersales refunds it.
 */
export function checkReplacement(original: Pick<Order, 'lines'>, request: ReplacementRequest, sku: SellableSku | undefined): CheckedReplacement {
  const source = original.lines.find((line) => line.lineId === request.lineId);
  if (!source) return { ok: false, issues: [{ path: 'lineId', message: `the order has no line ${request.lineId}` }] };
  const issues: FieldIssue[] = [];
  if (source.skuId !== request.skuId) issues.push({ path: 'skuId', message: `line ${source.lineId} is SKU ${source.skuId}, not ${request.skuId}` });
  if (request.quantity > source.quantity)
    issues.push({ path: 'quantity', message: `line ${source.lineId} has ${source.quantity} units, fewer than ${request.quantity}` });
  if (source.kind !== 'physical') issues.push({ path: 'lineId', message: `line ${source.lineId} is virtual: it is reissued, not replaced` });
  if (issues.length > 0) return { ok: false, issues };

  const line: OrderLine = {
    lineId: source.lineId,
    skuId: source.skuId,
    quantity: request.quantity,
    kind: source.kind,
    categoryFamily: source.categoryFamily,
    title: source.title,
    unitPriceFen: source.unitPriceFen,
    status: 'accepted',
  };
  if (sku?.sellable) return { ok: true, line };
  const why = sku?.delistedReason ? ` (${sku.delistedReason})` : '';
  return { ok: true, line: { ...line, status: 'refused', reason: `SKU ${source.skuId} is no longer sold${why}: nothing to replace it with` } };
}
