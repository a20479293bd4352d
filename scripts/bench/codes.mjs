// Benchmark: pool issuance (issue 5), exactly once, by two virtual-codes instances.
//
//   npm run bench -- codes [--lines 10000] [--rate 200] [--spare 500] [--keep]
//
// 1. Two virtual-codes processes from dist/ on a fresh database, in one consumer group of their own
//    (committed at the topics' ends). A staff token from the CLI; one pool product set up and `lines` +
//    `spare` codes imported through the staff API (CSV, in batches).
// 2. VirtualLineRequested events, as order-router publishes them, open-loop at `rate` per second (each
//    at its time), `lines` in all, one code each, after a warm-up (until both instances own their
//    partitions; its lines come from the same pool, so `spare` must cover them). A Kafka consumer here takes the IssuanceStatusChanged
//    events: latency = receipt − send, per line; issue_p95_ms over all lines; issues_per_s = issued /
//    (last receipt − first send). Beside them, where the time went: line sent → issuance written
//    (written_p95_ms) and issuance written → event received through the outbox relay (relayed_p95_ms).
// 3. Count check from the database once every line has its issuance: duplicate_codes = codes recorded by
//    more than one issuance (and codes in two slots); lost_codes = imported codes that are neither
//    available nor recorded by an issued line (allocated and forgotten, or gone) + lines without an issued
//    issuance while codes were left.
// Ends with one JSON line per metric. Uses KAFKA_BROKERS / MONGO_URL when set, else the local stack.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { infraEnv, option, root, startBuiltService } from './lib/bench-env.mjs';

const require = createRequire(import.meta.url);
const { MongoClient } = require('mongodb');
const { Kafka, logLevel } = require('kafkajs');

const args = process.argv.slice(2);
const LINES = Number(option('lines', '10000'));
const RATE = Number(option('rate', '200'));
const SPARE = Number(option('spare', '500'));
const KEEP = args.includes('--keep');
const say = (line) => process.stderr.write(`bench codes: ${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const nowMs = () => performance.timeOrigin + performance.now();
const logDir = path.join(process.env.SUPPLYHUB_CACHE_DIR ?? path.join(root, '.cache'), 'bench-codes');
mkdirSync(logDir, { recursive: true });

const children = [];

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  const { VirtualLineRequested, IssuanceStatusChanged, TOPICS, createEvent, serializeEvent } = require(path.join(root, 'dist/libs/shared/contracts/src/index.js'));
  const infra = infraEnv();
  const database = `bench_codes_${Date.now()}`;
  const secret = `bench-staff-token-secret-${randomBytes(8).toString('hex')}`;
  const group = `bench-codes-${Date.now()}`;
  const common = {
    ...infra,
    MONGO_DB: database,
    STAFF_TOKEN_SECRET: secret,
    KAFKA_CONSUMER_GROUP: group,
    CODE_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    CODE_FINGERPRINT_SECRET: randomBytes(32).toString('hex'),
    WEBHOOK_DELIVERY_WORKER: 'false',
  };
  const token = JSON.parse(
    execFileSync(process.execPath, [path.join(root, 'dist/tools/cli/src/main.js'), 'token', 'issue', '--sub', 'bench', '--roles', 'operations', '--ttl', '4h', '--json'], {
      env: { ...process.env, STAFF_TOKEN_SECRET: secret },
      encoding: 'utf8',
    }),
  ).token;

  const kafka = new Kafka({ clientId: `bench-codes-${process.pid}`, brokers: infra.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
  // The instances' group starts at the end of every service topic: older runs' events (lines, and the
  // refunds, reissues and issuance events the service also follows) are not replayed.
  const { startGroupAtEnd } = require(path.join(root, 'dist/libs/shared/testing/src/index.js'));
  await startGroupAtEnd(kafka, group, Object.values(TOPICS));
  const mongo = await MongoClient.connect(infra.MONGO_URL);
  const db = mongo.db(database);

  say('starting two virtual-codes instances');
  const start = (logName) => startBuiltService('virtual-codes', common, { logDir, logName, children });
  const instances = await Promise.all([start('virtual-codes-1'), start('virtual-codes-2')]);
  const [first] = instances;
  const staff = { authorization: `Bearer ${token}` };
  const skuId = `sku-bench-card-${Date.now()}`;
  const put = await fetch(`${first.url}/virtual-products/${skuId}`, {
    method: 'PUT',
    headers: { ...staff, 'content-type': 'application/json' },
    body: JSON.stringify({ name: '京东E卡 100 元 (bench)', fulfilment: 'pool', faceValueFen: 10000, lowStockThreshold: 100 }),
  });
  if (!put.ok) throw new Error(`product: ${put.status} ${await put.text()}`);
  const total = LINES + SPARE;
  const importStarted = nowMs();
  for (let start = 0; start < total; start += 5000) {
    const rows = [];
    for (let index = start; index < Math.min(total, start + 5000); index += 1) rows.push(`BENCH-${String(index).padStart(8, '0')}-${randomBytes(4).toString('hex')},${randomBytes(6).toString('hex')}`);
    const answer = await fetch(`${first.url}/pools/${skuId}/batches?faceValueFen=10000&costFen=9600&expiresAt=2030-12-31`, {
      method: 'POST',
      headers: { ...staff, 'content-type': 'text/csv' },
      body: ['code,password', ...rows].join('\n'),
    });
    if (answer.status !== 201) throw new Error(`import: ${answer.status} ${await answer.text()}`);
  }
  const importSeconds = (nowMs() - importStarted) / 1000;
  say(`imported ${total} codes in ${importSeconds.toFixed(1)} s`);

  const sentAt = new Map();
  const issuedAt = new Map();
  const consumer = kafka.consumer({ groupId: `bench-codes-watch-${Date.now()}`, maxWaitTimeInMs: 50 });
  await consumer.connect();
  await consumer.subscribe({ topic: TOPICS.issuances, fromBeginning: false });
  let ready = false;
  consumer.on(consumer.events.GROUP_JOIN, () => (ready = true));
  await consumer.run({
    eachMessage: async ({ message }) => {
      const key = message.key?.toString();
      if (!key || !sentAt.has(key) || issuedAt.has(key)) return;
      const event = JSON.parse(message.value.toString());
      if (event.type === IssuanceStatusChanged.type && event.data.status === 'issued') issuedAt.set(key, nowMs());
    },
  });
  while (!ready) await sleep(100);
  await sleep(1000);

  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  // Warm-up: until lines sent now are issued within a second, both instances have joined the group and
  // own their partitions (a member joining makes the group rebalance, which stalls consumption meanwhile).
  const send = async (tenant, from, count) => {
    const messages = [];
    for (let index = from; index < from + count; index += 1) {
      const event = serializeEvent(VirtualLineRequested, createEvent(VirtualLineRequested, { orderId: `bench-${index}`, lineId: '1', skuId, quantity: 1, unitPriceFen: 9900 }, { source: '/order-router', tenantId: tenant }));
      sentAt.set(event.key, nowMs());
      messages.push({ key: event.key, value: event.value, headers: event.headers });
    }
    await producer.send({ topic: VirtualLineRequested.topic, acks: -1, messages });
  };
  const warmUpTenant = `mall-bench-warm-${Date.now()}`;
  for (let round = 0, fast = 0; fast < 3 && round < 120; round += 1) {
    const started = nowMs();
    sentAt.clear();
    issuedAt.clear();
    await send(warmUpTenant, LINES + round * 6, 6);
    while (issuedAt.size < 6 && nowMs() - started < 10_000) await sleep(20);
    fast = issuedAt.size === 6 && nowMs() - started < 1_000 ? fast + 1 : 0;
  }
  sentAt.clear();
  issuedAt.clear();
  const tenantId = `mall-bench-${Date.now()}`;
  say(`warmed up; sending ${LINES} lines at ${RATE}/s`);
  // Open loop in 20 ms ticks: every line due by now goes out in one batch (one send per line would queue
  // thousands of requests behind the idempotent producer's single in-flight request).
  const started = nowMs();
  let next = 0;
  while (next < LINES) {
    const due = Math.min(LINES, Math.floor(((nowMs() - started) / 1000) * RATE) + 1);
    if (due > next) {
      await send(tenantId, next, due - next);
      next = due;
    }
    await sleep(20);
  }
  say(`sent in ${((nowMs() - started) / 1000).toFixed(1)} s`);
  const deadline = nowMs() + 120_000;
  while (issuedAt.size < LINES && nowMs() < deadline) await sleep(250);
  say(`${issuedAt.size} of ${LINES} issued events received`);

  // Count check, once every line has an issuance (or the wait is over).
  const issuances = db.collection('issuances');
  const settleDeadline = nowMs() + 60_000;
  while ((await issuances.countDocuments({ tenantId, status: 'issued' })) < LINES && nowMs() < settleDeadline) await sleep(500);
  const issued = await issuances.find({ tenantId, status: 'issued' }, { projection: { codeIds: 1, orderId: 1, lineId: 1, createdAt: 1 } }).toArray();
  // Where the time goes: line sent → issuance written (consumption), issuance written → event received (outbox relay).
  const written = issued.map((issuance) => ({ key: `${issuance.orderId}:${issuance.lineId}`, at: issuance.createdAt.getTime() })).filter((entry) => sentAt.has(entry.key));
  const consumeLatencies = written.map((entry) => entry.at - sentAt.get(entry.key));
  const relayLatencies = written.filter((entry) => issuedAt.has(entry.key)).map((entry) => issuedAt.get(entry.key) - entry.at);
  // Every issued line's codes, the warm-up's too: they all came from the pool.
  const everyIssued = await issuances.find({ status: 'issued' }, { projection: { codeIds: 1 } }).toArray();
  const recorded = everyIssued.flatMap((issuance) => issuance.codeIds);
  const duplicateRecords = recorded.length - new Set(recorded).size;
  const codes = db.collection('codes');
  const available = await codes.countDocuments({ skuId, status: 'available' });
  const allocated = await codes.find({ skuId, status: 'allocated' }, { projection: { _id: 1, slot: 1 } }).toArray();
  const recordedSet = new Set(recorded);
  const forgotten = allocated.filter((code) => !recordedSet.has(code._id)).length;
  const missingCodes = total - available - allocated.length;
  const lostCodes = forgotten + Math.max(0, missingCodes) + Math.max(0, Math.min(LINES - issued.length, available));
  const latencies = [...issuedAt.entries()].map(([key, at]) => at - sentAt.get(key));
  const lastReceipt = Math.max(...issuedAt.values());
  const machine = `${os.cpus().length} cores ${os.cpus()[0]?.model ?? ''}, ${Math.round(os.totalmem() / 2 ** 30)} GB; FerretDB/SQLite; two instances`;
  const results = [
    { metric: 'issue_p95_ms', value: Math.round(percentile(latencies, 95) * 10) / 10, unit: 'ms' },
    { metric: 'issue_p50_ms', value: Math.round(percentile(latencies, 50) * 10) / 10, unit: 'ms' },
    { metric: 'written_p95_ms', value: Math.round(percentile(consumeLatencies, 95)), unit: 'ms' },
    { metric: 'relayed_p95_ms', value: Math.round(percentile(relayLatencies, 95)), unit: 'ms' },
    { metric: 'issues_per_s', value: Math.round((issuedAt.size / ((lastReceipt - started) / 1000)) * 10) / 10, unit: 'issuances/s' },
    { metric: 'duplicate_codes', value: duplicateRecords, unit: 'codes' },
    { metric: 'lost_codes', value: lostCodes, unit: 'codes' },
    { metric: 'lines_issued', value: issued.length, unit: 'lines', of: LINES },
    { metric: 'import_codes_per_s', value: Math.round(total / importSeconds), unit: 'codes/s' },
  ];

  // Time inside the handler (IssueVirtualLine), from the instances' own histogram.
  let handlerSeconds = 0;
  let handled = 0;
  for (const instance of instances) {
    const text = await (await fetch(`${instance.url}/metrics`)).text();
    handlerSeconds += Number(/^issuance_intake_seconds_sum\{[^}]*fulfilment="pool"[^}]*\} (\S+)$/m.exec(text)?.[1] ?? 0);
    handled += Number(/^issuance_intake_seconds_count\{[^}]*fulfilment="pool"[^}]*\} (\S+)$/m.exec(text)?.[1] ?? 0);
  }
  results.push({ metric: 'handler_mean_ms', value: Math.round((handlerSeconds / Math.max(1, handled)) * 10000) / 10, unit: 'ms', handled });

  await producer.disconnect();
  await consumer.disconnect();
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)))));
  if (!KEEP) await db.dropDatabase();
  await mongo.close();
  for (const result of results) console.log(JSON.stringify({ bench: 'codes', ...result, rate: RATE, lines: LINES, machine }));
}

main().catch((error) => {
  process.stderr.write(`bench codes: ${error.stack ?? error}\n`);
  for (const child of children) child.kill('SIGKILL');
  process.exit(1);
});
