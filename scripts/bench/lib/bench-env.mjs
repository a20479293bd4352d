// What every benchmark needs before it starts services: the infrastructure's addresses and free ports.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

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
