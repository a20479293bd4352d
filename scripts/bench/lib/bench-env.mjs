// What every benchmark needs before it starts services: the infrastructure's addresses, free ports, and
// the built services started and health-checked.
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The repository's root folder. */
export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');

/** `--name value` from the command line, else the fallback. */
export function option(name, fallback) {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
}

/** KAFKA_BROKERS and MONGO_URL: the given servers, else the local ones (`scripts/infra up`, cached). */
export function infraEnv() {
  if (process.env.KAFKA_BROKERS && process.env.MONGO_URL) return { KAFKA_BROKERS: process.env.KAFKA_BROKERS, MONGO_URL: process.env.MONGO_URL };
  execFileSync('bash', [path.join(root, 'scripts/infra'), 'up'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const env = {};
  for (const line of execFileSync('bash', [path.join(root, 'scripts/infra'), 'env'], { encoding: 'utf8' }).split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) env[match[1]] = match[2];
  }
  return env;
}

/** A free loopback port (released again at once; the service binds it next). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `dist/apps/<app>/src/main.js` on a free loopback port with LOG_LEVEL=warn, its output kept whole
 * in `<logDir>/<logName>.log` (and its tail for the error when it does not come up); resolves once its
 * /health answers 200. The child is added to `children`, for the caller to stop.
 */
export async function startBuiltService(app, env, { logDir, logName = app, nodeArgs = [], children }) {
  mkdirSync(logDir, { recursive: true });
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, `dist/apps/${app}/src/main.js`)], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(path.join(logDir, `${logName}.log`));
  let tail = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream.pipe(log);
    stream.on('data', (chunk) => (tail = (tail + chunk).slice(-20000)));
  }
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${logName} exited: ${tail}`);
    if (await fetch(`${url}/health`).then((response) => response.ok, () => false)) return { child, url, port, tail: () => tail };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${logName} did not become healthy: ${tail}`);
}

/**
 * An API key stored in `db` (a service's database) the way `supply-hub keys create` stores it, by hash;
 * answers its plaintext. Needs the build (dist/), which every benchmark runs first.
 */
export async function storeApiKey(db, kind, ownerId) {
  const { generateApiKey } = require(path.join(root, 'dist/libs/shared/auth/src/index.js'));
  const key = generateApiKey(kind);
  await db.collection('api_keys').insertOne({
    _id: key.keyId,
    hash: key.hash,
    kind,
    ...(kind === 'tenant' ? { tenantId: ownerId } : { warehouseId: ownerId }),
    label: 'bench',
    createdAt: new Date(),
    revokedAt: null,
  });
  return key.plaintext;
}
