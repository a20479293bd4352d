// `npm run bench -- blacklist [--rounds 20]`: how long a quality blacklist entry takes to stop orders,
// end to end over Kafka (issue 7: within 5 s). Built catalog-sync and order-router on the local (or given)
// Kafka and MongoDB: SKUs reach order-router's read model as catalog events, stock is counted in through the
// warehouse API; each round POSTs an entry for the SKU's brand to catalog-sync and places that SKU's order at order-router
// every 10 ms until it is refused for the entry (a brand entry per round). Prints p50 / p95 / max of POST → first refusal.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { infraEnv, option, root, startBuiltService, storeApiKey } from './lib/bench-env.mjs';

const require = createRequire(import.meta.url);
const { MongoClient } = require('mongodb');
const { Kafka, logLevel } = require('kafkajs');

const ROUNDS = Number(option('rounds', '20'));
const say = (line) => process.stderr.write(`bench blacklist: ${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const logDir = path.join(process.env.SUPPLYHUB_CACHE_DIR ?? path.join(root, '.cache'), 'bench-blacklist');
mkdirSync(logDir, { recursive: true });
const children = [];

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  const { SkuUpserted, TOPICS, EVENT_REGISTRY, createEvent } = require(path.join(root, 'dist/libs/shared/contracts/src/index.js'));
  const { issueStaffToken } = require(path.join(root, 'dist/libs/shared/auth/src/index.js'));
  const { createKafkaClient, KafkaEventPublisher, stderrLogger } = require(path.join(root, 'dist/libs/shared/kafka/src/index.js'));
  const { startGroupAtEnd } = require(path.join(root, 'dist/libs/shared/testing/src/index.js'));
  const infra = infraEnv();
  const run = `${Date.now()}`;
  const secret = `bench-staff-token-secret-${randomBytes(8).toString('hex')}`;
  const databases = { catalog: `bench_blacklist_catalog_${run}`, router: `bench_blacklist_router_${run}` };
  const groups = { catalog: `bench-blacklist-catalog-${run}`, router: `bench-blacklist-router-${run}` };
  const kafka = new Kafka({ clientId: `bench-blacklist-${process.pid}`, brokers: infra.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
  for (const group of Object.values(groups)) await startGroupAtEnd(kafka, group, EVENT_REGISTRY.topicNames());

  const mongo = await MongoClient.connect(infra.MONGO_URL);
  try {
    const common = { ...infra, STAFF_TOKEN_SECRET: secret, WEBHOOK_DELIVERY_WORKER: 'false' };
    say('starting the built catalog-sync and order-router ...');
    const [catalog, router] = await Promise.all([
      startBuiltService('catalog-sync', { ...common, MONGO_DB: databases.catalog, KAFKA_CONSUMER_GROUP: groups.catalog, SYNC_RESUME_ON_START: 'false' }, { logDir, children }),
      startBuiltService('order-router', { ...common, MONGO_DB: databases.router, KAFKA_CONSUMER_GROUP: groups.router, ROUTING_SWEEPS: 'false' }, { logDir, children }),
    ]);
    const keyOf = (kind, ownerId) => storeApiKey(mongo.db(databases.router), kind, ownerId);
    const mall = await keyOf('tenant', 'bench-mall');
    const warehouse = await keyOf('warehouse', 'wh-bj');
    const quality = await issueStaffToken({ sub: 'bench-quality', roles: ['quality'], ttlSeconds: 3600 }, secret);

    // The SKUs, as catalog-sync announces them, and stock for them at 北京仓.
    const skus = Array.from({ length: ROUNDS }, () => `sku_${randomBytes(10).toString('hex')}`);
    // One brand per SKU: each round blacklists a brand (an entry that needs no product in catalog-sync's own database).
    const brandOf = (skuId) => `基准品牌${skuId.slice(-8)}`;
    const publisher = new KafkaEventPublisher(createKafkaClient({ clientId: `bench-blacklist-pub-${process.pid}`, brokers: infra.KAFKA_BROKERS.split(','), logger: stderrLogger('error') }));
    await publisher.connect();
    await publisher.publish(
      SkuUpserted,
      ...skus.map((skuId) =>
        createEvent(
          SkuUpserted,
          {
            skuId,
            title: '九阳豆浆机 DJ13B',
            brand: brandOf(skuId),
            categoryFamily: 'physical',
            subcategory: '豆浆机',
            contractPriceFen: 29_900,
            supplyPriceFen: 28_000,
            marketPriceFen: 39_900,
            stock: 1000,
            sellable: true,
            bestOffer: { sourceId: 'jd', externalId: skuId },
            version: 1,
          },
          { source: '/catalog-sync' },
        ),
      ),
    );
    await publisher.disconnect();
    for (const skuId of skus) {
      for (const started = Date.now(); ; await sleep(200)) {
        const counted = await fetch(`${router.url}/warehouse/stock/${skuId}`, {
          method: 'PUT',
          headers: { 'x-api-key': warehouse, 'content-type': 'application/json' },
          body: JSON.stringify({ onHand: 1000, reason: 'bench' }),
        });
        if (counted.status === 200) break;
        if (Date.now() - started > 120_000) throw new Error(`order-router never learned of ${skuId}: HTTP ${counted.status} ${await counted.text()}`);
      }
    }

    const order = (skuId, n) =>
      fetch(`${router.url}/orders`, {
        method: 'POST',
        headers: { 'x-api-key': mall, 'content-type': 'application/json' },
        body: JSON.stringify({
          mallOrderId: `B-${run}-${skuId.slice(-6)}-${n}`,
          lines: [{ skuId, quantity: 1 }],
          recipient: { name: '张三', mobile: '13800138000', province: '北京', city: '北京市', district: '朝阳区', address: '建国路 88 号' },
        }),
      });
    const latencies = [];
    for (const [round, skuId] of skus.entries()) {
      if ((await order(skuId, 'before')).status !== 201) throw new Error(`the order for ${skuId} was not taken before its entry`);
      const posted = performance.now();
      const created = await fetch(`${catalog.url}/blacklist`, {
        method: 'POST',
        headers: { authorization: `Bearer ${quality}`, 'content-type': 'application/json' },
        body: JSON.stringify({ target: { kind: 'brand', value: brandOf(skuId) }, reason: '抽检不合格（基准测试）' }),
      });
      if (created.status !== 201) throw new Error(`POST /blacklist: HTTP ${created.status} ${await created.text()}`);
      for (let attempt = 0; ; attempt++) {
        const answer = await order(skuId, `after-${attempt}`);
        if (answer.status === 400 && (await answer.text()).includes('blacklisted')) break;
        if (performance.now() - posted > 30_000) throw new Error(`${skuId} was still ordered 30 s after its entry`);
        await sleep(10);
      }
      latencies.push(performance.now() - posted);
      say(`round ${round + 1}/${ROUNDS}: refused after ${latencies.at(-1).toFixed(0)} ms`);
    }
    const machine = `${os.cpus().length} cores ${os.cpus()[0]?.model ?? ''}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`.replace(/\s+/g, ' ');
    for (const [metric, value] of [
      ['entry_to_refusal_p50', percentile(latencies, 50)],
      ['entry_to_refusal_p95', percentile(latencies, 95)],
      ['entry_to_refusal_max', Math.max(...latencies)],
    ]) {
      process.stdout.write(`${JSON.stringify({ bench: 'blacklist', metric, value: Math.round(value), unit: 'ms', rounds: ROUNDS, machine })}\n`);
    }
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await sleep(1_000);
    for (const name of Object.values(databases)) await mongo.db(name).dropDatabase().catch(() => undefined);
    await mongo.close();
  }
}

main().catch((error) => {
  say(error.stack ?? String(error));
  for (const child of children) child.kill('SIGKILL');
  process.exit(1);
});
