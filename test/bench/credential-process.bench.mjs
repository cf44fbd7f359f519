// credential-process speed: the AWS CLI runs it before every call, so it must cost at most
// 2x a bare `node -e 0` (issue 7). Measured with both stores, each holding a migrated profile:
//   pass     : the bench HOME's real gpg key and pass store
//   keychain : a private D-Bus session with gnome-keyring unlocked (skipped when not installed)
// test/bench/bench.mjs loads this module (cases/targets); run it alone for just these numbers:
//   node test/bench/credential-process.bench.mjs   (after npm run build)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CREDENTIALS = `[bench]
aws_access_key_id = ASIABENCHEXAMPLE0001
aws_secret_access_key = bench/secret/key/0000000000000000000000
aws_session_token = IQoJb3JpZ2luX2VjEBenchToken
`;

function must(r, what) {
  if (r.error || r.status !== 0) throw new Error(`${what} failed: ${r.error ?? r.stderr}`);
  return r;
}

/** A HOME with a migrated profile `bench`. */
function migrated(home, env, node, cli, store) {
  mkdirSync(join(home, '.aws'), { recursive: true });
  writeFileSync(join(home, '.aws', 'credentials'), CREDENTIALS, { mode: 0o600 });
  must(spawnSync(node, [cli, 'credentials', 'migrate', '--profile', 'bench', '--store', store, '--yes'], { env: { ...env, HOME: home }, encoding: 'utf8' }), `migrate --store ${store}`);
  must(spawnSync(node, [cli, 'credential-process', '--profile', 'bench'], { env: { ...env, HOME: home }, encoding: 'utf8' }), `credential-process (${store})`);
}

/** A D-Bus session bus with an unlocked gnome-keyring, alive until this process exits. */
function keyringSession(env) {
  if (!existsSync('/usr/bin/dbus-daemon') || !existsSync('/usr/bin/gnome-keyring-daemon')) return undefined;
  const bus = must(spawnSync('dbus-daemon', ['--session', '--fork', '--print-address=1', '--print-pid=1'], { env, encoding: 'utf8' }), 'dbus-daemon');
  const [address, pid] = bus.stdout.trim().split('\n');
  const busEnv = { ...env, DBUS_SESSION_BUS_ADDRESS: address };
  const keyring = must(spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], { env: busEnv, input: 'bench', encoding: 'utf8' }), 'gnome-keyring-daemon');
  const keyringPid = /GNOME_KEYRING_PID=(\d+)/.exec(keyring.stdout)?.[1];
  process.on('exit', () => {
    for (const p of [keyringPid, pid]) if (p) try { process.kill(Number(p)); } catch { /* already gone */ }
  });
  return address;
}

/** Filled by cases(): a target only for a case that could be set up here. */
export const targets = [];

export function cases({ env, node, cli, home }) {
  const out = {};
  migrated(home, env, node, cli, 'pass');
  out['credential-process (pass)'] = [node, cli, 'credential-process', '--profile', 'bench'];
  targets.push({ name: 'credential-process (pass)', base: 'node -e 0', max: 2 });
  const address = keyringSession(env);
  if (address) {
    const kcHome = join(home, 'keychain-home');
    mkdirSync(kcHome);
    migrated(kcHome, { ...env, DBUS_SESSION_BUS_ADDRESS: address }, node, cli, 'keychain');
    // `env` sets this case's HOME and bus: about 1 ms of exec, counted against us.
    out['credential-process (keychain)'] = ['env', `HOME=${kcHome}`, `DBUS_SESSION_BUS_ADDRESS=${address}`, node, cli, 'credential-process', '--profile', 'bench'];
    targets.push({ name: 'credential-process (keychain)', base: 'node -e 0', max: 2 });
  }
  return out;
}

// Standalone: the same cases beside `node -e 0`, in a throwaway HOME with its own gpg key.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const cli = process.env.DUO_SSO_SETUP_TEST_CLI ?? join(repo, 'dist', 'cli.js');
  const node = process.execPath;
  const home = mkdtempSync(join(tmpdir(), 'duo-sso-setup-bench-cp-'));
  const env = { HOME: home, GNUPGHOME: join(home, '.gnupg'), PASSWORD_STORE_DIR: join(home, '.password-store'), PATH: '/usr/local/bin:/usr/bin:/bin', LANG: 'C.UTF-8' };
  mkdirSync(env.GNUPGHOME, { mode: 0o700 });
  must(spawnSync('gpg', ['--batch', '--pinentry-mode', 'loopback', '--passphrase', '', '--quick-gen-key', 'Bench <bench@example.com>', 'future-default', 'default', 'never'], { env, encoding: 'utf8' }), 'gpg key');
  const fpr = /^fpr:+([0-9A-F]{40}):/m.exec(spawnSync('gpg', ['--batch', '--list-secret-keys', '--with-colons'], { env, encoding: 'utf8' }).stdout)?.[1];
  must(spawnSync('pass', ['init', fpr], { env, encoding: 'utf8' }), 'pass init');
  const all = { 'node -e 0': [node, '-e', '0'], ...cases({ env, node, cli, home }) };
  const runs = Number(process.env.BENCH_RUNS ?? 15);
  const samples = Object.fromEntries(Object.keys(all).map((k) => [k, []]));
  const time = (argv) => {
    const t = process.hrtime.bigint();
    spawnSync(argv[0], argv.slice(1), { env, stdio: 'ignore' });
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  for (const argv of Object.values(all)) time(argv);
  for (let i = 0; i < runs; i++) for (const [name, argv] of Object.entries(all)) samples[name].push(time(argv));
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const base = median(samples['node -e 0']);
  console.log(`median of ${runs} interleaved runs (ms):`);
  let failed = 0;
  for (const [name, xs] of Object.entries(samples)) {
    const m = median(xs);
    const target = targets.find((t) => t.name === name);
    const verdict = target ? `${(m / base).toFixed(2)}× (target ≤ ${target.max}×) ${m / base <= target.max ? 'PASS' : 'FAIL'}` : '';
    if (target && m / base > target.max) failed++;
    console.log(`  ${name.padEnd(32)} ${m.toFixed(1).padStart(7)}  ${verdict}`);
  }
  spawnSync('gpgconf', ['--kill', 'all'], { env });
  rmSync(home, { recursive: true, force: true });
  process.exitCode = failed ? 1 : 0;
}
