// Runs the whole stack for a person to try: infra (unless KAFKA_BROKERS and MONGO_URL point elsewhere),
// every service from dist/, health-checked, with a demo mall key and staff token printed; then the catalog
// synced from the supplier sandboxes, and a dozen orders from all over China placed by the demo mall with
// a table of where each line went, and virtual rewards (top-ups, pool codes, bought card codes) issued
// with their states (scripts/demo/virtual-rewards.mjs; DEMO_ORDERS=0 skips orders and rewards). Ctrl-C stops the services and whatever
// infra this run started. DEMO_EXIT_WHEN_READY=1 stops right after that (used to check the demo itself).
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { resolveDemoCases } from './demo/aftersales-cases.mjs';
import { showCurationAndQuality } from './demo/curation-quality.mjs';
import { issueVirtualRewards } from './demo/virtual-rewards.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { SERVICES } = require(path.join(root, 'dist/libs/shared/config/src/index.js'));
const cacheDir = process.env.SUPPLYHUB_CACHE_DIR ?? path.join(root, '.cache');
const logDir = path.join(cacheDir, 'demo');
mkdirSync(logDir, { recursive: true });

const say = (line) => process.stdout.write(`demo: ${line}\n`);
const infra = (...args) =>
  execFileSync('bash', [path.join(root, 'scripts/infra'), ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

function infraEnv() {
  if (process.env.KAFKA_BROKERS && process.env.MONGO_URL) return { KAFKA_BROKERS: process.env.KAFKA_BROKERS, MONGO_URL: process.env.MONGO_URL };
  const env = {};
  for (const line of infra('env').split('\n')) {
    const match = /^(?:export\s+)?([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) env[match[1]] = match[2].replace(/^["']|["']$/g, '');
  }
  return env;
}

/**
 * A development secret kept in the cache (created on first use), so what one demo run made still works
 * in the next: staff tokens it printed, codes it sealed.
 */
function devSecret(name, make) {
  if (process.env[name]) return process.env[name];
  const file = path.join(cacheDir, `dev-${name.toLowerCase().replace(/_/g, '-')}`);
  if (!existsSync(file)) writeFileSync(file, make(), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

const staffTokenSecret = () => devSecret('STAFF_TOKEN_SECRET', () => randomBytes(32).toString('base64url'));

async function waitHealthy(name, url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}; see ${path.join(logDir, `${name}.log`)}`);
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${name} not healthy after ${timeoutMs / 1000}s (${last}); see ${path.join(logDir, `${name}.log`)}`);
}

const children = new Map();
let infraStartedHere = false;
let stopping = false;

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  say('stopping services ...');
  await Promise.all(
    [...children.entries()].map(
      ([name, child]) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
          child.once('exit', () => {
            clearTimeout(timer);
            say(`${name} stopped`);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  if (infraStartedHere) {
    say('stopping the local Kafka and FerretDB this demo started ...');
    infra('down');
  }
  process.exit(code);
}

async function main() {
  const external = Boolean(process.env.KAFKA_BROKERS && process.env.MONGO_URL);
  if (!external) {
    // `status` exits 3 unless both servers run; then `up` starts what is missing and Ctrl-C stops it, but
    // only when neither ran before (`down` stops both, and a server that was running belongs to someone else).
    try {
      infra('status');
    } catch (error) {
      infraStartedHere = !/ running/.test(String(error.stdout ?? ''));
    }
  }
  process.stdout.write(infra('up'));
  const env = {
    ...process.env,
    ...infraEnv(),
    STAFF_TOKEN_SECRET: staffTokenSecret(),
    // virtual-codes: the key that seals card codes and the secret of their fingerprints.
    CODE_ENCRYPTION_KEYS: devSecret('CODE_ENCRYPTION_KEYS', () => `dev1:${randomBytes(32).toString('base64')}`),
    CODE_FINGERPRINT_SECRET: devSecret('CODE_FINGERPRINT_SECRET', () => randomBytes(32).toString('base64url')),
    // The recharge sandboxes' notifies reach virtual-codes here.
    SIM_FULU_CALLBACK_URL: `http://127.0.0.1:${SERVICES['virtual-codes'].port}/providers/fulu/notify`,
    RECHARGE_CALLBACK_BASE_URL: `http://127.0.0.1:${SERVICES['virtual-codes'].port}`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    // The sandboxes' catalog: 120,000 SKUs unless DEMO_SKUS says otherwise (the demo's own test uses a few thousand).
    SIM_SKUS: process.env.DEMO_SKUS ?? '120000',
    // After the first full sync, every source syncs its changes every five minutes.
    SYNC_SCHEDULE: process.env.SYNC_SCHEDULE ?? JSON.stringify(Object.fromEntries(DEMO_SOURCES.map((id) => [id, { incremental: '0 */5 * * * *' }]))),
  };

  await startNewGroupsAtEnd(env);
  for (const [name, { port }] of Object.entries(SERVICES)) {
    const log = createWriteStream(path.join(logDir, `${name}.log`), { flags: 'a' });
    const child = spawn(process.execPath, [path.join(root, `dist/apps/${name}/src/main.js`)], {
      cwd: root,
      env: { ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    child.on('exit', (code, signal) => {
      if (!stopping) {
        say(`${name} exited unexpectedly (${signal ?? code}); see ${path.join(logDir, `${name}.log`)}`);
        void stopAll(1);
      }
    });
    children.set(name, child);
  }

  await Promise.all([...children.entries()].map(([name, child]) => waitHealthy(name, `http://127.0.0.1:${SERVICES[name].port}`, child, 90000)));

  say('all services are up:');
  for (const [name, { port }] of Object.entries(SERVICES)) {
    say(`  ${name.padEnd(14)} http://127.0.0.1:${port}   docs http://127.0.0.1:${port}/docs   logs ${path.join(logDir, `${name}.log`)}`);
  }
  printCredentials(env);
  await syncCatalog(env);
  if (process.env.DEMO_ORDERS !== '0') {
    const placed = await placeDemoOrders(env);
    const ports = Object.fromEntries(Object.entries(SERVICES).map(([name, { port }]) => [name, port]));
    const virtualSkus = await issueVirtualRewards({
      ports,
      staffToken: demoStaffToken,
      mallKey: demoMallKey,
      say,
      table,
      shorten,
      findVirtualSkus: () => findVirtualSkus(env),
    });
    if (placed) {
      // SKU A is held by every warehouse: 20 more at 上海仓 for the cases' orders and their replacements.
      await countIn(placed.warehouseKeys['wh-sh'], placed.skus.A.skuId, 20);
      await resolveDemoCases({
        ports,
        staffToken: demoStaffToken,
        mallKey: demoMallKey,
        routerWarehouseKeys: placed.warehouseKeys,
        sku: placed.skus.A,
        poolSku: virtualSkus?.membership,
        cli: (...args) => cliAsync(env, ...args),
        say,
        table,
        shorten,
      });
    }
    await showCurationAndQuality({ ports, staffToken: demoStaffToken, cli: (...args) => cliAsync(env, ...args), say, table, shorten });
  }
  if (process.env.DEMO_EXIT_WHEN_READY === '1') return stopAll(0);
  say('press Ctrl-C to stop');
}

/**
 * A service's consumer group that has never committed reads its topics from the beginning (so a new
 * service misses nothing). On this machine the topics also hold every test's and benchmark's events:
 * a group the demo starts for the first time begins at the topics' ends instead, so the demo shows its
 * own orders rather than replaying thousands of others first.
 */
async function startNewGroupsAtEnd(env) {
  const { Kafka, logLevel } = require('kafkajs');
  const { EVENT_REGISTRY } = require(path.join(root, 'dist/libs/shared/contracts/src/index.js'));
  const { startGroupAtEnd } = require(path.join(root, 'dist/libs/shared/testing/src/index.js'));
  const kafka = new Kafka({ clientId: 'demo-setup', brokers: env.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const fresh = [];
  try {
    for (const group of Object.keys(SERVICES)) {
      const committed = await admin.fetchOffsets({ groupId: group }).catch(() => []);
      if (!committed.some((topic) => topic.partitions.some((partition) => Number(partition.offset) >= 0))) fresh.push(group);
    }
  } finally {
    await admin.disconnect();
  }
  for (const group of fresh) await startGroupAtEnd(kafka, group, EVENT_REGISTRY.topicNames());
}

const DEMO_SOURCES = ['jd', 'taobao', 'brand-midea', 'brand-joyoung', 'brand-xiaomi', 'brand-three-squirrels', 'brand-yili'];

/**
 * Syncs every source through the CLI, with its progress bars: a full sync the first time, the changes
 * since then on later runs (the catalog stays in the local stack between demos).
 */
async function syncCatalog(env) {
  const base = `http://127.0.0.1:${SERVICES['catalog-sync'].port}`;
  const headers = { authorization: `Bearer ${demoStaffToken}` };
  const sources = (await fetch(`${base}/sync/sources`, { headers }).then((r) => r.json())).items;
  const full = sources.some((source) => source.lastFullSyncAt === null);
  say(`${full ? 'full' : 'incremental'} sync of the catalog from the supplier sandboxes (${env.SIM_SKUS} SKUs) ...`);
  const code = await new Promise((resolve) => {
    const args = ['catalog', 'sync', 'all', ...(full ? ['--full'] : [])];
    const child = spawn(process.execPath, [path.join(root, 'dist/tools/cli/src/main.js'), ...args], {
      cwd: root,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`the catalog sync failed (exit ${code}); see ${path.join(logDir, 'catalog-sync.log')}`);
  // The catalog index loads in the background after a start (503 until then; a big catalog takes a while).
  let page = {};
  for (const deadline = Date.now() + 180_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 500))) {
    const response = await fetch(`${base}/catalog/skus?family=physical&sort=price_desc&limit=3`, { headers });
    page = await response.json();
    if (response.status !== 503) break;
  }
  say('catalog synced; its dearest physical rewards:');
  for (const item of page.items ?? [])
    say(`  ${item.skuId}  ¥${(item.contractPriceFen / 100).toFixed(2)} (market ¥${(item.marketPriceFen / 100).toFixed(2)})  ${item.title}`);
  say(`browse: curl -H 'X-Api-Key: <mall key>' '${base}/catalog/skus?family=physical&sort=price_asc&limit=5'`);
}

let demoStaffToken = '';
let demoMallKey = '';

function printCredentials(env) {
  const cli = (...args) =>
    execFileSync(process.execPath, [path.join(root, 'dist/tools/cli/src/main.js'), ...args], {
      cwd: root,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  try {
    const mallKey = JSON.parse(cli('keys', 'create', '--kind', 'tenant', '--owner', 'mall-demo', '--label', 'demo', '--json')).key;
    demoMallKey = mallKey;
    say(`demo mall key (tenant mall-demo): ${mallKey}`);
    say(`  try: curl -H 'X-Api-Key: ${mallKey}' http://127.0.0.1:${SERVICES['order-router'].port}/webhook-endpoints`);
    demoStaffToken = cli('token', 'issue', '--sub', 'demo-admin', '--roles', 'admin', '--ttl', '12h');
    say(`demo staff token (admin): ${demoStaffToken}`);
  } catch (error) {
    say(`could not create demo credentials: ${error.message.split('\n')[0]}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Orders: after the catalog, the demo mall places a dozen orders from all over China and shows where each
// line went. Stock is counted in through the warehouse API (PUT /warehouse/stock/:skuId, one warehouse key
// per warehouse) so that the answers show every outcome: the nearest warehouse, a warehouse farther away
// because the nearer ones lack a line, a line split over two warehouses, drop-ship from the supplier, a
// backorder and a refusal. DEMO_ORDERS=0 skips this part.

const DEMO_WAREHOUSES = ['wh-bj', 'wh-sh', 'wh-gz', 'wh-wh', 'wh-cd', 'wh-xa'];

/** The roles SKUs play in the story, and how many units each warehouse should have available. */
const STOCK_PLAN = {
  A: { 'wh-bj': 20, 'wh-sh': 20, 'wh-gz': 20, 'wh-wh': 20, 'wh-cd': 20, 'wh-xa': 20 }, // everywhere
  B: { 'wh-sh': 3, 'wh-cd': 3 }, // in two warehouses only
  C: { 'wh-bj': 1 }, // one unit, in 北京仓: the second order for it is drop-shipped
  D: { 'wh-gz': 2, 'wh-wh': 2 }, // nobody holds 3: a line of 3 is split
  E: {}, // no warehouse: the supplier ships it
  F: {}, // no warehouse and the supplier has fewer than ordered: backordered, or refused
};

const 收件人 = (name, mobile, province, city, district, address, code) => ({
  name,
  mobile,
  province,
  city,
  ...(district ? { district } : {}),
  address,
  ...(code ? { code } : {}),
});

/**
 * A dozen orders, with province and city written the ways malls write them (full, short, with a GB/T 2260
 * code). Lines are "<SKU role><quantity>"; F* is one unit more than F's supplier has.
 */
const DEMO_ORDERS = [
  { lines: 'A1 C1', to: 收件人('张三', '13800138000', '北京', '北京市', '朝阳区', '建国路 88 号') },
  { lines: 'A1 B1', to: 收件人('李四', '13912345678', '上海市', '上海市', '浦东新区', '世纪大道 100 号') },
  { lines: 'A2', to: 收件人('王五', '15012345678', '广东省', '广州市', '天河区', '天河路 385 号', '440106') },
  { lines: 'A1', to: 收件人('买买提', '13709912345', '新疆维吾尔自治区', '乌鲁木齐市', '天山区', '解放北路 1 号') },
  { lines: 'A1 B1', to: 收件人('扎西', '13908912345', '西藏', '拉萨', null, '北京中路 20 号') },
  { lines: 'A1 C1', to: 收件人('赵六', '18645112345', '黑龙江省', '哈尔滨', '道里区', '中央大街 100 号') },
  { lines: 'D3', to: 收件人('周七', '13807561234', '海南', '海口市', '龙华区', '滨海大道 77 号') },
  { lines: 'E1', to: 收件人('吴八', '15847112345', '内蒙古', '呼和浩特', null, '新华大街 5 号') },
  { lines: 'F*', to: 收件人('郑九', '13701012345', '北京市', '北京', '海淀区', '中关村大街 27 号') },
  { lines: 'F*', to: 收件人('钱十', '13601612345', '上海', '上海', null, '南京东路 300 号'), unavailablePolicy: 'refuse' },
  { lines: 'B1 A1', to: 收件人('孙十一', '13902012345', '广东', '广州', '越秀区', '北京路 1 号') },
  { lines: 'A1', to: 收件人('陈十二', '18602812345', '四川省', '成都市', '武侯区', '天府大道北段 1700 号') },
];

async function placeDemoOrders(env) {
  const started = Date.now();
  const base = `http://127.0.0.1:${SERVICES['order-router'].port}`;
  if (!demoMallKey) return void say('no demo mall key, so no demo orders');
  say('orders: warehouse keys, stock counted in through the warehouse API, then 12 orders from all over China ...');
  const warehouseKeys = Object.fromEntries(
    await Promise.all(
      DEMO_WAREHOUSES.map(async (warehouseId) => {
        const output = await cliAsync(
          env,
          'keys',
          'create',
          '--kind',
          'warehouse',
          '--owner',
          warehouseId,
          '--service',
          'order-router',
          '--label',
          'demo',
          '--json',
        );
        return [warehouseId, JSON.parse(output).key];
      }),
    ),
  );
  say(`  warehouse keys (--kind warehouse, one per warehouse): ${DEMO_WAREHOUSES.map((id) => `${id} ${warehouseKeys[id].slice(0, 16)}…`).join(', ')}`);

  const skus = await pickDemoSkus(env);
  const rows = [];
  for (const [role, plan] of Object.entries(STOCK_PLAN)) {
    await Promise.all(
      DEMO_WAREHOUSES.map(async (warehouseId) => {
        await countIn(warehouseKeys[warehouseId], skus[role].skuId, plan[warehouseId] ?? 0);
      }),
    );
    const where = Object.entries(plan).map(([warehouseId, units]) => `${WAREHOUSE_NAMES[warehouseId]} ${units}`);
    rows.push([
      role,
      skus[role].title,
      `supplier ${skus[role].bestOffer ? `${skus[role].bestOffer.sourceId}, ${skus[role].stock} units` : 'none'}`,
      where.join(', ') || 'no warehouse',
    ]);
  }
  say('  stock available for the orders (SKU, supplier, warehouses):');
  for (const line of table(['', 'SKU', 'drop-ship', 'warehouses'], rows)) say(`    ${line}`);

  const run = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const table_ = [];
  for (const [index, order] of DEMO_ORDERS.entries()) {
    const mallOrderId = `DEMO-${run}-${String(index + 1).padStart(2, '0')}`;
    const body = {
      mallOrderId,
      lines: rolesOf(order).map(([role, quantity]) => ({ skuId: skus[role].skuId, quantity: quantity ?? Math.min(99, skus[role].stock + 1) })),
      recipient: order.to,
      ...(order.unavailablePolicy ? { unavailablePolicy: order.unavailablePolicy } : {}),
    };
    const answer = await fetch(`${base}/orders`, {
      method: 'POST',
      headers: { 'x-api-key': demoMallKey, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const placed = await answer.json();
    const to = [order.to.province, order.to.city, order.to.district, order.to.code ? `(${order.to.code})` : ''].filter(Boolean).join(' ');
    if (answer.status !== 201 && answer.status !== 200) {
      table_.push([mallOrderId.slice(-2), to, '', `HTTP ${answer.status}: ${placed.detail ?? placed.title ?? ''}`]);
      continue;
    }
    const rule = ruleOf(placed.routing, (skuId) => Object.keys(skus).find((role) => skus[role].skuId === skuId) ?? skuId);
    placed.lines.forEach((line, lineIndex) => {
      const role = rolesOf(order)[lineIndex][0];
      table_.push([
        lineIndex === 0 ? placed.mallOrderId.slice(-2) : '',
        lineIndex === 0 ? to : '',
        `${role} ${shorten(line.title, 16)} ×${line.quantity}`,
        whereLineWent(line, placed.shipments),
        lineIndex === 0 ? `${placed.status}${rule ? `: ${rule}` : ''}` : '',
      ]);
    });
  }
  say(`  where each line went (order ids DEMO-${run}-NN, status and rule per order):`);
  for (const line of table(['#', 'to', 'line', 'went to', 'order'], table_)) say(`    ${line}`);
  say(
    `  ${DEMO_ORDERS.length} orders in ${((Date.now() - started) / 1000).toFixed(1)} s; an order in full: curl -H 'X-Api-Key: <mall key>' ${base}/orders?limit=1`,
  );
  return { warehouseKeys, skus };
}

/**
 * Sets a warehouse's count of a SKU to what is reserved plus `units` (PUT /warehouse/stock/:skuId): units
 * reserved by earlier demo runs stay reserved, the count adds what the story needs.
 */
async function countIn(warehouseKey, skuId, units) {
  const url = `http://127.0.0.1:${SERVICES['order-router'].port}/warehouse/stock/${skuId}`;
  const headers = { 'x-api-key': warehouseKey, 'content-type': 'application/json' };
  const current = await fetch(url, { headers });
  const reserved = current.status === 200 ? (await current.json()).reserved : 0;
  if (units === 0 && current.status === 404) return;
  const counted = await fetch(url, { method: 'PUT', headers, body: JSON.stringify({ onHand: reserved + units, reason: 'demo stock count' }) });
  if (counted.status !== 200) throw new Error(`stock count of ${skuId}: HTTP ${counted.status} ${await counted.text()}`);
}

/** The routing rule in a few words, and why nearer warehouses did not ship the order whole. */
function ruleOf(routing, roleOf) {
  if (!routing) return '';
  const chosen = routing.candidates.findIndex((candidate) => candidate.chosen);
  const nearer = chosen > 0 ? routing.candidates.slice(0, chosen) : [];
  const why = (candidate) =>
    candidate.status === 'inactive'
      ? 'inactive'
      : candidate.status === 'capacity-full'
        ? 'full today'
        : `lacks ${candidate.lacks.map((lack) => roleOf(lack.skuId)).join('+')}`;
  switch (routing.rule) {
    case 'nearest-complete':
      return nearer.length === 0
        ? 'nearest warehouse, has every line'
        : `nearest with every line (${nearer.map((candidate) => `${WAREHOUSE_NAMES[candidate.warehouseId] ?? candidate.name} ${why(candidate)}`).join(', ')})`;
    case 'fewest-parcels':
      return 'no warehouse has every line: fewest parcels';
    case 'no-warehouse':
      return 'no warehouse has any line';
    default:
      return '';
  }
}

/** 'A1 C1' → [['A', 1], ['C', 1]]; 'F*' → [['F', undefined]]. */
const rolesOf = (order) => order.lines.split(' ').map((line) => [line[0], line[1] === '*' ? undefined : Number(line.slice(1))]);

const WAREHOUSE_NAMES = { 'wh-bj': '北京仓', 'wh-sh': '上海仓', 'wh-gz': '广州仓', 'wh-wh': '武汉仓', 'wh-cd': '成都仓', 'wh-xa': '西安仓' };

/** "北京仓 0 km", "广州仓 2 (1104 km) + 武汉仓 1 (1467 km), split", "drop-ship (jd)", "backordered: out-of-stock". */
function whereLineWent(line, shipments) {
  if (line.status === 'backordered' || line.status === 'refused') return `${line.status}: ${line.reason ?? ''}`;
  const parcels = (line.shipmentId ?? '')
    .split(',')
    .map((shipmentId) => shipments.find((shipment) => shipment.shipmentId === shipmentId))
    .filter(Boolean);
  if (parcels.length === 0) return line.status;
  const parts = parcels.map((parcel) => {
    if (parcel.kind === 'drop-ship') return `drop-ship by supplier ${parcel.supplierSourceId}`;
    const units = parcel.lines.filter((shipped) => shipped.lineId === line.lineId).reduce((sum, shipped) => sum + shipped.quantity, 0);
    const name = WAREHOUSE_NAMES[parcel.warehouseId] ?? parcel.warehouseId;
    return parcels.length > 1 ? `${name} ${units} (${Math.round(parcel.distanceKm)} km)` : `${name} ${Math.round(parcel.distanceKm)} km`;
  });
  return parts.join(' + ') + (parcels.length > 1 ? ', split' : '');
}

/**
 * Physical SKUs order-router can sell (its read model, fed by catalog-sync's events, may still be catching
 * up after a first full sync): the best-stocked ones for the warehouse roles, one whose supplier has
 * fewer than 99 units for the backorder.
 */
async function pickDemoSkus(env) {
  const { MongoClient } = require('mongodb');
  const client = await MongoClient.connect(env.MONGO_URL);
  try {
    const readModel = client.db(process.env.MONGO_DB ?? SERVICES['order-router'].database).collection('sellable_skus');
    const deadline = Date.now() + 180_000;
    for (;;) {
      const candidates = (await readModel.find({ categoryFamily: 'physical', sellable: true }).limit(400).toArray()).filter(
        // Catalog ids only: the local topics also carry benchmarks' and tests' SKUs.
        (sku) => /^sku_[0-9a-f]{20}$/.test(sku._id) && sku.bestOffer && sku.stock > 0,
      );
      const stocked = candidates.filter((sku) => sku.stock >= 10).sort((a, b) => b.stock - a.stock || a._id.localeCompare(b._id));
      const scarce = candidates.filter((sku) => sku.stock < 99).sort((a, b) => a.stock - b.stock || a._id.localeCompare(b._id));
      if (stocked.length >= 5 && (scarce.length > 0 || Date.now() > deadline - 150_000)) {
        const pick = (sku) => ({ skuId: sku._id, title: sku.title, stock: sku.stock, bestOffer: sku.bestOffer });
        const backorder = scarce.find((sku) => !stocked.slice(0, 5).includes(sku)) ?? stocked[5] ?? stocked[4];
        return { A: pick(stocked[0]), B: pick(stocked[1]), C: pick(stocked[2]), D: pick(stocked[3]), E: pick(stocked[4]), F: pick(backorder) };
      }
      if (Date.now() > deadline) throw new Error('order-router has not received enough physical SKUs from the catalog events; see its log');
      say(`  waiting for order-router to receive the catalog's SKU events (${candidates.length} physical SKUs so far) ...`);
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  } finally {
    await client.close();
  }
}

/** One sellable virtual SKU per kind the demo issues (手机话费 top-up, 视频会员 pool, 游戏点卡 bought card). */
async function findVirtualSkus(env) {
  const { MongoClient } = require('mongodb');
  const client = await MongoClient.connect(env.MONGO_URL);
  try {
    const readModel = client.db(process.env.MONGO_DB ?? SERVICES['order-router'].database).collection('sellable_skus');
    const one = async (subcategory, title) => {
      const filter = { categoryFamily: 'virtual', subcategory, sellable: true, _id: { $regex: '^sku_[0-9a-f]{20}$' } };
      const sku = (title && (await readModel.findOne({ ...filter, title: { $regex: title } }))) || (await readModel.findOne(filter));
      return sku ? { skuId: sku._id, title: sku.title } : undefined;
    };
    // The top-up is set up as 中国移动 50 元 at the sandboxes: a SKU that says so, if the catalog has one.
    // order-router's read model may still be taking in the catalog's events after a first full sync.
    for (const deadline = Date.now() + 60_000; ; await new Promise((resolve) => setTimeout(resolve, 2_000))) {
      const skus = { topUp: await one('手机话费', '中国移动.*50元'), membership: await one('视频会员'), card: await one('游戏点卡') };
      if ((skus.topUp && skus.membership && skus.card) || Date.now() > deadline) return skus;
    }
  } finally {
    await client.close();
  }
}

function cliAsync(env, ...args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'dist/tools/cli/src/main.js'), ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(output.trim()) : reject(new Error(`supply-hub ${args.join(' ')}: ${errors.trim() || `exit ${code}`}`))));
  });
}

function shorten(text, width) {
  let out = '';
  for (const char of text) {
    if (displayWidth(out + char) > width) return `${out}…`;
    out += char;
  }
  return out;
}

/** Terminal columns: CJK and full-width characters take two. */
function displayWidth(text) {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0);
    width +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6)
        ? 2
        : 1;
  }
  return width;
}

function table(headers, rows) {
  const widths = headers.map((header, column) => Math.max(displayWidth(header), ...rows.map((row) => displayWidth(String(row[column] ?? '')))));
  const line = (cells) =>
    cells
      .map((cell, column) => {
        const text = String(cell ?? '');
        return column === cells.length - 1 ? text : text + ' '.repeat(widths[column] - displayWidth(text));
      })
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
main().catch((error) => {
  say(error.message);
  void stopAll(1);
});
