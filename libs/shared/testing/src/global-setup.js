// Jest globalSetup for the integration suite (jest.integration.config.js): finds the Kafka broker and the
// MongoDB API (FerretDB locally) the tests run against, checks that both answer, and hands their addresses
// to the test files through process.env. If KAFKA_BROKERS and MONGO_URL are not both set, it asks
// `scripts/infra env` for the local stack's addresses. Plain CommonJS: Jest loads it untransformed.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../../../..');
const READY_TIMEOUT_MS = 20_000;
const HINT = 'Start the local stack with `npm run infra up` (scripts/infra), or set KAFKA_BROKERS and MONGO_URL to servers that run.';

module.exports = async function globalSetup() {
  const { brokers, mongoUrl, origin } = locateServers();
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const [kafkaError, mongoError] = await Promise.all([
    untilReady((timeoutMs) => pingKafka(brokers, timeoutMs), deadline),
    untilReady((timeoutMs) => pingMongo(mongoUrl, timeoutMs), deadline),
  ]);
  const problems = [];
  if (kafkaError) problems.push(`Kafka at KAFKA_BROKERS=${brokers} did not answer within ${READY_TIMEOUT_MS / 1000} s (${kafkaError})`);
  if (mongoError) problems.push(`MongoDB API at MONGO_URL=${redact(mongoUrl)} did not answer within ${READY_TIMEOUT_MS / 1000} s (${mongoError})`);
  if (problems.length > 0) throw new Error(`integration tests need Kafka and MongoDB/FerretDB (${origin}):\n  - ${problems.join('\n  - ')}\n${HINT}`);
  process.env.KAFKA_BROKERS = brokers;
  process.env.MONGO_URL = mongoUrl;
};

function locateServers() {
  if (process.env.KAFKA_BROKERS && process.env.MONGO_URL) {
    return { brokers: process.env.KAFKA_BROKERS, mongoUrl: process.env.MONGO_URL, origin: 'from KAFKA_BROKERS and MONGO_URL' };
  }
  let output;
  try {
    output = execFileSync('bash', [path.join(ROOT, 'scripts/infra'), 'env'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`KAFKA_BROKERS and MONGO_URL are not both set, and \`bash scripts/infra env\` failed: ${error.message}\n${HINT}`);
  }
  const values = Object.fromEntries(
    output
      .split('\n')
      .map((line) => line.match(/^([A-Z_]+)=(.*)$/))
      .filter(Boolean)
      .map((match) => [match[1], match[2].trim()]),
  );
  if (!values.KAFKA_BROKERS || !values.MONGO_URL) throw new Error(`\`bash scripts/infra env\` did not print KAFKA_BROKERS and MONGO_URL:\n${output}\n${HINT}`);
  return { brokers: values.KAFKA_BROKERS, mongoUrl: values.MONGO_URL, origin: 'the local stack, from `scripts/infra env`' };
}

/** Retries `ping` until it succeeds or the deadline passes; resolves with the last error, or undefined. */
async function untilReady(ping, deadline) {
  let lastError;
  while (Date.now() < deadline) {
    try {
      await ping(Math.max(1_000, deadline - Date.now()));
      return undefined;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  return firstLine(lastError);
}

async function pingKafka(brokers, timeoutMs) {
  const { Kafka, logLevel } = require('kafkajs');
  const kafka = new Kafka({
    clientId: 'supplyhub-test-setup',
    brokers: brokers.split(',').map((broker) => broker.trim()),
    logLevel: logLevel.NOTHING,
    connectionTimeout: Math.min(timeoutMs, 3_000),
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.describeCluster();
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

async function pingMongo(url, timeoutMs) {
  const { MongoClient } = require('mongodb');
  const client = new MongoClient(url, { serverSelectionTimeoutMS: Math.min(timeoutMs, 3_000), connectTimeoutMS: 3_000 });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close().catch(() => undefined);
  }
}

function firstLine(error) {
  if (!error) return 'no answer';
  return String(error.message || error).split('\n')[0];
}

function redact(url) {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
