import type { DropShipOrderRequest } from '@supply-hub/orders-domain';
import { JD_INVOICE_TITLES, JD_MAX_SKUS_PER_ORDER, JD_PAYMENT_TYPES, JD_SUBMIT_STATES, jdOrderAreaOf, type JdOrderSku } from '@supply-hub/supplier-protocols';

/**
 * How supply-hub orders at JD, in one place (unsure, see JD_INVOICE_* in supplier-protocols): invoices
 * collected per period (集中开票, 2) as VAT invoices (2) to the configured company (5), itemised (1);
 * paid from the prepaid balance (4); reserved first and confirmed after (submitState 0), so an order
 * whose confirmation never came is not shipped.
 */
const ORDER_POLICY = {
  invoiceState: '2',
  invoiceType: '2',
  selectedInvoiceTitle: JD_INVOICE_TITLES.company,
  invoiceContent: '1',
  paymentType: JD_PAYMENT_TYPES.prepaidBalance,
  isUseBalance: '1',
  submitState: JD_SUBMIT_STATES.reserve,
} as const;

const JD_SKU_ID = /^\d{1,15}$/;

/** The order/submitOrder form of a drop-ship parcel (without the token), or why JD cannot take it. */
export function jdSubmitOrderForm(request: DropShipOrderRequest, invoiceCompanyName: string): { form: Record<string, string> } | { refused: string } {
  if (request.lines.length === 0) return { refused: 'the parcel has no lines' };
  if (request.lines.length > JD_MAX_SKUS_PER_ORDER) return { refused: `JD takes at most ${JD_MAX_SKUS_PER_ORDER} lines per order` };
  const sku: JdOrderSku[] = [];
  for (const line of request.lines) {
    if (!JD_SKU_ID.test(line.externalId)) return { refused: `line ${line.lineId}: "${line.externalId}" is not a JD SKU id` };
    sku.push({ skuId: Number(line.externalId), num: line.quantity, ...(line.supplyPriceFen !== undefined ? { price: line.supplyPriceFen / 100 } : {}) });
  }
  const { recipient } = request;
  const area = jdOrderAreaOf(recipient.cityCode);
  if (!area) return { refused: `no JD area for city ${recipient.cityCode}` };
  const address = [recipient.province, recipient.city, recipient.district, recipient.address].filter(Boolean).join(' ').slice(0, 200);
  return {
    form: {
      thirdOrder: request.thirdOrder,
      sku: JSON.stringify(sku),
      name: recipient.name.slice(0, 50),
      ...area,
      address,
      mobile: recipient.mobile,
      companyName: invoiceCompanyName,
      ...ORDER_POLICY,
    },
  };
}
