// A minimal Exec on node:child_process, for the credential-process fast path only. That path
// runs before every AWS CLI call and must stay under 2x a bare `node -e 0`; loading execa
// (our general runner, a 230 kB chunk) costs about 35 ms on its own here, more than half the budget
// (measured: see test/bench/credential-process.bench.mjs). Everything else uses ctx.runner.
import type { Exec } from './exec.js';

export const spawnExec: Exec = async (file, args, options = {}) => {
  // Loaded here, not at the top: the keychain path never spawns, and loading it costs ~2 ms.
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    const env = { ...process.env, ...options.env };
    const child = spawn(file, args, { env: env as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 10_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ exitCode: null, stdout, stderr, timedOut, spawnError: error.code === 'ENOENT' ? 'not found' : error.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code, stdout, stderr, timedOut });
    });
    // A program may exit without reading its stdin: ignore the broken pipe.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
};
