// Benchmark: the catalog sync and the mall catalog API (issue: catalog-sync), on the built services.
//
//   npm run bench -- catalog [--skus 120000] [--requests 3000] [--concurrency 50] [--keep]
//
// 1. supplier-sim with SIM_SKUS=N and catalog-sync as a sync worker (CATALOG_SEARCH_INDEX=false) on a
//    fresh database; full syncs of every source at once through the staff API: full_sync_s (start to all
//    jobs completed) and the worker's peak RSS (VmHWM): sync_peak_rss_mb.
// 2. The same final documents (products and offers) written with raw driver bulkWrite insertOne batches
//    into a scratch database, timing only the writes: full_sync_vs_raw_ratio = full_sync_s / raw_s.
// 3. A change round of 1% of the SKUs at the sandbox, then incremental syncs of every source at once:
//    incremental_1pct_s.
// 4. A catalog-sync API instance on the same database (index on); once its index is loaded, N filtered
//    pages of 50 from `concurrency` clients at once: api_p95_ms.
// Ends with one JSON line per metric. Uses KAFKA_BROKERS / MONGO_URL when set, else the local stack.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { infraEnv, option, root, startBuiltService } from './lib/bench-env.mjs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { MongoClient } = require('mongodb');
const { Kafka, logLevel } = require('kafkajs');
const autocannon = require('autocannon');

const args = process.argv.slice(2);
const SKUS = Number(option('skus', '120000'));
const REQUESTS = Number(option('requests', '3000'));
const CONCURRENCY = Number(option('concurrency', '50'));
const KEEP = args.includes('--keep');
// Measures only the API against a database kept by an earlier run (--keep prints its name).
const API_ONLY = option('api-only', undefined);
const WORKER_HEAP_MB = Number(option('worker-heap-mb', '256'));
const SOURCES = ['jd', 'taobao', 'brand-midea', 'brand-joyoung', 'brand-xiaomi', 'brand-three-squirrels', 'brand-yili'];
const say = (line) => process.stderr.write(`bench catalog: ${line}\n`);

const children = [];
// Each service's log (warnings and errors) is kept whole in .cache/bench-catalog/.
const logDir = path.join(process.env.SUPPLYHUB_CACHE_DIR ?? path.join(root, '.cache'), 'bench-catalog');
const startService = (name, env, nodeArgs = []) => startBuiltService(name, env, { logDir, nodeArgs, children });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
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
const pidFile = (name) => {
  try {
    return Number(readFileSync(path.join(process.env.SUPPLYHUB_CACHE_DIR ?? path.join(root, '.cache'), name), 'utf8').trim());
  } catch {
    return 0;
  }
};
/** Where the CPU of a phase went: per process, in seconds. */
async function cpuDuring(pids, work) {
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)]));
  const result = await work();
  const used = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, Number((cpuSeconds(pid) - before[name]).toFixed(1))]));
  return { result, used };
}
const peakRssMb = (pid) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

async function runAll(url, token, mode) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const started = Date.now();
  const jobs = await Promise.all(
    SOURCES.map(async (sourceId) => {
      const response = await fetch(`${url}/sync/jobs`, { method: 'POST', headers, body: JSON.stringify({ sourceId, mode }) });
      if (response.status !== 202) throw new Error(`starting ${sourceId}: ${response.status} ${await response.text()}`);
      return (await response.json()).jobId;
    }),
  );
  const done = new Map();
  let lastReport = 0;
  while (done.size < jobs.length) {
    for (const jobId of jobs) {
      if (done.has(jobId)) continue;
      const job = await (await fetch(`${url}/sync/jobs/${jobId}`, { headers })).json();
      if (job.state === 'failed') throw new Error(`${job.sourceId} failed: ${job.error}`);
      if (job.state === 'completed') done.set(jobId, job);
    }
    if (Date.now() - lastReport > 5000) {
      lastReport = Date.now();
      say(`${mode}: ${done.size}/${jobs.length} sources done after ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    await sleep(100);
  }
  const seconds = (Date.now() - started) / 1000;
  const perSource = [...done.values()].map((job) => `${job.sourceId} ${((Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000).toFixed(1)} s`);
  say(`${mode}: ${perSource.join(', ')}`);
  const totals = [...done.values()].reduce(
    (sum, job) => ({ seen: sum.seen + job.counts.seen, written: sum.written + job.counts.offersWritten, events: sum.events + job.counts.events }),
    { seen: 0, written: 0, events: 0 },
  );
  return { seconds, totals };
}

async function rawBaseline(client, sourceDb, scratchName) {
  const scratch = client.db(scratchName);
  await scratch.dropDatabase();
  const collections = ['products', ...SOURCES.map((sourceId) => `offers_${sourceId}`)];
  let writeMs = 0;
  let documents = 0;
  for (const name of collections) {
    let batch = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const started = performance.now();
      await scratch.collection(name).bulkWrite(
        batch.map((document) => ({ insertOne: { document } })),
        { ordered: false },
      );
      writeMs += performance.now() - started;
      documents += batch.length;
      batch = [];
    };
    for await (const document of sourceDb.collection(name).find({}, { batchSize: 1000 })) {
      batch.push(document);
      if (batch.length >= 1000) await flush();
    }
    await flush();
  }
  await scratch.dropDatabase();
  return { seconds: writeMs / 1000, documents };
}

const QUERIES = [
  { family: 'physical', sort: 'price_asc' },
  { family: 'physical', sort: 'newest', inStock: 'true' },
  { family: 'virtual', sort: 'price_desc' },
  { subcategory: '电饭煲', sort: 'price_asc' },
  { brand: '美的', sort: 'newest' },
  { family: 'physical', minPriceFen: '5000', maxPriceFen: '50000', sort: 'price_asc' },
  { q: '礼盒', sort: 'newest' },
  { family: 'coupon', sort: 'price_asc' },
];

/**
 * Catalog API latency under load, from autocannon (a load generator light enough to share two cores with
 * the server): the query mix above, each as a first page and, where it has one, as its second page.
 */
async function apiLoad(url, token, pids) {
  const headers = { authorization: `Bearer ${token}` };
  // Waits for the index to finish loading (503 until then).
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline && (await fetch(`${url}/catalog/skus?limit=1`, { headers })).status !== 200) await sleep(500);
  const paths = [];
  for (const query of QUERIES) {
    const path = `/catalog/skus?${new URLSearchParams({ ...query, limit: '50' })}`;
    paths.push(path);
    const first = await (await fetch(`${url}${path}`, { headers })).json();
    if (first.nextCursor) paths.push(`${path}&cursor=${encodeURIComponent(first.nextCursor)}`);
  }
  // Warm-up (JIT, sockets, the index's sort orders), not measured.
  await autocannon({ url, connections: CONCURRENCY, amount: Math.min(1_000, REQUESTS), headers, requests: paths.map((path) => ({ method: 'GET', path })) });
  // autocannon's summary has no 95th percentile: every response time is kept and read here.
  const latencies = [];
  const { result, used } = await cpuDuring(pids, () => {
    const instance = autocannon({ url, connections: CONCURRENCY, amount: REQUESTS, headers, requests: paths.map((path) => ({ method: 'GET', path })) });
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    return instance;
  });
  say(`CPU seconds during the measured API load: ${JSON.stringify(used)}`);
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`catalog API load: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  latencies.sort((a, b) => a - b);
  const at = (q) => Number(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(2));
  return {
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    requests: latencies.length,
    perSecond: result.requests.average,
    cursors: paths.filter((path) => path.includes('cursor=')).length,
  };
}

async function main() {
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  const infra = infraEnv();
  const secret = 'bench-staff-token-secret-0123456789abcdef';
  const database = API_ONLY ?? `bench_catalog_${Date.now().toString(36)}`;
  const token = JSON.parse(
    execFileSync(
      process.execPath,
      [path.join(root, 'dist/tools/cli/src/main.js'), 'token', 'issue', '--sub', 'bench', '--roles', 'operations', '--ttl', '4h', '--json'],
      {
        env: { ...process.env, STAFF_TOKEN_SECRET: secret },
        encoding: 'utf8',
      },
    ),
  ).token;
  const client = await MongoClient.connect(infra.MONGO_URL);
  try {
    const common = { ...infra, MONGO_DB: database, STAFF_TOKEN_SECRET: secret, KAFKA_CONSUMER_GROUP: `bench-catalog-${Date.now()}` };
    // The worker's and the API instance's groups start at the ends of the topics: a shared broker's history
    // (other runs' orders and quality signals, which catalog-sync records as quality facts) is not replayed
    // into this run, as a deployed instance's long-lived group would not replay it either.
    const { EVENT_REGISTRY } = require(path.join(root, 'dist/libs/shared/contracts/src/index.js'));
    const { startGroupAtEnd } = require(path.join(root, 'dist/libs/shared/testing/src/index.js'));
    const kafka = new Kafka({ clientId: `bench-catalog-${process.pid}`, brokers: infra.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
    for (const group of [common.KAFKA_CONSUMER_GROUP, `${common.KAFKA_CONSUMER_GROUP}-api`]) await startGroupAtEnd(kafka, group, EVENT_REGISTRY.topicNames());
    const results = [];
    const pids = { ferretdb: pidFile('ferretdb/ferretdb.pid'), kafka: pidFile('kafka/kafka.pid') };
    if (!API_ONLY) {
      say(`${SKUS} SKUs; supplier-sim and a catalog-sync sync worker on database ${database}`);
      const sim = await startService('supplier-sim', { SIM_SKUS: String(SKUS) });
      common.SUPPLIER_SIM_URL = sim.url;
      // The worker runs as README.md says to deploy one: no catalog index, and a capped V8 heap (without a cap
      // V8 lets the heap grow lazily far past what the sync keeps alive).
      // BENCH_WORKER_NODE_ARGS: extra node flags for the sync worker (as BENCH_API_NODE_ARGS below).
      const workerNodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
      const worker = await startService('catalog-sync', { ...common, CATALOG_SEARCH_INDEX: 'false' }, [
        `--max-old-space-size=${WORKER_HEAP_MB}`,
        ...workerNodeArgs,
      ]);

      Object.assign(pids, { sim: sim.child.pid, worker: worker.child.pid });
      const { result: full, used: fullCpu } = await cpuDuring(pids, () => runAll(worker.url, token, 'full'));
      say(`CPU seconds during the full sync: ${JSON.stringify(fullCpu)}`);
      const rss = peakRssMb(worker.child.pid);
      say(
        `full sync: ${full.seconds.toFixed(1)} s, ${full.totals.seen} records, ${full.totals.written} offers written, ${full.totals.events} events; peak RSS ${rss.toFixed(0)} MB`,
      );

      const raw = await rawBaseline(client, client.db(database), `${database}_raw`);
      say(`raw bulkWrite of the same ${raw.documents} documents: ${raw.seconds.toFixed(1)} s`);

      const changes = await (
        await fetch(`${sim.url}/sim/changes`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ priceMoves: 0.004, stockOuts: 0.003, delistings: 0.001, newSkus: 0.001, detailChanges: 0.001 }),
        })
      ).json();
      say(`change round: ${JSON.stringify(changes.counts)}`);
      const { result: incremental, used: incrementalCpu } = await cpuDuring(pids, () => runAll(worker.url, token, 'incremental'));
      say(`CPU seconds during the incremental syncs: ${JSON.stringify(incrementalCpu)}`);
      say(`incremental: ${incremental.seconds.toFixed(1)} s, ${incremental.totals.written} offers written, ${incremental.totals.events} events`);
      results.push(
        ['full_sync_s', full.seconds, 's', { records: full.totals.seen }],
        ['full_sync_vs_raw_ratio', full.seconds / raw.seconds, 'x', { raw_s: Number(raw.seconds.toFixed(2)), documents: raw.documents }],
        ['sync_peak_rss_mb', rss, 'MB', {}],
        ['incremental_1pct_s', incremental.seconds, 's', { offers_written: incremental.totals.written }],
      );
    }

    // BENCH_API_NODE_ARGS: extra node flags for the API instance, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
    const apiNodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const api = await startService('catalog-sync', { ...common, KAFKA_CONSUMER_GROUP: `${common.KAFKA_CONSUMER_GROUP}-api` }, apiNodeArgs);
    const load = await apiLoad(api.url, token, { ...pids, api: api.child.pid, bench: process.pid });
    say(
      `API: ${load.requests} requests (${load.cursors} next pages) at ${CONCURRENCY} concurrent, ${load.perSecond.toFixed(0)}/s, p50 ${load.p50.toFixed(1)} ms, p95 ${load.p95.toFixed(1)} ms, p99 ${load.p99.toFixed(1)} ms`,
    );

    const machine = `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown cpu'}, node ${process.version}, ${SKUS} SKUs`;
    results.push(['api_p95_ms', load.p95, 'ms', { p50_ms: Number(load.p50.toFixed(2)), requests: load.requests, concurrency: CONCURRENCY }]);
    for (const [metric, value, unit, extra] of results) {
      process.stdout.write(`${JSON.stringify({ bench: 'catalog', metric, value: Number(value.toFixed(2)), unit, machine, ...extra })}\n`);
    }
    if (KEEP) say(`kept database ${database} (--api-only ${database} measures the API on it again)`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await sleep(1500);
    // A database measured with --api-only belongs to an earlier run: never dropped here.
    if (!KEEP && !API_ONLY)
      await client
        .db(database)
        .dropDatabase()
        .catch(() => undefined);
    await client.close();
  }
}

main().catch((error) => {
  say(error.stack ?? String(error));
  for (const child of children) child.kill('SIGKILL');
  process.exit(1);
});
