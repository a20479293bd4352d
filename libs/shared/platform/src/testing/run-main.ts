import { spawn } from 'node:child_process';
import path from 'node:path';

const REPOSITORY_ROOT = path.resolve(__dirname, '../../../../..');

export interface ExitResult {
  code: number | null;
  stderr: string;
  stdout: string;
}

/**
 * Runs a service's real entry point (`apps/<app>/src/main.ts`, compiled on the fly) with exactly `env`
 * (plus PATH), to see how it starts or refuses to.
 */
export function runMain(mainFile: string, env: Record<string, string>, timeoutMs = 60_000): Promise<ExitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(REPOSITORY_ROOT, mainFile)], {
      cwd: REPOSITORY_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        SWC_NODE_PROJECT: path.join(REPOSITORY_ROOT, 'tsconfig.json'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${mainFile} did not exit within ${timeoutMs} ms; stderr:\n${stderr}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

/**
 * Asserts that the service's real entry point refuses a bad setting the way operators rely on: exit
 * code 78 (EX_CONFIG) and one line on stderr naming the setting, before connecting to anything.
 */
export function describeBadConfig(service: string, mainFile: string, cases: { env: Record<string, string>; line: string }[]): void {
  describe('bad configuration', () => {
    it.each(cases)('stops at once with one line: $line', async ({ env, line }) => {
      const result = await runMain(mainFile, env);
      expect(result.code).toBe(78);
      expect(result.stderr).toBe(`${service}: invalid configuration: ${line}\n`);
    });
  });
}
