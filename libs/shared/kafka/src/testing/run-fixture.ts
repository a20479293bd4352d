import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const REPOSITORY_ROOT = path.resolve(__dirname, '../../../../..');

export interface FixtureProcess {
  child: ChildProcess;
  /** Resolves with the first stdout line starting with `prefix` (without the prefix). */
  lineStartingWith(prefix: string, timeoutMs?: number): Promise<string>;
  /** Resolves when the process has exited, with its exit code or the signal that ended it. */
  exited(timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

/** Runs a TypeScript fixture in a child process (compiled on the fly by @swc-node/register). */
export function runFixture(file: string, env: Record<string, string>): FixtureProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', file], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, ...env, SWC_NODE_PROJECT: path.join(REPOSITORY_ROOT, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const within = <T>(promise: Promise<T>, timeoutMs: number, what: string) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} from ${path.basename(file)}; stderr:\n${stderr}`)),
        timeoutMs,
      );
      promise.then(resolve, reject).finally(() => clearTimeout(timer));
    });

  return {
    child,
    stderr: () => stderr,
    exited: (timeoutMs = 60_000) => within(exit, timeoutMs, 'the process to exit'),
    lineStartingWith: (prefix, timeoutMs = 60_000) =>
      within(
        new Promise<string>((resolve, reject) => {
          const check = () => {
            const line = stdout.split('\n').find((candidate) => candidate.startsWith(prefix));
            if (line !== undefined) resolve(line.slice(prefix.length));
          };
          child.stdout!.on('data', check);
          exit.then(({ code, signal }) =>
            reject(new Error(`${path.basename(file)} exited (code ${code}, signal ${signal}) before printing "${prefix}"; stderr:\n${stderr}`)),
          );
          check();
        }),
        timeoutMs,
        `"${prefix}"`,
      ),
  };
}
