// A minimal Exec on node:child_process, for the credential-process fast path only. That path
// runs before every AWS CLI call and must stay under 2x a bare `node -e 0`; loading execa
// (our general runner, a 230 kB chunk) costs about 35 ms on its own here, more than half the budget
// (measured: see test/bench/credential-process.bench.mjs). Everything else uses ctx.runner.
import type { Exec } from './exec.js';
import { KILL_GRACE_MS, terminateGroup, trackGroup } from '../platform/process-group.js';

export const spawnExec: Exec = async (file, args, options = {}) => {
  // Loaded here, not at the top: the keychain path never spawns, and loading it costs ~2 ms.
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    const env = { ...process.env, ...options.env };
    // A group of its own: pass is a script around gpg, and a timeout must stop both (process-group.ts).
    const child = spawn(file, args, { env: env as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true, detached: true });
    const group = child.pid === undefined ? undefined : trackGroup(child.pid);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const closePipes = () => {
      child.stdout.destroy();
      child.stderr.destroy();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) terminateGroup(child.pid);
      // Something in the group may hold the pipes open past its death: stop waiting for them.
      setTimeout(closePipes, KILL_GRACE_MS + 500).unref();
    }, options.timeoutMs ?? 10_000);
    child.on('exit', () => setTimeout(closePipes, 500).unref());
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ exitCode: null, stdout, stderr, timedOut, spawnError: error.code === 'ENOENT' ? 'not found' : error.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      group?.release();
      resolve({ exitCode: code, stdout, stderr, timedOut });
    });
    // A program may exit without reading its stdin: ignore the broken pipe.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
};
