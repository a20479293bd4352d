// The demo's after-sales cases (issue 6): the demo mall orders a few parcels to 杭州 and a 视频会员 code;
// the parcels are dispatched by 上海仓 and delivered by the carrier sandbox; then one case of each kind is
// opened and taken to its end across the services: a return refunded after the warehouse inspected it,
// an exchange and a wrong item shipped again by order-router, damaged goods approved at once and
// replaced, a short shipment reshipped, a quality complaint the inspection rejects, an invalid code
// reissued by virtual-codes.

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @param {object} demo  what demo.mjs hands over: services' ports, credentials, warehouse keys of
 *                      order-router, a physical SKU in stock at 上海仓, the pool SKU, a CLI runner and
 *                      its printing helpers.
 */
export async function resolveDemoCases(demo) {
  const { ports, staffToken, mallKey, routerWarehouseKeys, sku, poolSku, cli, say, table, shorten } = demo;
  if (!mallKey || !staffToken || !sku) return say('no demo credentials or stock, so no after-sales cases');
  const url = (service, route) => `http://127.0.0.1:${ports[service]}${route}`;
  const call = async (service, method, route, headers, body) => {
    const answer = await fetch(url(service, route), {
      method,
      headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await answer.text();
    return { status: answer.status, body: text ? JSON.parse(text) : undefined };
  };
  const mall = { 'x-api-key': mallKey };
  const staff = { authorization: `Bearer ${staffToken}` };
  const must = async (what, promise, ...ok) => {
    const answer = await promise;
    if (!ok.includes(answer.status)) throw new Error(`${what}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const run = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const started = Date.now();
  say('after-sales: parcels to 杭州 dispatched by 上海仓 and delivered, then one case of each kind ...');

  // aftersales' own warehouse key for 上海仓 (returns are labelled for the warehouse nearest to 杭州).
  const returnsKey = JSON.parse(await cli('keys', 'create', '--kind', 'warehouse', '--owner', 'wh-sh', '--service', 'aftersales', '--label', 'demo', '--json')).key;
  const recipient = { name: '林小满', mobile: '13805712345', province: '浙江省', city: '杭州市', district: '西湖区', address: '文三路 90 号' };
  const kinds = ['return', 'exchange', 'damaged', 'missing', 'wrong-item', 'quality'];

  // 1. An order per physical case, dispatched and delivered (no carrier exceptions for these parcels).
  const carrierKnobs = (await call('supplier-sim', 'GET', '/sim/carrier/settings', {})).body;
  await call('supplier-sim', 'POST', '/sim/carrier/settings', {}, { exceptionRate: 0 });
  const orders = {};
  for (const kind of kinds) {
    const placed = await must(
      `order for the ${kind} case`,
      call('order-router', 'POST', '/orders', mall, { mallOrderId: `DEMO-AS-${run}-${kind}`, lines: [{ skuId: sku.skuId, quantity: 2 }], recipient }),
      201,
    );
    const shipment = placed.shipments[0];
    if (!shipment) throw new Error(`the ${kind} order was not routed to a warehouse: ${placed.status}`);
    orders[kind] = { orderId: placed.orderId, shipment };
  }
  for (const [kind, order] of Object.entries(orders)) {
    await dispatch(order.shipment, `SF${run.slice(2)}${kinds.indexOf(kind)}`);
  }
  const code = await must(
    'order for the invalid-code case',
    call('order-router', 'POST', '/orders', mall, { mallOrderId: `DEMO-AS-${run}-code`, lines: [{ skuId: poolSku.skuId, quantity: 1 }], recipient }),
    201,
  );

  async function dispatch(shipment, trackingNumber) {
    const key = { 'x-api-key': routerWarehouseKeys[shipment.warehouseId] };
    await must('accept', call('order-router', 'POST', `/warehouse/shipments/${shipment.shipmentId}/accept`, key), 200);
    await must('dispatch', call('order-router', 'POST', `/warehouse/shipments/${shipment.shipmentId}/dispatch`, key, { carrier: 'sf', trackingNumber }), 200);
    return trackingNumber;
  }
  async function deliver(trackingNumber) {
    // The carrier sandbox walks a parcel through its checkpoints (揽收 … 签收), pushing each to order-router;
    // 404 until order-router has subscribed the number, 409 once the journey is over.
    for (const deadline = Date.now() + 90_000; Date.now() < deadline; ) {
      const answer = await call('supplier-sim', 'POST', '/sim/carrier/advance', {}, { number: trackingNumber });
      if (answer.status === 409 || answer.body?.subscription?.status === 'shutdown') return;
      if (answer.status === 404) await sleep(500);
    }
    throw new Error(`parcel ${trackingNumber} was not delivered by the carrier sandbox`);
  }
  try {
    for (const kind of Object.keys(orders)) await deliver(`SF${run.slice(2)}${kinds.indexOf(kind)}`);
  } finally {
    if (carrierKnobs?.exceptionRate !== undefined) await call('supplier-sim', 'POST', '/sim/carrier/settings', {}, { exceptionRate: carrierKnobs.exceptionRate });
  }

  // 2. The cases, opened once aftersales has heard of the delivery (409 not-delivered until then).
  const requests = {
    return: { kind: 'return', reason: '七天无理由：颜色不喜欢', quantity: 1, memberPaid: { points: 19900, cashFen: 0 } },
    exchange: { kind: 'exchange', reason: '想换一个新的', quantity: 1 },
    damaged: { kind: 'damaged', reason: '外箱破损，内件磕坏', quantity: 1, photos: ['https://img.example-mall.cn/as/damaged-1.jpg'] },
    missing: { kind: 'missing', reason: '订购 2 件只收到 1 件', quantity: 1 },
    'wrong-item': { kind: 'wrong-item', reason: '发错型号', quantity: 1, resolution: 'refund' },
    quality: { kind: 'quality', reason: '使用一次后无法开机', quantity: 1 },
  };
  const cases = {};
  const open = async (kind, orderId, body) => {
    for (const deadline = Date.now() + 90_000; ; await sleep(500)) {
      const answer = await call('aftersales', 'POST', '/cases', mall, { mallCaseId: `AS-${run}-${kind}`, orderId, lineId: '1', ...body });
      if (answer.status === 201 || answer.status === 200) return answer.body;
      if (answer.status !== 409 || answer.body?.type?.endsWith('case-refused') !== true || Date.now() > deadline) {
        throw new Error(`case ${kind}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
      }
    }
  };
  for (const kind of kinds) cases[kind] = await open(kind, orders[kind].orderId, requests[kind]);
  cases['invalid-code'] = await open('invalid-code', code.orderId, { kind: 'invalid-code', reason: '兑换时提示卡密已被使用', quantity: 1 });

  // 3. Staff decide; the member sends what comes back; 上海仓 receives and inspects.
  const caseOf = async (caseId) => (await call('aftersales', 'GET', `/cases/${caseId}`, mall)).body;
  const approve = (kind, body = {}) => must(`approve ${kind}`, call('aftersales', 'POST', `/staff/cases/${cases[kind].caseId}/approve`, staff, body), 200);
  const sendBack = async (kind, result, notes) => {
    const caseId = cases[kind].caseId;
    await must(`return parcel of ${kind}`, call('aftersales', 'POST', `/cases/${caseId}/return-shipment`, mall, { carrier: 'SF', trackingNumber: `SFR${run.slice(4)}${kinds.indexOf(kind)}` }), 200);
    await must(`receive ${kind}`, call('aftersales', 'POST', `/warehouse/returns/${caseId}/receive`, { 'x-api-key': returnsKey }, { quantity: 1 }), 200);
    await must(`inspect ${kind}`, call('aftersales', 'POST', `/warehouse/returns/${caseId}/inspect`, { 'x-api-key': returnsKey }, { result, notes }), 200);
  };
  for (const kind of ['return', 'exchange', 'wrong-item', 'quality']) await approve(kind);
  await approve('missing', { note: '仓库核实少发，补发' });
  await sendBack('return', 'pass', '包装完好，可二次销售');
  await sendBack('exchange', 'pass', '完好');
  await sendBack('wrong-item', 'pass', '确为发错型号');
  await sendBack('quality', 'fail', '检测正常，无法复现故障');

  // 4. Replacements: order-router routes each; the warehouse dispatches it and the case is resolved.
  const replaced = new Set();
  for (const deadline = Date.now() + 90_000; Date.now() < deadline; await sleep(1_000)) {
    for (const kind of ['exchange', 'damaged', 'missing']) {
      if (replaced.has(kind)) continue;
      const aCase = await caseOf(cases[kind].caseId);
      if (!aCase.replacement?.orderId) continue;
      const order = (await call('order-router', 'GET', `/orders/${aCase.replacement.orderId}`, mall)).body;
      const parcel = order?.shipments?.find((shipment) => shipment.status === 'requested' && shipment.warehouseId);
      if (!parcel) continue;
      await dispatch(parcel, `SFX${run.slice(4)}${kinds.indexOf(kind)}`);
      replaced.add(kind);
    }
    const all = await Promise.all(Object.values(cases).map((aCase) => caseOf(aCase.caseId)));
    if (replaced.size === 3 && all.every((aCase) => ['resolved', 'rejected', 'closed'].includes(aCase.status))) break;
  }

  const rows = [];
  for (const [kind, { caseId }] of Object.entries(cases)) {
    const aCase = await caseOf(caseId);
    const detail = aCase.refund
      ? `refund ¥${((aCase.refund.amountFen ?? 0) / 100).toFixed(2)}${aCase.memberPaid ? ` (${aCase.memberPaid.points} points back)` : ''}`
      : aCase.replacement
        ? `replacement ${aCase.replacement.orderId ?? ''} ${aCase.replacement.status}`
        : aCase.reissue
          ? `reissue ${aCase.reissue.status} (${aCase.reissue.verdict ?? 'unverified'})`
          : (aCase.rejectionReason ?? '');
    rows.push([kind, caseId, aCase.returnParcel ? `${aCase.returnParcel.warehouseId} ${aCase.returnParcel.rmaNumber}` : '', aCase.status, shorten(detail, 50)]);
  }
  say(`  cases after ${((Date.now() - started) / 1000).toFixed(1)} s (kind, case, return to, status, outcome):`);
  for (const line of table(['kind', 'case', 'return to', 'status', 'outcome'], rows)) say(`    ${line}`);
  say(`  a case's timeline: curl -H 'X-Api-Key: <mall key>' ${url('aftersales', `/cases/${cases.return.caseId}`)}; the staff queue: ${url('aftersales', '/staff/cases')}`);
}
