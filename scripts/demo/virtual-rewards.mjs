// The demo's virtual rewards (issue 5): virtual SKUs from order-router's read model set up in
// virtual-codes (a card-code pool with a demo batch, top-ups through the 福禄-style sandbox with the
// 聚合-style one as fallback, card codes bought live), then the demo mall orders them and the demo shows
// each line's issuance as it settles: issued in seconds, one refused for an invalid account, one failed
// at both providers and refunded.

/**
 * @param {object} demo  what demo.mjs hands over: services' ports, credentials, its printing helpers and
 *                      the read-model lookup.
 * @returns the virtual SKUs it set up (the after-sales cases reuse the pool SKU).
 */
export async function issueVirtualRewards(demo) {
  const { ports, staffToken, mallKey, say, table, shorten, findVirtualSkus } = demo;
  if (!mallKey || !staffToken) return say('no demo credentials, so no virtual rewards');
  const codes = `http://127.0.0.1:${ports['virtual-codes']}`;
  const orders = `http://127.0.0.1:${ports['order-router']}`;
  const staff = { authorization: `Bearer ${staffToken}`, 'content-type': 'application/json' };
  const skus = await findVirtualSkus();
  if (!skus.topUp || !skus.membership || !skus.card) return say('the catalog has no 话费 / 视频会员 / 游戏点卡 SKUs yet, so no virtual rewards');
  say('virtual rewards: products set up in virtual-codes, a batch of 视频会员 codes imported, then three orders ...');

  const products = [
    [skus.topUp, { name: skus.topUp.title, fulfilment: 'top-up', faceValueFen: 5000, accountKind: 'mobile', providers: [{ providerId: 'fulu', providerProductId: '10050' }, { providerId: 'juhe', providerProductId: '50' }] }],
    [skus.membership, { name: skus.membership.title, fulfilment: 'pool', faceValueFen: 2500, lowStockThreshold: 5 }],
    [skus.card, { name: skus.card.title, fulfilment: 'card-purchase', faceValueFen: 1000, providers: [{ providerId: 'fulu', providerProductId: '40001' }] }],
  ];
  for (const [sku, body] of products) {
    const answer = await fetch(`${codes}/virtual-products/${sku.skuId}`, { method: 'PUT', headers: staff, body: JSON.stringify(body) });
    if (answer.status !== 200) throw new Error(`virtual product ${sku.skuId}: HTTP ${answer.status} ${await answer.text()}`);
  }
  // A fresh batch each run (codes are unique across batches): 8 codes, so the pool runs low in a few runs.
  const run = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const csv = ['卡号,密码', ...Array.from({ length: 8 }, (_, index) => `IQY${run}${String(index).padStart(2, '0')},${String(100000 + index * 7919).slice(-6)}`)].join('\n');
  const imported = await fetch(`${codes}/pools/${skus.membership.skuId}/batches?faceValueFen=2500&costFen=2150&expiresAt=2027-12-31&reference=demo-${run}`, {
    method: 'POST',
    headers: { authorization: staff.authorization, 'content-type': 'text/csv' },
    body: csv,
  });
  if (imported.status !== 201) throw new Error(`code import: HTTP ${imported.status} ${await imported.text()}`);
  say(`  pool ${shorten(skus.membership.title, 20)}: ${(await imported.json()).available} codes available`);

  const recipient = { name: '张三', mobile: '13800138000', province: '北京', city: '北京市', district: '朝阳区', address: '建国路 88 号' };
  const placed = [];
  const plan = [
    { note: 'three rewards', lines: [{ skuId: skus.topUp.skuId, quantity: 1, account: '13800138000' }, { skuId: skus.membership.skuId, quantity: 1 }, { skuId: skus.card.skuId, quantity: 2 }] },
    { note: 'a number the operator has suspended (both providers fail it)', lines: [{ skuId: skus.topUp.skuId, quantity: 1, account: '13900000000' }] },
    { note: 'not a mobile number', lines: [{ skuId: skus.topUp.skuId, quantity: 1, account: '1234567' }] },
  ];
  for (const [index, order] of plan.entries()) {
    const answer = await fetch(`${orders}/orders`, {
      method: 'POST',
      headers: { 'x-api-key': mallKey, 'content-type': 'application/json' },
      body: JSON.stringify({ mallOrderId: `DEMO-V-${run}-${index + 1}`, lines: order.lines, recipient }),
    });
    const body = await answer.json();
    if (answer.status !== 201) {
      say(`  order ${index + 1} (${order.note}): HTTP ${answer.status} ${body.detail ?? ''}`);
      continue;
    }
    placed.push({ ...order, orderId: body.orderId });
  }

  // The sandbox settles top-ups after ~3 s and notifies; wait until every line has settled (or 30 s).
  const issuancesOf = async (orderId) => (await (await fetch(`${codes}/orders/${orderId}/issuances`, { headers: { 'x-api-key': mallKey } })).json()).items ?? [];
  const started = Date.now();
  let views = [];
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 500))) {
    views = await Promise.all(placed.map(async (order) => ({ order, items: await issuancesOf(order.orderId) })));
    const lines = views.reduce((sum, view) => sum + view.items.length, 0);
    const expected = placed.reduce((sum, order) => sum + order.lines.length, 0);
    if (lines === expected && views.every((view) => view.items.every((item) => item.status === 'issued' || item.status === 'failed'))) break;
  }
  const rows = [];
  for (const { order, items } of views) {
    for (const item of items) {
      const sku = Object.values(skus).find((candidate) => candidate.skuId === item.skuId);
      const via = item.attempts.map((attempt) => `${attempt.provider} ${attempt.state}`).join(' → ') || item.fulfilment;
      rows.push([order.orderId.slice(-6), `${shorten(sku?.title ?? item.skuId, 18)} ×${item.quantity}`, item.account ?? '', via, item.status, shorten(item.reason ?? (item.codes ? `${item.codes} code(s)` : ''), 44)]);
    }
  }
  say(`  issuances after ${((Date.now() - started) / 1000).toFixed(1)} s (order, line, account, via, status):`);
  for (const line of table(['order', 'line', 'account', 'via', 'status', 'detail'], rows)) say(`    ${line}`);
  const withCodes = views.flatMap(({ order, items }) => items.filter((item) => item.status === 'issued' && item.codes > 0).map((item) => ({ orderId: order.orderId, lineId: item.lineId })));
  if (withCodes[0]) say(`  reveal a line's codes (audited): curl -H 'X-Api-Key: <mall key>' ${codes}/orders/${withCodes[0].orderId}/lines/${withCodes[0].lineId}/codes`);
  return skus;
}
