import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { waitFor } from '@supply-hub/testing';

const REPOSITORY_ROOT = path.resolve(__dirname, '../../../../..');

export interface SpawnedService {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Sends the signal and resolves when the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** A free loopback port (released again at once; good enough for a test that binds it next). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs a service's real entry point (`apps/<app>/src/main.ts`, compiled on the fly) as its own process
 * on a free port, and resolves once its /health answers 200: for tests that kill a process, or that
 * need a service another service reaches over HTTP.
 */
/** Output kept per process: the whole log of a test's run, for tests that scan it. */
const MAX_OUTPUT_CHARS = 8_000_000;

export async function spawnService(mainFile: string, env: Record<string, string>, timeoutMs = 60_000): Promise<SpawnedService> {
  // A port the caller chose (PORT in env) when others must know the address before it starts.
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(REPOSITORY_ROOT, mainFile)], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: path.join(REPOSITORY_ROOT, 'tsconfig.json'), LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output = (output + chunk).slice(-MAX_OUTPUT_CHARS)));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output = (output + chunk).slice(-MAX_OUTPUT_CHARS)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`${mainFile} exited with ${child.exitCode}:\n${output.slice(-20_000)}`);
        const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
        return response?.ok;
      },
      { timeoutMs, intervalMs: 200, message: `${mainFile} to answer /health on ${url}` },
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${output.slice(-20_000)}`);
  }
  return {
    url,
    child,
    output: () => output,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
