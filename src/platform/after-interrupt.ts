// What an interrupted program leaves behind that is not its child, and so not in its process
// group: gpg (and pass, through gpg) asks for a passphrase through gpg-agent's pinentry. The
// agent starts the pinentry, so stopping gpg leaves it drawn on the terminal, and the agent
// answers nothing else until it gives up (the next `install pass-gpg` sat silent for a minute,
// issue 11 Why 6). Stopping the agent is not enough: it exits and leaves its pinentry running.
import type { SpawnSyncReturns } from 'node:child_process';

type Env = Record<string, string | undefined>;
type RunSync = (file: string, args: readonly string[], env: Env) => Pick<SpawnSyncReturns<string>, 'stdout' | 'status'>;

const GPG_PROGRAMS = new Set(['gpg', 'gpg2', 'pass']);

/** The agent's pinentry children go, then the agent (gpg starts a new one when next needed). */
export function stopGpgHelpers(run: RunSync, env: Env, kill: (pid: number) => void): void {
  // The agent of this GNUPGHOME (the environment is the stopped program's), if one runs.
  const agent = /^D (\d+)/m.exec(run('gpg-connect-agent', ['--no-autostart', 'getinfo pid', '/bye'], env).stdout ?? '')?.[1];
  if (agent) {
    for (const line of (run('ps', ['-A', '-o', 'pid=,ppid=,comm='], env).stdout ?? '').split('\n')) {
      const [pid, ppid, comm] = line.trim().split(/\s+/);
      if (ppid === agent && /pinentry/.test(comm ?? '')) kill(Number(pid));
    }
  }
  run('gpgconf', ['--kill', 'gpg-agent'], env);
}

/** Stops what `file`, just interrupted, may have left behind. */
export async function stopHelpersOf(file: string, env: Env): Promise<void> {
  const name = file.split(/[\\/]/).pop()!.replace(/\.exe$/i, '');
  if (!GPG_PROGRAMS.has(name)) return;
  const { spawnSync } = await import('node:child_process');
  const run: RunSync = (f, args, e) => spawnSync(f, args, { env: e as NodeJS.ProcessEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5_000 });
  stopGpgHelpers(run, env, (pid) => {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Gone already.
    }
  });
}
