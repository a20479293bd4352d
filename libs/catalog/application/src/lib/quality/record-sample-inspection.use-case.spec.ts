import type { InspectionDocument, InspectionOutcome } from '@supply-hub/catalog-data-access';
import type { SampleInspection, StoredProduct } from '@supply-hub/catalog-domain';
import { ValidationError } from '@supply-hub/errors';
import type { CurationRequest } from '../curation/curate-products.use-case';
import { RecordSampleInspection, type SampleInspectionRequest } from './record-sample-inspection.use-case';

const at = new Date('2026-11-24T02:00:00Z');

const product = (skuId: string, sourceId: string) =>
  ({ state: { skuId, bestOfferId: `${sourceId}:1`, offers: [{ offerId: `${sourceId}:1`, sourceId }] } }) as unknown as StoredProduct;

class FakeInspections {
  readonly documents = new Map<string, InspectionDocument>();
  async begin(inspection: SampleInspection) {
    const { inspectionId, ...fields } = inspection;
    if (!this.documents.has(inspectionId)) this.documents.set(inspectionId, { _id: inspectionId, ...fields, skuIds: inspection.skus.map((sku) => sku.skuId), state: 'open' });
    return this.documents.get(inspectionId)!;
  }
  async finish(id: string, outcome: InspectionOutcome) {
    this.documents.set(id, { ...this.documents.get(id)!, state: 'done', outcome });
  }
  async unfinished(before: Date) {
    return [...this.documents.values()].filter((document) => document.state === 'open' && document.at < before);
  }
}

function setUp() {
  const catalog = new Map([
    ['a', product('a', 'jd')],
    ['b', product('b', 'taobao')],
  ]);
  const inspections = new FakeInspections();
  const curations: CurationRequest[] = [];
  const facts: SampleInspection[] = [];
  const resumed: string[] = [];
  const record = new RecordSampleInspection({
    catalog: { readProducts: async (ids) => new Map(ids.flatMap((id) => (catalog.has(id) ? [[id, catalog.get(id)!] as const] : []))) },
    inspections,
    curate: {
      execute: async (request) => {
        curations.push(request);
        return { applied: request.skuIds.filter((id) => id === 'a'), refused: [{ skuId: 'b', reason: 'a suspended SKU cannot be suspended (only an approved one)' }], unknown: [] };
      },
    },
    facts: { inspected: async (inspection) => void facts.push(inspection) },
    onResumed: async ({ inspection }) => void resumed.push(inspection.inspectionId),
  });
  return { record, inspections, curations, facts, resumed };
}

const request = (overrides: Partial<SampleInspectionRequest> = {}): SampleInspectionRequest => ({
  inspectionId: 'insp_1',
  result: 'fail',
  skuIds: ['a', 'b'],
  batch: { batchId: 'B-1' },
  notes: '涂层脱落',
  inspector: 'quality-li',
  sampleSize: 4,
  at,
  ...overrides,
});

describe('RecordSampleInspection', () => {
  it('suspends a failure’s SKUs in one curation action, reports what it could not suspend, and counts the result with each SKU’s supplier', async () => {
    const { record, curations, facts } = setUp();
    const { outcome } = await record.execute(request());
    expect(curations).toEqual([expect.objectContaining({ actionId: 'inspection:insp_1', action: 'suspend', skuIds: ['a', 'b'], by: 'quality-li', reason: 'sample inspection insp_1 failed: 涂层脱落' })]);
    expect(outcome).toEqual({ suspended: ['a'], notSuspended: [{ skuId: 'b', reason: 'a suspended SKU cannot be suspended (only an approved one)' }] });
    expect(facts[0]!.skus).toEqual([
      { skuId: 'a', supplierId: 'jd' },
      { skuId: 'b', supplierId: 'taobao' },
    ]);
  });

  it('suspends nothing for a pass', async () => {
    const { record, curations, facts } = setUp();
    expect((await record.execute(request({ result: 'pass' }))).outcome).toEqual({ suspended: [], notSuspended: [] });
    expect(curations).toHaveLength(0);
    expect(facts).toHaveLength(1);
  });

  it('refuses unknown SKUs by position and records nothing', async () => {
    const { record, inspections, curations } = setUp();
    const refused = await record.execute(request({ skuIds: ['a', 'x', 'y'] })).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues).toEqual([
      { path: 'skuIds.1', message: 'unknown SKU x' },
      { path: 'skuIds.2', message: 'unknown SKU y' },
    ]);
    expect(inspections.documents.size).toBe(0);
    expect(curations).toHaveLength(0);
  });

  it('answers a repeated request from the stored outcome, and finishes what a dead process left open', async () => {
    const { record, inspections, curations, facts, resumed } = setUp();
    await record.execute(request());
    await record.execute(request());
    expect(curations).toHaveLength(1);

    // Stored, then the process died: open, nothing carried out.
    await inspections.begin({ ...request({ inspectionId: 'insp_2' }), skus: [{ skuId: 'a', supplierId: 'jd' }] });
    expect(await record.resume(new Date(at.getTime() + 60_000))).toBe(1);
    expect(curations.at(-1)).toMatchObject({ actionId: 'inspection:insp_2' });
    expect(facts.map((fact) => fact.inspectionId)).toEqual(['insp_1', 'insp_2']);
    expect(inspections.documents.get('insp_2')!.state).toBe('done');
    expect(resumed).toEqual(['insp_2']);
  });
});
