// Runs the whole stack for a person to try: infra (unless KAFKA_BROKERS and MONGO_URL point elsewhere),
// every service from dist/, health-checked, with a demo mall key and staff token printed. Ctrl-C stops
// the services and whatever infra this run started. DEMO_EXIT_WHEN_READY=1 stops right after start-up
// (used to check the demo itself).
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

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

/** A development secret kept in the cache, so tokens printed by one demo run still work in the next. */
function staffTokenSecret() {
  if (process.env.STAFF_TOKEN_SECRET) return process.env.STAFF_TOKEN_SECRET;
  const file = path.join(cacheDir, 'dev-staff-token-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

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
    // `status` exits 3 unless both servers run; then `up` starts what is missing and Ctrl-C stops it.
    try {
      infra('status');
    } catch {
      infraStartedHere = true;
    }
  }
  process.stdout.write(infra('up'));
  const env = {
    ...process.env,
    ...infraEnv(),
    STAFF_TOKEN_SECRET: staffTokenSecret(),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    // The sandboxes' catalog: 120,000 SKUs unless DEMO_SKUS says otherwise (the demo's own test uses a few thousand).
    SIM_SKUS: process.env.DEMO_SKUS ?? '120000',
    // After the first full sync, every source syncs its changes every five minutes.
    SYNC_SCHEDULE: process.env.SYNC_SCHEDULE ?? JSON.stringify(Object.fromEntries(DEMO_SOURCES.map((id) => [id, { incremental: '0 */5 * * * *' }]))),
  };

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
  if (process.env.DEMO_EXIT_WHEN_READY === '1') return stopAll(0);
  say('press Ctrl-C to stop');
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
  const page = await fetch(`${base}/catalog/skus?family=physical&sort=price_desc&limit=3`, { headers }).then((r) => r.json());
  say('catalog synced; its dearest physical rewards:');
  for (const item of page.items ?? [])
    say(`  ${item.skuId}  ¥${(item.contractPriceFen / 100).toFixed(2)} (market ¥${(item.marketPriceFen / 100).toFixed(2)})  ${item.title}`);
  say(`browse: curl -H 'X-Api-Key: <mall key>' '${base}/catalog/skus?family=physical&sort=price_asc&limit=5'`);
}

let demoStaffToken = '';

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
    say(`demo mall key (tenant mall-demo): ${mallKey}`);
    say(`  try: curl -H 'X-Api-Key: ${mallKey}' http://127.0.0.1:${SERVICES['order-router'].port}/webhook-endpoints`);
    demoStaffToken = cli('token', 'issue', '--sub', 'demo-admin', '--roles', 'admin', '--ttl', '12h');
    say(`demo staff token (admin): ${demoStaffToken}`);
  } catch (error) {
    say(`could not create demo credentials: ${error.message.split('\n')[0]}`);
  }
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
main().catch((error) => {
  say(error.message);
  void stopAll(1);
});
