import { CASE_KINDS, CASE_STATUSES } from '@supply-hub/contracts';
import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'must be 1–64 letters, digits or . _ : -');

export const caseIdSchema = z.string().regex(/^cas_[0-9a-f]{20}$/, 'a case id: cas_ and 20 hex digits');

export const caseRequestSchema = z
  .strictObject({
    mallCaseId: id.describe("The mall's own case id: opening it again with the same body gives the same answer"),
    orderId: z.string().regex(/^ord_[0-9a-f]{20}$/, 'an order id: ord_ and 20 hex digits'),
    lineId: z.string().regex(/^[A-Za-z0-9._-]{1,32}$/, 'must be 1–32 letters, digits or . _ -'),
    kind: z.enum(CASE_KINDS),
    reason: text(200).describe('The member’s reason, in their words'),
    quantity: z.int().min(1).max(99).describe('Units of the line the case is about'),
    description: text(2000).optional(),
    photos: z
      .array(z.url({ protocol: /^https?$/ }).max(500))
      .max(9)
      .optional()
      .describe('Links to the member’s photos (damage, wrong item, the unused code)'),
    resolution: z.enum(['refund', 'replacement', 'reissue']).optional().describe('What the member asks for, among what the kind allows'),
    memberPaid: z
      .strictObject({ points: z.int().min(0).max(1_000_000_000), cashFen: z.int().min(0).max(1_000_000_000) })
      .optional()
      .describe('What the member paid for these units: echoed in the refund for the mall to credit back'),
  })
  .meta({
    id: 'CaseRequest',
    examples: [
      {
        mallCaseId: 'AS-20261124-0001',
        orderId: 'ord_0123456789abcdef0123',
        lineId: '1',
        kind: 'damaged',
        reason: '外箱破损，电饭煲内胆变形',
        quantity: 1,
        photos: ['https://img.example-mall.cn/as/0001-1.jpg'],
        memberPaid: { points: 29900, cashFen: 0 },
      },
    ],
  });
export type CaseRequestInput = z.output<typeof caseRequestSchema>;

const listShape = {
  status: z.enum(CASE_STATUSES).optional(),
  kind: z.enum(CASE_KINDS).optional(),
  orderId: z.string().regex(/^ord_[0-9a-f]{20}$/).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

export const caseListQuerySchema = z.strictObject(listShape);
export type CaseListQuery = z.output<typeof caseListQuerySchema>;

export const staffQueueQuerySchema = z.strictObject({
  ...listShape,
  tenantId: id.optional(),
  escalated: z.enum(['true', 'false']).optional().transform((value) => (value === undefined ? undefined : value === 'true')),
});
export type StaffQueueQuery = z.output<typeof staffQueueQuerySchema>;

export const approveSchema = z.strictObject({ note: text(1000).optional(), resolution: z.enum(['refund', 'replacement', 'reissue']).optional() });
export const rejectSchema = z.strictObject({ reason: text(500) });
export const noteSchema = z.strictObject({ note: text(1000) });
export const optionalNoteSchema = z.strictObject({ note: text(1000).optional() });
export const returnShipmentSchema = z.strictObject({ carrier: text(40), trackingNumber: z.string().regex(/^[A-Za-z0-9-]{6,40}$/, '6–40 letters, digits or -') });
export const receiveSchema = z.strictObject({ quantity: z.int().min(1).max(99), note: text(1000).optional() });
export const inspectSchema = z.strictObject({ result: z.enum(['pass', 'fail']), notes: text(1000) });
