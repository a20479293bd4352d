// Readiness check for the local (or external) Kafka and MongoDB API: waits until each answers a real request
// (Kafka: admin.describeCluster, i.e. a Metadata request; MongoDB API: the `ping` command, then `buildInfo`).
// Plain Node ESM (Node 20+), using the project's kafkajs and mongodb packages (node_modules, or NODE_PATH).
//
//   node scripts/infra-ready.mjs [--kafka host:port[,host:port]] [--mongo mongodb://...] [--timeout 90]
//                                [--kafka-pid N] [--mongo-pid N] [--report-failed]
//
// --kafka / --mongo default to KAFKA_BROKERS / MONGO_URL; only the given ones are checked. With --kafka-pid /
// --mongo-pid the wait ends at once if that process exits. --report-failed prints the names of the servers
// that did not answer ("kafka", "mongo") on stdout, one a line (scripts/infra uses it); messages go to stderr.
// Exit code: 0 all answered, 1 one did not, 2 usage error or kafkajs/mongodb not installed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
// kafkajs 2.2.4 schedules timers with negative delays on Node 23+, which prints a TimeoutNegativeWarning; it
// is harmless, so that one warning is dropped and any other is still shown.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name !== 'TimeoutNegativeWarning') process.stderr.write(`${warning.name}: ${warning.message}\n`);
});
const say = (line) => process.stderr.write(`infra: ${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const redact = (url) => url.replace(/\/\/[^@/]*@/, '//***@');
const errorText = (error) => {
  if (!error) return 'no answer';
  const text = error.cause?.message ?? error.message ?? String(error);
  return text.split('\n')[0].slice(0, 300);
};

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      kafka: { type: 'string' },
      mongo: { type: 'string' },
      timeout: { type: 'string', default: '90' },
      'kafka-pid': { type: 'string' },
      'mongo-pid': { type: 'string' },
      'report-failed': { type: 'boolean', default: false },
    },
    allowPositionals: false,
  }));
} catch (error) {
  say(`infra-ready: ${error.message}`);
  process.exit(2);
}

const brokers = (args.kafka ?? process.env.KAFKA_BROKERS ?? '').trim();
const mongoUrl = (args.mongo ?? process.env.MONGO_URL ?? '').trim();
const timeoutS = Number(args.timeout);
if ((!brokers && !mongoUrl) || !Number.isFinite(timeoutS) || timeoutS <= 0) {
  say('usage: node scripts/infra-ready.mjs [--kafka host:port] [--mongo mongodb://host:port] [--timeout seconds] (or KAFKA_BROKERS / MONGO_URL)');
  process.exit(2);
}
const deadline = Date.now() + timeoutS * 1000;

function load(name) {
  try {
    return require(name);
  } catch (error) {
    if (error.code !== 'MODULE_NOT_FOUND') throw error;
    say(`the readiness check needs the npm package ${name}: run \`npm ci\` at the repo root`);
    process.exit(2);
  }
}

/** Whether a pid names a live (non-zombie) process; true when no pid was given. */
function alive(pid) {
  if (!pid) return true;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    try {
      process.kill(Number(pid), 0);
      return true;
    } catch {
      return false;
    }
  }
}

async function waitFor(name, pid, attempt) {
  let last;
  for (;;) {
    if (!alive(pid)) throw new Error(`the ${name} process (pid ${pid}) exited`);
    try {
      return await attempt();
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) throw new Error(`no answer within ${timeoutS}s (last error: ${errorText(last)})`);
    await sleep(Math.min(500, Math.max(0, deadline - Date.now())));
  }
}

async function checkKafka() {
  const { Kafka, logLevel } = load('kafkajs');
  const kafka = new Kafka({
    clientId: 'supplyhub-infra-ready',
    brokers: brokers.split(',').map((broker) => broker.trim()).filter(Boolean),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    requestTimeout: 5000,
    retry: { retries: 0 },
  });
  const cluster = await waitFor('kafka', args['kafka-pid'], async () => {
    const admin = kafka.admin();
    try {
      await admin.connect();
      return await admin.describeCluster();
    } finally {
      await admin.disconnect().catch(() => {});
    }
  });
  return `kafka ready on ${brokers}: cluster ${cluster.clusterId}, ${cluster.brokers.length} broker(s)`;
}

async function checkMongo() {
  const { MongoClient } = load('mongodb');
  const info = await waitFor('mongo', args['mongo-pid'], async () => {
    const client = new MongoClient(mongoUrl, { serverSelectionTimeoutMS: 2000, connectTimeoutMS: 2000, appName: 'supplyhub-infra-ready' });
    try {
      await client.connect();
      const admin = client.db('admin').admin();
      await admin.ping();
      return await admin.command({ buildInfo: 1 });
    } finally {
      await client.close().catch(() => {});
    }
  });
  const flavour = info.ferretdbVersion ? `FerretDB ${info.ferretdbVersion}, MongoDB ${info.version} API` : `MongoDB ${info.version}`;
  return `mongo ready on ${redact(mongoUrl)} (${flavour})`;
}

const checks = [];
if (brokers) checks.push(['kafka', checkKafka()]);
if (mongoUrl) checks.push(['mongo', checkMongo()]);
const results = await Promise.allSettled(checks.map(([, promise]) => promise));
const failed = [];
results.forEach((result, i) => {
  const [name] = checks[i];
  if (result.status === 'fulfilled') {
    say(result.value);
  } else {
    failed.push(name);
    const where = name === 'kafka' ? brokers : redact(mongoUrl);
    say(`${name} at ${where} is not ready: ${errorText(result.reason)}`);
  }
});
if (args['report-failed'] && failed.length > 0) process.stdout.write(failed.map((name) => `${name}\n`).join(''));
process.exit(failed.length === 0 ? 0 : 1);
