// A real Linux Secret Service for black-box tests: a private D-Bus session bus with
// gnome-keyring-daemon unlocked on it, the same stack a GNOME desktop session runs. The
// keyring lives under the sandbox HOME and dies with the bus, so a scenario (several CLI
// runs, aws calls, assertions in between) must run while one session is up: start() it,
// pass `env` to every run, stop() at the end.
import { spawnSync } from 'node:child_process';
import { systemTool, type Sandbox } from './sandbox.js';

export interface KeyringSession {
  /** DBUS_SESSION_BUS_ADDRESS for every process that should see the keyring. */
  env: { DBUS_SESSION_BUS_ADDRESS: string };
  stop(): void;
}

export function keyringAvailable(): boolean {
  return Boolean(systemTool('dbus-daemon') && systemTool('gnome-keyring-daemon'));
}

/** Starts the bus and the keyring (unlocked with `password`, created on first use). */
export function startKeyringSession(box: Sandbox, opts: { unlock?: boolean; password?: string } = {}): KeyringSession {
  const env = { ...box.env };
  const bus = spawnSync(systemTool('dbus-daemon')!, ['--session', '--fork', '--print-address=1', '--print-pid=1'], { env, encoding: 'utf8' });
  if (bus.status !== 0) throw new Error(`dbus-daemon failed: ${bus.stderr}`);
  const [address, pid] = bus.stdout.trim().split('\n');
  const stop = () => {
    // gnome-keyring-daemon exits when its bus goes away.
    try {
      process.kill(Number(pid));
    } catch { /* already gone */ }
  };
  if (opts.unlock !== false) {
    const keyring = spawnSync(systemTool('gnome-keyring-daemon')!, ['--unlock', '--components=secrets'], {
      env: { ...env, DBUS_SESSION_BUS_ADDRESS: address! },
      input: opts.password ?? 'sandbox-keyring-password',
      encoding: 'utf8',
    });
    if (keyring.status !== 0) {
      stop();
      throw new Error(`gnome-keyring-daemon failed: ${keyring.stderr}`);
    }
  }
  return { env: { DBUS_SESSION_BUS_ADDRESS: address! }, stop };
}
