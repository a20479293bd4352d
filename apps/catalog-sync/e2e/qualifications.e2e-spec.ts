import { randomBytes } from 'node:crypto';
import { CATALOG_COLLECTIONS, type ProductDocument } from '@supply-hub/catalog-data-access';
import { SkuDelisted, SkuUpserted, TOPICS } from '@supply-hub/contracts';
import { createKafkaClient, stderrLogger } from '@supply-hub/kafka';
import { createTestApiKey, type TestService, testStaffToken } from '@supply-hub/platform/testing';
import { createTestDatabase, integrationEnv, KafkaTestCollector, type TestDatabase, uniqueName, waitFor } from '@supply-hub/testing';
import { withCuration } from '@supply-hub/catalog-domain';
import { QualificationSweep } from '../src/qualifications/qualification-sweep.service';
import { productDocument, startCatalogSync } from './catalog-fixtures';

const DAY_MS = 86_400_000;
/** A Beijing calendar day `offset` days from today, as qualifications are dated. */
const beijingDay = (offset = 0) => new Date(Date.now() + 8 * 3_600_000 + offset * DAY_MS).toISOString().slice(0, 10);

/**
 * Supplier qualifications in catalog-sync on the real Kafka and FerretDB: a lapsed brand authorisation
 * (or business licence) suspends exactly that supplier's SKUs of the brand (SkuDelisted with the reason,
 * hidden from malls), a renewal reinstates exactly those, bad input is refused naming the field or row
 * with nothing recorded, only quality and admin staff record, and the quality monitor's actions are audited.
 */
describe('supplier qualifications in catalog-sync', () => {
  const kafka = createKafkaClient({ clientId: uniqueName('e2e-qualifications'), brokers: integrationEnv().kafkaBrokers, logger: stderrLogger('error') });
  const supplier = `sup-${randomBytes(4).toString('hex')}`;
  const otherSupplier = `sup-${randomBytes(4).toString('hex')}`;
  const sku = () => `sku_${randomBytes(10).toString('hex')}`;
  const midea = sku(); // the supplier's 美的: suspended on the lapse, reinstated on renewal
  const mideaHeldByStaff = sku(); // the supplier's 美的, suspended by a curator before: stays suspended
  const gree = sku(); // the supplier's 格力: another brand, stays sellable
  const mideaElsewhere = sku(); // 美的 from another supplier: stays sellable
  const supplierC = `sup-${randomBytes(4).toString('hex')}`;
  const [joyoung, supor] = [sku(), sku()]; // supplierC's two brands, both suspended when its licence lapses
  let database: TestDatabase;
  let service: TestService;
  let collector: KafkaTestCollector;
  let mall: string;
  let quality: string;
  let curator: string;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const post = (body: Record<string, unknown>, token = quality) => service.http.post('/qualifications').set(auth(token)).send(body);
  const importCsv = (csv: string, token = quality) => service.http.post('/qualifications/import').set(auth(token)).set('Content-Type', 'text/csv').send(csv);
  const listOf = async (supplierId: string) => (await service.http.get('/qualifications').query({ supplierId }).set(auth(curator)).expect(200)).body.items as { id: string }[];
  const visible = async () => ((await service.http.get('/catalog/skus').query({ limit: 50 }).set('X-Api-Key', mall).expect(200)).body.items as { skuId: string }[]).map((item) => item.skuId);
  const curationOf = async (skuId: string) => (await service.http.get(`/curation/skus/${skuId}`).set(auth(curator)).expect(200)).body;
  const eventOf = (type: string, skuId: string) =>
    collector.waitFor(
      (message) => {
        const event = JSON.parse(message.value ?? '{}');
        return event.type === type && event.data.skuId === skuId;
      },
      { timeoutMs: 60_000, message: `${type} of ${skuId}` },
    );
  const sweep = () => service.app.get(QualificationSweep).runOnce();
  const heldByStaff = (document: ProductDocument): ProductDocument => ({
    ...document,
    state: withCuration(document.state, { status: 'suspended', reason: '抽检不合格', by: 'curator-wang', at: new Date().toISOString() }),
  });

  beforeAll(async () => {
    database = await createTestDatabase('e2e_catalog_qualifications');
    await database.db.collection<ProductDocument>(CATALOG_COLLECTIONS.products).insertMany([
      productDocument(midea, { title: '美的电饭煲 MB-FB40', brand: '美的', subcategory: '电饭煲', sourceId: supplier }),
      heldByStaff(productDocument(mideaHeldByStaff, { title: '美的电压力锅 MY-50', brand: '美的', subcategory: '电压力锅', sourceId: supplier })),
      productDocument(gree, { title: '格力电风扇 FD-40', brand: '格力', subcategory: '电风扇', sourceId: supplier }),
      productDocument(mideaElsewhere, { title: '美的电水壶 SH-15', brand: '美的', subcategory: '电水壶', sourceId: otherSupplier }),
      productDocument(joyoung, { title: '九阳豆浆机 DJ13', brand: '九阳', subcategory: '豆浆机', sourceId: supplierC }),
      productDocument(supor, { title: '苏泊尔炒锅 PC32', brand: '苏泊尔', subcategory: '炒锅', sourceId: supplierC }),
    ]);
    // The sweep runs when the test says so.
    service = await startCatalogSync({ env: { MONGO_DB: database.db.databaseName, SYNC_RESUME_ON_START: 'false', QUALIFICATION_SWEEP: 'false' }, keepDatabase: true });
    collector = await KafkaTestCollector.start(kafka, TOPICS.catalogSku, { startAt: 'end' });
    mall = await createTestApiKey(service, 'tenant', uniqueName('mall'));
    quality = await testStaffToken(['quality'], 'quality-zhao');
    curator = await testStaffToken(['curator'], 'curator-wang');
    await waitFor(async () => (await visible()).length === 5, { timeoutMs: 60_000, message: 'the catalog index to hold the five sellable products' });
  }, 120_000);

  afterAll(async () => {
    await service?.close();
    await collector?.stop();
    await database?.drop();
  });

  it('suspends the supplier’s SKUs of a brand whose authorisation lapsed, and reinstates exactly those on renewal', async () => {
    await post({ supplierId: supplier, kind: 'business-licence', validFrom: '2020-01-01', validUntil: '2099-12-31', documentRef: '91110000MA01ABCD' }).expect(201);
    await post({ supplierId: supplier, kind: 'brand-authorisation', brand: '格力', validFrom: '2020-01-01', validUntil: '2099-12-31' }).expect(201);
    const lapsed = (await post({ supplierId: supplier, kind: 'brand-authorisation', brand: '美的', validFrom: '2020-01-01', validUntil: beijingDay(-1) }).expect(201)).body;
    expect(lapsed).toMatchObject({ qualification: { supplierId: supplier, kind: 'brand-authorisation', brand: '美的', recordedBy: 'quality-zhao' }, restoredSkuIds: [] });

    const report = await sweep();
    expect(report).toMatchObject({ suspended: [midea], restored: [], scannedProducts: true });
    const reason = `supplier ${supplier}'s brand authorisation for 美的 expired on ${beijingDay()}`;
    const delisted = JSON.parse((await eventOf(SkuDelisted.type, midea)).value!);
    expect(delisted.data.reason).toBe(`suspended by curation: ${reason}`);
    await waitFor(async () => !(await visible()).includes(midea), { timeoutMs: 60_000, message: 'the mall catalog to hide the suspended SKU' });
    expect((await visible()).sort()).toEqual([gree, mideaElsewhere, joyoung, supor].sort());
    expect(await curationOf(midea)).toMatchObject({ status: 'suspended', sellable: false, decision: { by: 'system:qualifications', reason } });
    // Acted on once: the next sweep neither suspends again nor reads the products again.
    expect(await sweep()).toMatchObject({ suspended: [], restored: [], scannedProducts: false });

    const otherBrand = (await post({ supplierId: supplier, kind: 'brand-authorisation', brand: '美的生活', validFrom: beijingDay(), validUntil: beijingDay(365) }).expect(201)).body;
    // Another brand's authorisation gives nothing back.
    expect(otherBrand.restoredSkuIds).toEqual([]);
    const renewed = (await post({ supplierId: supplier, kind: 'brand-authorisation', brand: ' 美的 ', validFrom: beijingDay(), validUntil: beijingDay(365), documentRef: 'https://docs.example/midea-2027.pdf' }).expect(201)).body;
    expect(renewed.restoredSkuIds).toEqual([midea]);
    const upserted = JSON.parse((await eventOf(SkuUpserted.type, midea)).value!);
    expect(upserted.data).toMatchObject({ skuId: midea, sellable: true });
    await waitFor(async () => (await visible()).includes(midea), { timeoutMs: 60_000, message: 'the mall catalog to show the reinstated SKU' });
    expect(await curationOf(midea)).toMatchObject({ status: 'approved', sellable: true });
    // Suspended by staff for another reason: not the lapse's to give back.
    expect(await curationOf(mideaHeldByStaff)).toMatchObject({ status: 'suspended', decision: { by: 'curator-wang' } });
    expect(await sweep()).toMatchObject({ suspended: [], restored: [] });
  }, 180_000);

  it('suspends every brand of a supplier whose business licence lapsed; an imported renewal reinstates them', async () => {
    const [first, second] = [joyoung, supor];
    const header = 'supplierId,kind,brand,validFrom,validUntil,documentRef';
    const imported = await importCsv(
      [header, `${supplierC},business-licence,,2020-01-01,${beijingDay(-3)},91110000MA02`, `${supplierC},brand-authorisation,九阳,2020-01-01,2099-12-31,`].join('\n'),
    ).expect(200);
    expect(imported.body).toEqual({ recorded: 2, alreadyRecorded: 0, restoredSkuIds: [] });

    expect((await sweep()).suspended.sort()).toEqual([first, second].sort());
    expect(await curationOf(second)).toMatchObject({ status: 'suspended', decision: { reason: `supplier ${supplierC}'s business licence expired on ${beijingDay(-2)}` } });
    await waitFor(async () => !(await visible()).some((skuId) => skuId === first || skuId === second), { timeoutMs: 60_000, message: 'the catalog to hide the supplier’s SKUs' });

    const renewal = await importCsv([header, `${supplierC},business-licence,,${beijingDay(-2)},${beijingDay(700)},91110000MA02`].join('\n')).expect(200);
    expect(renewal.body.recorded).toBe(1);
    expect([...renewal.body.restoredSkuIds].sort()).toEqual([first, second].sort());
    await waitFor(
      async () => {
        const shown = await visible();
        return shown.includes(first) && shown.includes(second);
      },
      { timeoutMs: 60_000, message: 'the catalog to show the reinstated SKUs' },
    );
    // Importing the same file again records nothing twice.
    expect((await importCsv([header, `${supplierC},business-licence,,${beijingDay(-2)},${beijingDay(700)},91110000MA02`].join('\n')).expect(200)).body).toEqual({
      recorded: 0,
      alreadyRecorded: 1,
      restoredSkuIds: [],
    });
  }, 180_000);

  it('refuses an authorisation ending before it starts and a CSV with a broken row, naming the field and row, recording nothing', async () => {
    const supplierD = `sup-${randomBytes(4).toString('hex')}`;
    const backwards = await post({ supplierId: supplierD, kind: 'brand-authorisation', brand: '美的', validFrom: '2026-06-01', validUntil: '2026-05-31' }).expect(400);
    expect(backwards.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(backwards.body.errors).toEqual([{ path: 'body.validUntil', message: 'must not be before validFrom (2026-06-01)' }]);
    const noBrand = await post({ supplierId: supplierD, kind: 'brand-authorisation', validFrom: '2026-01-01', validUntil: '2026-12-31' }).expect(400);
    expect(noBrand.body.errors).toEqual([{ path: 'body.brand', message: 'is required for a brand-authorisation' }]);

    const broken = await importCsv(
      [
        'supplierId,kind,brand,validFrom,validUntil,documentRef',
        `${supplierD},business-licence,,2026-01-01,2030-12-31,`,
        `${supplierD},brand-authorisation,,2026-01-01,2030-12-31,`,
        `${supplierD},brand-authorisation,格力,2026-01-01,2025-12-31,`,
      ].join('\n'),
    ).expect(400);
    expect(broken.body.errors).toEqual([
      { path: 'row 3.brand', message: 'is required for a brand-authorisation' },
      { path: 'row 4.validUntil', message: 'must not be before validFrom (2026-01-01)' },
    ]);
    await importCsv('{"supplierId":"x"}').set('Content-Type', 'application/json').expect(400);
    expect(await listOf(supplierD)).toEqual([]);

    await post({ supplierId: supplierD, kind: 'business-licence', validFrom: '2026-01-01', validUntil: '2030-12-31' }).expect(201);
    const again = await post({ supplierId: supplierD, kind: 'business-licence', validFrom: '2026-01-01', validUntil: '2030-12-31' }).expect(409);
    expect(again.body.type).toContain('qualification-exists');
    expect(await listOf(supplierD)).toHaveLength(1);
  });

  it('lists what expires within 30 days, not what is renewed', async () => {
    const supplierE = `sup-${randomBytes(4).toString('hex')}`;
    await post({ supplierId: supplierE, kind: 'business-licence', validFrom: '2020-01-01', validUntil: beijingDay(10) }).expect(201);
    await post({ supplierId: supplierE, kind: 'brand-authorisation', brand: '海尔', validFrom: '2020-01-01', validUntil: beijingDay(5) }).expect(201);
    await post({ supplierId: supplierE, kind: 'brand-authorisation', brand: '海尔', validFrom: beijingDay(6), validUntil: beijingDay(400) }).expect(201);
    const expiring = (await service.http.get('/qualifications/expiring').set(auth(curator)).expect(200)).body;
    const mine = (expiring.items as { qualification: { supplierId: string; kind: string; validUntil: string }; daysLeft: number }[]).filter(
      (item) => item.qualification.supplierId === supplierE,
    );
    expect(mine).toEqual([{ qualification: expect.objectContaining({ kind: 'business-licence', validUntil: beijingDay(10) }), daysLeft: 10 }]);
    const soon = (await service.http.get('/qualifications/expiring').query({ withinDays: 7 }).set(auth(curator)).expect(200)).body.items as { qualification: { supplierId: string } }[];
    expect(soon.filter((item) => item.qualification.supplierId === supplierE)).toEqual([]);
    expect((await sweep()).expiring.some((item) => item.qualification.supplierId === supplierE)).toBe(true);
  });

  it('lets quality and admin staff record, curators and operations read, nobody else', async () => {
    const body = { supplierId: supplier, kind: 'business-licence', validFrom: '2021-01-01', validUntil: '2021-12-31' };
    await post(body, curator).expect(403);
    await importCsv('supplierId,kind,validFrom,validUntil\njd,business-licence,2021-01-01,2021-12-31', curator).expect(403);
    await post(body, await testStaffToken(['operations'])).expect(403);
    await service.http.post('/qualifications').set('X-Api-Key', mall).send(body).expect(403);
    await service.http.get('/qualifications').set('X-Api-Key', mall).expect(403);
    await service.http.get('/qualifications').set(auth(await testStaffToken(['operations']))).expect(200);
    await post(body, await testStaffToken(['admin'])).expect(201);
  });

  it('audits every record and import by the staff member, and every suspension and reinstatement by the quality monitor', async () => {
    const admin = await testStaffToken(['admin'], 'admin-li');
    const audit = async (query: Record<string, string>) =>
      (await service.http.get('/audit').query(query).set(auth(admin)).expect(200)).body.items as { action: string; actor: { kind: string; sub: string }; reason?: string }[];
    const skuEntries = await audit({ entityKind: 'sku', entityId: midea });
    expect(skuEntries.map((entry) => [entry.action, entry.actor.kind, entry.actor.sub])).toEqual([
      ['sku.reinstate', 'system', 'qualification-monitor'],
      ['sku.suspend', 'system', 'qualification-monitor'],
    ]);
    expect(skuEntries[1]!.reason).toBe(`supplier ${supplier}'s brand authorisation for 美的 expired on ${beijingDay()}`);
    const recorded = (await listOf(supplier)).map((qualification) => qualification.id);
    for (const id of recorded) {
      const entries = await audit({ entityKind: 'qualification', entityId: id });
      expect(entries).toEqual([expect.objectContaining({ action: 'qualification.record', actor: expect.objectContaining({ kind: 'staff' }) })]);
    }
    const imports = await audit({ action: 'qualification.import' });
    expect(imports.length).toBeGreaterThanOrEqual(3);
  });
});
