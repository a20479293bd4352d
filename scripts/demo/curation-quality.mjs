// The demo's curation and quality control (issue 7), through catalog-sync's staff API and the CLI: a bank
// mall's selection pool from the finance template, the catalog mix against the generic 4:3:2:1 target,
// a supplier's brand authorisation on the 30-day warning list, a failed sample inspection that takes a
// SKU off sale, a bulk suspension's dry run, and the week's elimination report.

const DAY_MS = 24 * 3_600_000;

/**
 * @param {object} demo  what demo.mjs hands over: services' ports, the staff token, the CLI, its printing helpers.
 */
export async function showCurationAndQuality(demo) {
  const { ports, staffToken, cli, say, table, shorten } = demo;
  if (!staffToken) return say('no demo staff token, so no curation demo');
  const catalog = `http://127.0.0.1:${ports['catalog-sync']}`;
  const headers = { authorization: `Bearer ${staffToken}`, 'content-type': 'application/json' };
  const call = async (method, path, body, ok = [200, 201]) => {
    const answer = await fetch(`${catalog}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const json = await answer.json().catch(() => ({}));
    if (!ok.includes(answer.status)) throw new Error(`${method} ${path}: HTTP ${answer.status} ${json.detail ?? JSON.stringify(json)}`);
    return { status: answer.status, body: json };
  };
  say('curation and quality: a bank mall’s selection pool, the catalog mix, qualifications, a sample inspection ...');

  // A pool for a bank's points mall, from the finance template (mid and high bands); the demo mall keeps the whole catalog.
  await call('PUT', '/pools/mall-demo-bank', { template: 'finance', reason: 'demo: a bank card points mall' });
  const preview = (await call('GET', '/pools/mall-demo-bank/preview')).body;
  const everything = (await call('GET', '/pools/mall-demo/preview')).body;
  say(
    `  pool mall-demo-bank (finance template): ${preview.count} of ${everything.count} sellable SKUs (bands: ${Object.entries(preview.bands)
      .map(([band, count]) => `${band} ${count}`)
      .join(', ')})`,
  );

  say('  catalog mix against the generic 4:3:2:1 target (supply-hub catalog mix-report):');
  for (const line of (await cli('catalog', 'mix-report', '--preset', 'generic')).split('\n')) say(`    ${line}`);

  // Midea's own feed: licence valid, the 美的 authorisation ending in 20 days: on the 30-day warning list.
  const today = new Date(Date.now() + 8 * 3_600_000);
  const day = (offset) => new Date(today.getTime() + offset * DAY_MS).toISOString().slice(0, 10);
  await call(
    'POST',
    '/qualifications',
    { supplierId: 'brand-midea', kind: 'business-licence', validFrom: '2024-01-01', validUntil: '2029-12-31', documentRef: '91440606MA4UDEMO01' },
    [201, 409],
  );
  await call(
    'POST',
    '/qualifications',
    { supplierId: 'brand-midea', kind: 'brand-authorisation', brand: '美的', validFrom: day(-340), validUntil: day(20) },
    [201, 409],
  );
  const expiring = (await call('GET', '/qualifications/expiring?withinDays=30')).body.items.filter((item) => item.qualification.supplierId === 'brand-midea');
  for (const item of expiring.slice(0, 1))
    say(
      `  qualification warning: ${item.qualification.supplierId} ${item.qualification.kind} for ${item.qualification.brand ?? '-'} ends ${item.qualification.validUntil} (${item.daysLeft} days left)`,
    );

  // A failed sample inspection takes one approved SKU off sale at once.
  const candidates = (await call('GET', '/catalog/skus?family=physical&sort=newest&limit=20')).body.items;
  const inspected = candidates[candidates.length - 1];
  if (inspected) {
    const inspection = (
      await call('POST', '/quality/inspections', {
        result: 'fail',
        skuIds: [inspected.skuId],
        notes: '内胆涂层脱落 (demo sample)',
        sampleSize: 5,
        evidenceUrl: 'https://qc.example.com/reports/demo',
      })
    ).body;
    const curation = (await call('GET', `/curation/skus/${inspected.skuId}`)).body;
    say(
      `  sample inspection ${inspection.inspectionId} failed: ${inspected.skuId} ${shorten(inspected.title, 24)} → ${curation.status}, sellable ${curation.sellable}`,
    );
  }

  // A bulk suspension by brand, as a dry run: what it would move, nothing changed.
  const brand = candidates.find((item) => item.brand)?.brand;
  if (brand) {
    const dry = (
      await call('POST', '/curation/bulk', { filter: { brands: [brand], statuses: ['approved'] }, action: 'suspend', reason: 'demo dry run', dryRun: true })
    ).body;
    say(`  bulk suspend of brand ${brand} (dry run): ${dry.matched} match, ${dry.applicable} would move to ${dry.to}; nothing changed`);
  }

  const elimination = (await call('GET', `/quality/elimination?period=week&from=${day(-6)}&to=${day(0)}`)).body;
  say(
    `  elimination report, last 7 days: ${elimination.total.skusRemoved} SKUs removed of ${elimination.catalogSkus} (${(elimination.total.rate * 100).toFixed(2)}%)`,
  );
  table(
    ['cause', 'SKUs'],
    Object.entries(elimination.total.byCause).map(([cause, count]) => [cause, String(count)]),
  ).forEach((line) => say(`    ${line}`));
}
