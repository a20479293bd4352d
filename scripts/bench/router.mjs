// Benchmark: order routing (issue 4), the pure decision and the whole intake path on the built service.
//
//   npm run bench -- router [--seconds 60] [--rate 100] [--skus 300] [--decisions 20000] [--warmup-seconds 5] [--keep]
//
// 1. The routing decision alone (benchRoutingDecision of @supply-hub/orders-domain: the pure function, six
//    warehouses, five-line orders), before any service runs: decision_p99_ms.
// 2. order-router from dist/ on a fresh database and its own consumer group (committed at the topics' ends,
//    so it never replays older runs' events). The sellable SKUs are fed as catalog-sync would: SkuUpserted
//    events published by this script on the catalog topic (catalog-sync and supplier-sim are not started).
//    Keys are stored in the run's database as `supply-hub keys create` stores them (a tenant key for the
//    mall, one warehouse key per warehouse); stock is counted in through the warehouse API (PUT
//    /warehouse/stock/:skuId), little enough that popular SKUs run out during the run (splits, drop-ship,
//    backorders and refusals all happen).
// 3. A short warm-up, then POST /orders open-loop at `rate` per second for `seconds` (each order is sent at
//    its time whatever the earlier ones are doing), from cities all over China. A Kafka consumer here
//    receives the ShipmentRequested events: e2e = receipt − the order's acceptance time (its createdAt, the
//    time of its OrderAccepted event), per order its last parcel; p95 over the measured orders: e2e_p95_ms.
//    orders_per_s = orders answered 201/200 / (last answer − first send).
// 4. After the run settles (every expected parcel event in, no order left `accepted`, no routing intent
//    left, or the recovery window over), from the database: oversold_units = units of available below 0 +
//    units reserved beyond on hand + units held by orders beyond on hand; holds that do not match the
//    orders' reservations are reported beside it. lost_orders = orders still `accepted` + answers 201/200
//    whose order is not in the database.
// Ends with one JSON line per metric. Uses KAFKA_BROKERS / MONGO_URL when set, else the local stack.
// BENCH_ROUTER_NODE_ARGS: extra node flags for order-router, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
// BENCH_FERRETDB_PID: which process the FerretDB CPU seconds are read from (default: the local stack's).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { infraEnv, option, root, startBuiltService, storeApiKey } from './lib/bench-env.mjs';

const startService = (name, env, nodeArgs = []) => startBuiltService(name, env, { logDir, nodeArgs, children });
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { MongoClient } = require('mongodb');
const { Kafka, logLevel } = require('kafkajs');

const args = process.argv.slice(2);
const SECONDS = Number(option('seconds', '60'));
const RATE = Number(option('rate', '100'));
const SKUS = Number(option('skus', '300'));
const DECISIONS = Number(option('decisions', '20000'));
const WARMUP_SECONDS = Number(option('warmup-seconds', '5'));
const KEEP = args.includes('--keep');
// order-router's OUTBOX_RELAY_INTERVAL_MS (its default, 200 ms, unless given): the pause between relay passes.
const RELAY_INTERVAL_MS = option('relay-interval-ms', undefined);
const say = (line) => process.stderr.write(`bench router: ${line}\n`);
const logDir = path.join(process.env.SUPPLYHUB_CACHE_DIR ?? path.join(root, '.cache'), 'bench-router');
mkdirSync(logDir, { recursive: true });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const nowMs = () => performance.timeOrigin + performance.now();

const children = [];

const TICKS_PER_SECOND = 100;
/** CPU seconds (user + system) a process has used so far. */
const cpuSeconds = (pid) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
};
/** CPU seconds the whole machine spent busy (all cores), to tell what other processes took. */
const machineBusySeconds = () => {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = fields[3] + fields[4];
  return (fields.slice(0, 8).reduce((sum, value) => sum + value, 0) - idle) / TICKS_PER_SECOND;
};
const pidFile = (name) => {
  try {
    return Number(readFileSync(path.join(process.env.SUPPLYHUB_CACHE_DIR ?? path.join(root, '.cache'), name), 'utf8').trim());
  } catch {
    return 0;
  }
};

const WAREHOUSE_IDS = ['wh-bj', 'wh-sh', 'wh-gz', 'wh-wh', 'wh-cd', 'wh-xa'];
const TITLES = ['九阳豆浆机', '美的电饭煲', '小米空气净化器', '三只松鼠坚果礼盒', '伊利纯牛奶整箱', '苏泊尔炒锅', '飞利浦电动牙刷', '膳魔师保温杯'];

/**
 * The SKU pool: popularity falls off (a few SKUs take much of the demand), a third of the SKUs are sold
 * from our warehouses only (no supplier offer, so running out means backorder or refusal), the rest have a
 * supplier who drop-ships. Warehouse stock is sized from the expected demand so that the popular SKUs run
 * out part-way through the run whatever its length.
 */
function skuPool(random, expectedUnits) {
  const weights = Array.from({ length: SKUS }, (_, index) => 1 / (index + 5));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight, index) => {
    const skuId = `sku_bench${String(index).padStart(5, '0')}`;
    const dropShip = index % 3 !== 0;
    const demand = (weight / total) * expectedUnits;
    // Each warehouse stocks the SKU with probability 0.6; together they hold 40 % to 120 % of its demand.
    const stocked = WAREHOUSE_IDS.filter(() => random() < 0.6);
    if (stocked.length === 0) stocked.push(WAREHOUSE_IDS[index % WAREHOUSE_IDS.length]);
    const units = Math.max(stocked.length, Math.round(demand * (0.4 + 0.8 * random())));
    const stock = Object.fromEntries(stocked.map((warehouseId) => [warehouseId, Math.max(1, Math.round(units / stocked.length))]));
    return {
      skuId,
      weight: weight / total,
      stock,
      state: {
        skuId,
        title: `${TITLES[index % TITLES.length]} ${index}`,
        brand: 'bench',
        categoryFamily: 'physical',
        subcategory: '厨房电器',
        contractPriceFen: 10_000 + index,
        supplyPriceFen: 9_000,
        marketPriceFen: 15_000,
        stock: dropShip ? 20 + Math.floor(random() * 500) : 0,
        sellable: true,
        bestOffer: dropShip ? { sourceId: index % 2 ? 'jd' : 'taobao', externalId: `ext-${index}` } : null,
        version: 1,
      },
    };
  });
}

/** Cumulative weights for picking SKUs by popularity. */
function picker(pool, random) {
  const cumulative = [];
  let sum = 0;
  for (const sku of pool) cumulative.push((sum += sku.weight));
  return () => {
    const target = random() * sum;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] < target) low = mid + 1;
      else high = mid;
    }
    return pool[low].skuId;
  };
}

const MOBILES = ['13800138000', '13912345678', '15012345678', '18612345678', '13700137000', '17712345678'];
const NAMES = ['张三', '李四', '王五', '赵六', '周七', '吴八', '郑九', '钱十'];

/** An order to a random city-level place of China: full or short province and city names, sometimes its code. */
function orderGenerator(random, pickSku, cities) {
  return (mallOrderId) => {
    const city = cities[Math.floor(random() * cities.length)];
    const lineCount = 1 + Math.floor(random() * 5);
    const skuIds = new Set();
    while (skuIds.size < lineCount) skuIds.add(pickSku());
    const short = random() < 0.5;
    const provinceName = short ? city.province.name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '') : city.province.name;
    return {
      mallOrderId,
      lines: [...skuIds].map((skuId) => ({ skuId, quantity: random() < 0.75 ? 1 : 2 + Math.floor(random() * 2) })),
      recipient: {
        name: NAMES[Math.floor(random() * NAMES.length)],
        mobile: MOBILES[Math.floor(random() * MOBILES.length)],
        province: provinceName || city.province.name,
        city: short && city.shortName ? city.shortName : city.name,
        address: `幸福路 ${1 + Math.floor(random() * 999)} 号`,
        ...(random() < 0.1 ? { code: city.code } : {}),
      },
      ...(random() < 0.2 ? { unavailablePolicy: 'refuse' } : {}),
    };
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
/** One JSON request on a keep-alive socket; resolves with status and parsed body (or an error). */
function request(url, method, pathName, headers, body) {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      `${url}${pathName}`,
      { method, agent, headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}) }, timeout: 30_000 },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode, body: json, text });
        });
        res.on('error', (error) => resolve({ status: 0, error: error.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ status: 0, error: error.message }));
    req.end(payload);
  });
}

/** Runs `work` over `items` with at most `concurrency` in flight. */
async function eachLimited(items, concurrency, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/**
 * Sends `count` orders at `rate` per second, each at its scheduled time (open loop: a slow answer never
 * delays the next send). Returns one record per order.
 */
async function openLoop(url, apiKey, rate, seconds, makeOrder, prefix, onAnswer) {
  const count = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const records = [];
  const inFlight = [];
  const start = nowMs() + 50;
  let sent = 0;
  let maxLagMs = 0;
  while (sent < count) {
    const due = start + sent * interval;
    const wait = due - nowMs();
    if (wait > 1) await sleep(wait - 0.5);
    const at = nowMs();
    // Catch up on every order that is due (a timer fires late on a busy machine).
    while (sent < count && start + sent * interval <= at + 0.5) {
      const record = { mallOrderId: `${prefix}-${String(sent).padStart(6, '0')}`, scheduledAt: start + sent * interval, sentAt: nowMs() };
      maxLagMs = Math.max(maxLagMs, record.sentAt - record.scheduledAt);
      const body = makeOrder(record.mallOrderId);
      records.push(record);
      inFlight.push(
        request(url, 'POST', '/orders', { 'x-api-key': apiKey }, body).then((answer) => {
          record.answeredAt = nowMs();
          record.status = answer.status;
          if (answer.error) record.error = answer.error;
          else if (answer.status >= 300) record.error = answer.text.slice(0, 300);
          if (answer.body?.orderId) {
            record.orderId = answer.body.orderId;
            record.acceptedAt = Date.parse(answer.body.createdAt);
            record.orderStatus = answer.body.status;
            record.shipmentIds = (answer.body.shipments ?? []).map((shipment) => shipment.shipmentId);
            record.split = (answer.body.routing?.splitLineIds ?? []).length > 0;
            record.kinds = (answer.body.shipments ?? []).map((shipment) => shipment.kind);
          }
          onAnswer?.(record);
        }),
      );
      sent += 1;
    }
  }
  await Promise.all(inFlight);
  return { records, maxLagMs };
}

function percentile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

async function main() {
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  // The domain's seeded generator (Mulberry32), so two runs send the same orders.
  const { benchRoutingDecision, mulberry32 } = require(path.join(root, 'dist/libs/orders/domain/src/index.js'));
  const { ALL_CITIES } = require(path.join(root, 'dist/libs/shared/geo/src/index.js'));
  const { SkuUpserted, TOPICS, createEvent, serializeEvent } = require(path.join(root, 'dist/libs/shared/contracts/src/index.js'));
  const { startGroupAtEnd } = require(path.join(root, 'dist/libs/shared/testing/src/index.js'));
  const results = [];
  const machine = `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown cpu'}, node ${process.version}`;

  // 1. The decision alone, on a quiet machine (nothing of ours runs yet).
  const decision = benchRoutingDecision({ iterations: DECISIONS });
  say(
    `routing decision: ${decision.iterations} decisions, p50 ${decision.p50Ms} ms, p99 ${decision.p99Ms} ms, max ${decision.maxMs} ms; ` +
      `rules ${JSON.stringify(decision.rules)}, split lines in ${decision.withSplitLine}, drop-ship in ${decision.withDropShip}`,
  );
  results.push(['decision_p99_ms', decision.p99Ms, 'ms', { p50_ms: decision.p50Ms, max_ms: decision.maxMs, decisions: decision.iterations }]);

  // 2. order-router on a fresh database, fed with SKUs and stock.
  const infra = infraEnv();
  const database = `bench_router_${Date.now().toString(36)}`;
  const group = `bench-router-${Date.now().toString(36)}`;
  const kafka = new Kafka({ clientId: 'bench-router', brokers: infra.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const client = await MongoClient.connect(infra.MONGO_URL);
  const db = client.db(database);
  const probe = kafka.consumer({ groupId: `${group}-probe`, maxWaitTimeInMs: 50 });
  try {
    await startGroupAtEnd(kafka, group, Object.values(TOPICS));
    const random = mulberry32(2260);
    const expectedUnits = RATE * (SECONDS + WARMUP_SECONDS) * 3 * 1.3;
    const pool = skuPool(random, expectedUnits);
    say(`database ${database}; ${SKUS} SKUs, ${RATE} orders/s for ${SECONDS} s after a ${WARMUP_SECONDS} s warm-up`);

    const routerArgs = (process.env.BENCH_ROUTER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const router = await startService(
      'order-router',
      {
        ...infra,
        MONGO_DB: database,
        KAFKA_CONSUMER_GROUP: group,
        STAFF_TOKEN_SECRET: 'bench-staff-token-secret-0123456789abcdef',
        ...(RELAY_INTERVAL_MS ? { OUTBOX_RELAY_INTERVAL_MS: RELAY_INTERVAL_MS } : {}),
      },
      routerArgs,
    );
    // BENCH_FERRETDB_PID: the FerretDB to account CPU to when MONGO_URL points at another one than the local stack's.
    const pids = {
      router: router.child.pid,
      ferretdb: Number(process.env.BENCH_FERRETDB_PID ?? pidFile('ferretdb/ferretdb.pid')),
      kafka: pidFile('kafka/kafka.pid'),
      bench: process.pid,
    };

    // Keys as `supply-hub keys create` stores them (by hash), in this run's database.
    const keyFor = (kind, ownerId) => storeApiKey(db, kind, ownerId);
    const mallKey = await keyFor('tenant', 'mall-bench');
    const warehouseKeys = Object.fromEntries(await Promise.all(WAREHOUSE_IDS.map(async (id) => [id, await keyFor('warehouse', id)])));

    // The SKUs, as catalog-sync's SkuUpserted events.
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const events = pool.map((sku) => serializeEvent(SkuUpserted, createEvent(SkuUpserted, sku.state, { source: '/bench-router' })));
    await producer.send({ topic: TOPICS.catalogSku, messages: events.map((event) => ({ key: event.key, value: event.value, headers: event.headers })) });
    await producer.disconnect();
    const feedDeadline = Date.now() + 120_000;
    while ((await db.collection('sellable_skus').countDocuments({})) < SKUS) {
      if (Date.now() > feedDeadline) throw new Error('order-router did not record the SKU events within 2 minutes');
      await sleep(300);
    }

    // Stock, counted in through the warehouse API.
    const counts = pool.flatMap((sku) => Object.entries(sku.stock).map(([warehouseId, onHand]) => ({ warehouseId, skuId: sku.skuId, onHand })));
    await eachLimited(counts, 8, async ({ warehouseId, skuId, onHand }) => {
      const answer = await request(
        router.url,
        'PUT',
        `/warehouse/stock/${skuId}`,
        { 'x-api-key': warehouseKeys[warehouseId] },
        { onHand, reason: 'bench count' },
      );
      if (answer.status !== 200) throw new Error(`stock ${warehouseId} ${skuId}: ${answer.status} ${answer.text}`);
    });
    const unitsOnHand = counts.reduce((sum, count) => sum + count.onHand, 0);
    say(`${SKUS} SKUs recorded; ${counts.length} stock counts (${unitsOnHand} units) through the warehouse API`);

    // The parcel events as a warehouse would receive them.
    const received = new Map();
    let duplicates = 0;
    await probe.connect();
    await probe.subscribe({ topic: TOPICS.shipments, fromBeginning: false });
    const joined = new Promise((resolve) => probe.on(probe.events.GROUP_JOIN, resolve));
    await probe.run({
      eachMessage: async ({ message }) => {
        const at = nowMs();
        const type = message.headers?.ce_type?.toString();
        if (type !== 'supplyhub.orders.shipment-requested.v1') return;
        const event = JSON.parse(message.value.toString());
        if (received.has(event.data.shipmentId)) duplicates += 1;
        else received.set(event.data.shipmentId, { at, orderId: event.data.orderId, time: Date.parse(event.time) });
      },
    });
    await joined;
    await sleep(1000);

    // 3. Warm-up (not measured), then the measured run.
    const cities = ALL_CITIES;
    const makeOrder = orderGenerator(mulberry32(4), picker(pool, mulberry32(7)), cities);
    const runId = Date.now().toString(36);
    if (WARMUP_SECONDS > 0) {
      const warm = await openLoop(router.url, mallKey, Math.max(1, RATE / 4), WARMUP_SECONDS, makeOrder, `W${runId}`);
      const failed = warm.records.filter((record) => record.status !== 201 && record.status !== 200);
      if (failed.length > 0) throw new Error(`warm-up: ${failed.length} orders failed, e.g. ${failed[0].status} ${failed[0].error}`);
      say(`warm-up: ${warm.records.length} orders`);
      await sleep(2000);
    }
    const cpuBefore = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)]));
    const busyBefore = machineBusySeconds();
    const wallBefore = nowMs();
    let answered = 0;
    const progress = setInterval(() => say(`... ${answered} answers, ${received.size} parcel events so far`), 10_000);
    const run = await openLoop(router.url, mallKey, RATE, SECONDS, makeOrder, `M${runId}`, () => (answered += 1));
    clearInterval(progress);
    const wall = (nowMs() - wallBefore) / 1000;
    const cpu = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, Number((cpuSeconds(pid) - cpuBefore[name]).toFixed(1))]));
    const busy = machineBusySeconds() - busyBefore;
    const ours = Object.values(cpu).reduce((sum, seconds) => sum + seconds, 0);
    say(
      `CPU seconds during the ${wall.toFixed(1)} s run: ${JSON.stringify(cpu)}; whole machine ${busy.toFixed(1)} of ${(wall * os.cpus().length).toFixed(0)}, ` +
        `other processes ${(busy - ours).toFixed(1)}; load average ${os
          .loadavg()
          .map((load) => load.toFixed(2))
          .join(' ')}`,
    );

    // 4. Let it settle: every parcel event the answers announced, and nothing left half done.
    const ok = run.records.filter((record) => record.status === 201 || record.status === 200);
    const expected = ok.flatMap((record) => record.shipmentIds ?? []);
    const eventsDeadline = Date.now() + 30_000;
    while (expected.some((shipmentId) => !received.has(shipmentId)) && Date.now() < eventsDeadline) await sleep(200);
    // An overloaded router keeps working through its backlog (and recovery through what timed out): waited
    // for while it makes progress, given up after 60 s without any (or 10 minutes in all).
    const settleStarted = Date.now();
    let best = Infinity;
    let bestAt = Date.now();
    for (;;) {
      const [accepted, intents] = await Promise.all([
        db.collection('orders').countDocuments({ status: 'accepted' }),
        db.collection('routing_intents').countDocuments({}),
      ]);
      if (accepted + intents < best) [best, bestAt] = [accepted + intents, Date.now()];
      if ((accepted === 0 && intents === 0) || Date.now() - bestAt > 60_000 || Date.now() - settleStarted > 600_000) break;
      say(`settling: ${accepted} orders accepted but not routed, ${intents} routing intents open`);
      await sleep(5000);
    }
    const settleSeconds = (Date.now() - settleStarted) / 1000;

    // Latencies.
    const e2e = [];
    const e2eFromSend = [];
    const eventLag = [];
    let missingEvents = 0;
    for (const record of ok) {
      if (!record.shipmentIds || record.shipmentIds.length === 0) continue;
      const receipts = record.shipmentIds.map((shipmentId) => received.get(shipmentId));
      if (receipts.some((receipt) => !receipt)) {
        missingEvents += receipts.filter((receipt) => !receipt).length;
        continue;
      }
      const last = Math.max(...receipts.map((receipt) => receipt.at));
      e2e.push(last - record.acceptedAt);
      e2eFromSend.push(last - record.sentAt);
      eventLag.push(last - Math.max(...receipts.map((receipt) => receipt.time)));
    }
    const httpMs = ok.map((record) => record.answeredAt - record.sentAt);
    for (const list of [e2e, e2eFromSend, eventLag, httpMs]) list.sort((a, b) => a - b);
    const firstSend = Math.min(...run.records.map((record) => record.sentAt));
    const lastAnswer = Math.max(...run.records.map((record) => record.answeredAt));
    const perSecond = ok.length / ((lastAnswer - firstSend) / 1000);
    const failures = run.records.filter((record) => record.status !== 201 && record.status !== 200);
    const byStatus = {};
    for (const record of ok) byStatus[record.orderStatus] = (byStatus[record.orderStatus] ?? 0) + 1;
    const withParcels = ok.filter((record) => record.shipmentIds?.length > 0).length;
    const splitOrders = ok.filter((record) => (record.kinds ?? []).filter((kind) => kind === 'warehouse').length > 1).length;
    const splitLines = ok.filter((record) => record.split).length;
    const dropShip = ok.filter((record) => (record.kinds ?? []).includes('drop-ship')).length;
    say(
      `${run.records.length} orders sent (latest send ${run.maxLagMs.toFixed(1)} ms behind schedule), ${ok.length} answered 201/200, ${failures.length} failed` +
        (failures.length ? ` (e.g. ${failures[0].status} ${failures[0].error})` : '') +
        `; statuses ${JSON.stringify(byStatus)}; ${splitOrders} with parcels from several warehouses, ${splitLines} with a split line, ${dropShip} with drop-ship`,
    );
    if (failures.length > 0) {
      const kinds = {};
      for (const record of failures) {
        const kind = `${record.status} ${/"detail":"([^"]*)"/.exec(record.error ?? '')?.[1] ?? record.error ?? ''}`.slice(0, 160);
        kinds[kind] = (kinds[kind] ?? 0) + 1;
      }
      say(`failed answers: ${JSON.stringify(kinds)}; order-router's log: ${path.join(logDir, 'order-router.log')}`);
    }
    say(
      `HTTP p50 ${percentile(httpMs, 0.5).toFixed(1)} ms, p95 ${percentile(httpMs, 0.95).toFixed(1)} ms, p99 ${percentile(httpMs, 0.99).toFixed(1)} ms; ` +
        `accepted → ShipmentRequested received: p50 ${percentile(e2e, 0.5).toFixed(1)} ms, p95 ${percentile(e2e, 0.95).toFixed(1)} ms, p99 ${percentile(e2e, 0.99).toFixed(1)} ms, max ${e2e.at(-1)?.toFixed(1)} ms ` +
        `(from the POST: p95 ${percentile(e2eFromSend, 0.95).toFixed(1)} ms; event time → receipt p95 ${percentile(eventLag, 0.95).toFixed(1)} ms); ` +
        `${withParcels} orders with parcels, ${missingEvents} parcel events missing, ${duplicates} duplicates`,
    );

    // Stock and orders as the database has them.
    const orders = await db
      .collection('orders')
      .find({}, { projection: { _id: 1, mallOrderId: 1, status: 1, reservations: 1 } })
      .toArray();
    const stock = await db.collection('warehouse_stock').find({}).toArray();
    const orderIds = new Set(orders.map((order) => order._id));
    const stillAccepted = orders.filter((order) => order.status === 'accepted').length;
    const answeredButMissing = run.records.filter((record) => (record.status === 201 || record.status === 200) && !orderIds.has(record.orderId)).length;
    const heldByOrders = new Map();
    for (const order of orders) {
      for (const reservation of order.reservations ?? []) {
        if (reservation.state !== 'held') continue;
        const stockId = `${reservation.warehouseId}:${reservation.skuId}`;
        const entry = heldByOrders.get(stockId) ?? { units: 0, holds: new Set() };
        entry.units += reservation.quantity;
        entry.holds.add(reservation.holdId);
        heldByOrders.set(stockId, entry);
      }
    }
    let oversold = 0;
    let holdMismatches = 0;
    let countMismatches = 0;
    let reservedUnits = 0;
    for (const document of stock) {
      const byOrders = heldByOrders.get(document._id) ?? { units: 0, holds: new Set() };
      reservedUnits += document.reserved;
      oversold += Math.max(0, -document.available) + Math.max(0, document.reserved - document.onHand) + Math.max(0, byOrders.units - document.onHand);
      if (document.available !== document.onHand - document.reserved) countMismatches += 1;
      const holds = new Set(document.holds ?? []);
      if (document.reserved !== byOrders.units || holds.size !== byOrders.holds.size || [...holds].some((hold) => !byOrders.holds.has(hold)))
        holdMismatches += 1;
    }
    for (const stockId of heldByOrders.keys()) if (!stock.some((document) => document._id === stockId)) holdMismatches += 1;
    const soldOut = stock.filter((document) => document.available === 0).length;
    say(
      `database: ${orders.length} orders (${stillAccepted} still accepted), ${answeredButMissing} answered but missing; ${stock.length} stock rows, ` +
        `${reservedUnits} of ${unitsOnHand} units reserved, ${soldOut} rows sold out; oversold ${oversold} units; ` +
        `${holdMismatches} rows whose holds differ from the orders' reservations, ${countMismatches} whose available ≠ on hand − reserved`,
    );

    results.push(
      [
        'e2e_p95_ms',
        percentile(e2e, 0.95),
        'ms',
        {
          p50_ms: round(percentile(e2e, 0.5)),
          p99_ms: round(percentile(e2e, 0.99)),
          from_post_p95_ms: round(percentile(e2eFromSend, 0.95)),
          http_p95_ms: round(percentile(httpMs, 0.95)),
          orders_with_parcels: e2e.length,
          missing_parcel_events: missingEvents,
        },
      ],
      ['orders_per_s', perSecond, 'orders/s', { offered: RATE, seconds: SECONDS, sent: run.records.length, answered_ok: ok.length, failed: failures.length }],
      [
        'oversold_units',
        oversold,
        'units',
        { hold_mismatches: holdMismatches, count_mismatches: countMismatches, reserved_units: reservedUnits, units_counted: unitsOnHand },
      ],
      [
        'lost_orders',
        stillAccepted + answeredButMissing,
        'orders',
        { still_accepted: stillAccepted, answered_but_missing: answeredButMissing, settled_after_s: Number(settleSeconds.toFixed(0)) },
      ],
    );
    const describe = `${machine}, ${RATE}/s for ${SECONDS} s, ${SKUS} SKUs${RELAY_INTERVAL_MS ? `, relay every ${RELAY_INTERVAL_MS} ms` : ''}`;
    for (const [metric, value, unit, extra] of results) {
      process.stdout.write(`${JSON.stringify({ bench: 'router', metric, value: round(value), unit, machine: describe, ...extra })}\n`);
    }
    if (KEEP) say(`kept database ${database}`);
  } finally {
    await probe.disconnect().catch(() => undefined);
    // The database is dropped only once order-router has exited: an overloaded router still works through
    // its backlog after SIGTERM, and FerretDB 1.24 (SQLite) crashed with SIGBUS when a database it was
    // writing to was dropped.
    await Promise.all(children.map((child) => stopChild(child, 60_000)));
    await admin.deleteGroups([group, `${group}-probe`]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
    if (!KEEP) {
      await db.dropDatabase().catch(() => undefined);
      removeLeftoverWal(database);
    }
    await client.close();
    agent.destroy();
  }
}

/**
 * FerretDB (SQLite) leaves a dropped database's -wal and -shm files behind when its pool still had the
 * database open; a 100/s run's WAL grows past 1 GB. Removed here when the database file itself is gone
 * (local stack only: with MONGO_URL set elsewhere there is nothing of ours on this disk).
 */
function removeLeftoverWal(database) {
  if (process.env.MONGO_URL) return;
  const dataDir = path.join(process.env.SUPPLYHUB_CACHE_DIR ?? path.join(root, '.cache'), 'ferretdb', 'data');
  if (existsSync(path.join(dataDir, `${database}.sqlite`))) return;
  for (const suffix of ['-wal', '-shm']) rmSync(path.join(dataDir, `${database}.sqlite${suffix}`), { force: true });
}

/** SIGTERM, then SIGKILL if it has not exited within `graceMs`; resolves once it has exited. */
function stopChild(child, graceMs) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function round(value) {
  return Number.isFinite(value) ? Number(value.toFixed(2)) : value;
}

main().catch((error) => {
  say(error.stack ?? String(error));
  for (const child of children) child.kill('SIGKILL');
  process.exit(1);
});
