// Tools that hang, with children (issue 15 item 3): every tool we run is a `#!/bin/sh`
// wrapper whose `sleep` child holds its pipes, as pass does around gpg. Stopped by SIGTERM
// (what `timeout 120 duo-sso-setup …` sends) or by its own timeouts, each command ends within
// a bound and leaves no process behind (found by a marker in the sleep's argv, via /proc).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, DENO, type Runtime, type Sandbox, sandboxPerTest } from '../support/sandbox.js';
import { leftoverProcesses, settledLeftovers } from '../support/pty.js';

const sandbox = sandboxPerTest();

const TOOLS = ['gpg', 'gpg2', 'pass', 'aws', 'duo-sso', 'brew', 'apt-cache', 'pip', 'pip3', 'python3'] as const;

/** A unique sleep length is the marker: GNU sleep sums its arguments. */
const newMarker = (): string => `0.${Date.now()}${Math.floor(Math.random() * 1e6)}`;

async function hangingMachine(marker: string): Promise<Sandbox> {
  const box = await sandbox();
  for (const tool of TOOLS) {
    // The wrapper ignores nothing; its child ignores SIGTERM, so only SIGKILL to the group stops it.
    // It notes that it started (a file): on a loaded machine a scan of /proc can miss a short hang.
    await box.addScript(tool, `#!/bin/sh\ntouch ${box.root}/tool-started\n(trap '' TERM; exec sleep 300 ${marker})\necho done\n`);
  }
  await box.write('.config/duo-sso/config.json', JSON.stringify({
    url: 'https://cloudsso.cisco.com',
    profiles: { dev: { aws_account_id: '222222222222', aws_role_name: 'admin' } },
  }));
  await box.write('.aws/config', `[profile dev]\ncredential_process = ${process.execPath} ${CLI} credential-process --profile dev\n`);
  // A whole state file, as we write it: a partial one is moved aside as damaged (state validation).
  await box.write('.config/duo-sso-setup/state.json', JSON.stringify({
    version: 1, productionProfiles: [], durations: {}, roles: {},
    secretStore: 'pass',
    storedProfiles: ['dev'],
    storedCredentials: { dev: { store: 'pass', storedAt: new Date().toISOString(), expirationSource: 'login' } },
  }));
  await box.write('.password-store/.gpg-id', 'test@example.com\n');
  await box.write('.password-store/duo-sso-setup/aws/dev.gpg', 'not really encrypted');
  return box;
}

interface Ended {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  stderr: string;
  stdout: string;
  /** Marker processes seen while the command ran. */
  hung: number;
}

/** Runs the CLI; once a marker process exists (the command is waiting on a hung tool), sends `signal`. */
function runAndSignal(box: Sandbox, args: string[], opts: { runtime: Runtime; marker: string; signal?: NodeJS.Signals; limitMs: number }): Promise<Ended> {
  const [file, ...pre] = opts.runtime === 'node' ? [process.execPath, CLI] : [DENO, 'run', '-A', CLI];
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(file!, [...pre, ...args], { env: box.env, cwd: box.home, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let hung = 0;
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    const poll = setInterval(() => {
      void leftoverProcesses(opts.marker).then((found) => {
        const started = found.length > 0 || existsSync(join(box.root, 'tool-started'));
        if (!started || hung) return;
        hung = Math.max(found.length, 1);
        if (opts.signal) setTimeout(() => child.kill(opts.signal), 300);
      });
    }, 200);
    const guard = setTimeout(() => child.kill('SIGKILL'), opts.limitMs + 60_000);
    child.on('close', (exitCode, signal) => {
      clearInterval(poll);
      clearTimeout(guard);
      resolve({ exitCode, signal, ms: Date.now() - t0, stderr, stdout, hung });
    });
  });
}

const COMMANDS: { args: string[] }[] = [
  { args: ['credential-process', '--profile', 'dev', '--store', 'pass'] },
  { args: ['status', '--verify'] },
  { args: ['credentials', 'restore', '--profile', 'dev', '--yes', '--store', 'pass'] },
  { args: ['upgrade', '--check'] },
  { args: ['login', '--yes', '--profile', 'dev'] },
  { args: ['doctor'] },
];

describe.each<Runtime>(['node', 'deno'])('hanging wrapper tools under %s', (runtime) => {
  for (const { args } of COMMANDS) {
    it(`${args.join(' ')}: SIGTERM ends it with 143, no process left behind`, async () => {
      const marker = newMarker();
      const box = await hangingMachine(marker);
      // Generous: the machine is loaded. Without the group kill it waits for sleep 300.
      const r = await runAndSignal(box, args, { runtime, marker, signal: 'SIGTERM', limitMs: 20_000 });
      expect(r.hung, `never reached a hung tool: ${r.stderr}`).toBeGreaterThan(0);
      expect(r.ms).toBeLessThan(20_000);
      expect(r.exitCode, r.stderr).toBe(143);
      expect(await settledLeftovers(marker)).toEqual([]);
    }, 120_000);
  }
});

// Its own timeout, no signal: doctor --timeout bounds the run, and the children it gave up on
// go with us. (The other commands' tool timeouts add up to minutes; SIGTERM above covers them.)
describe.each<Runtime>(['node', 'deno'])('hanging wrapper tools time out under %s', (runtime) => {
  for (const { args, limitMs } of [{ args: ['doctor', '--timeout', '3'], limitMs: 3_000 }]) {
    it(`${args.join(' ')} ends within its timeouts, no process left behind`, async () => {
      const marker = newMarker();
      const box = await hangingMachine(marker);
      const r = await runAndSignal(box, args, { runtime, marker, limitMs });
      expect(r.hung, `never reached a hung tool: ${r.stderr}`).toBeGreaterThan(0);
      // + 2 s as the issue asks, and generous slack for a loaded machine (Deno starts slower).
      expect(r.ms, r.stderr).toBeLessThan(limitMs + 2_000 + 10_000);
      expect(r.exitCode, r.stderr).toBe(1);
      expect(await settledLeftovers(marker)).toEqual([]);
    }, 120_000);
  }
});

// Bounded as a whole (issue 20 Build 6): with every external tool hanging and no signal and no
// --timeout, the whole command ends within 30 s: checks run concurrently, and a tool that timed
// out once is not asked again in the same run. Nothing of ours is left running.
const WHOLE_LIMIT_MS = 30_000;
describe.each<Runtime>(['node', 'deno'])('every tool hanging, bounded as a whole under %s', (runtime) => {
  for (const args of [['upgrade', '--check'], ['doctor'], ['setup', '--dry-run']]) {
    it(`${args.join(' ')} ends within ${WHOLE_LIMIT_MS / 1000} s and names the tools that hang; no process left`, async () => {
      const marker = newMarker();
      const box = await hangingMachine(marker);
      const r = await runAndSignal(box, args, { runtime, marker, limitMs: WHOLE_LIMIT_MS });
      expect(r.hung, `never reached a hung tool: ${r.stderr}`).toBeGreaterThan(0);
      expect(r.ms, r.stderr).toBeLessThan(WHOLE_LIMIT_MS);
      expect(r.signal).toBeNull();
      expect(`${r.stdout}${r.stderr}`).toMatch(/hangs?\b|timed out/);
      expect(await settledLeftovers(marker)).toEqual([]);
    }, 180_000);
  }
});
