// Startup and doctor benchmarks, measured side by side in one run (interleaved, so machine
// load affects every command alike) and reported as ratios of medians:
//   --version / --help      vs bare `node -e 0`          target ≤ 1.3×
//   doctor --json           vs its slowest probe          target ≤ 1.5×
// Extra benchmarks (e.g. credential-process) live beside this file as *.bench.mjs modules
// exporting `cases(env)` and `targets`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
// DUO_SSO_SETUP_TEST_CLI picks another build (dist-NAME/cli.js), as the tests do.
const cli = process.env.DUO_SSO_SETUP_TEST_CLI ? resolve(process.env.DUO_SSO_SETUP_TEST_CLI) : join(repo, 'dist', 'cli.js');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const node = process.execPath;

const home = mkdtempSync(join(tmpdir(), 'duo-sso-setup-bench-'));
const env = {
  HOME: home,
  GNUPGHOME: join(home, '.gnupg'),
  PASSWORD_STORE_DIR: join(home, '.password-store'),
  // The system PATH only: Debian's AWS CLI v2, gpg and pass; no pyenv shim.
  PATH: '/usr/local/bin:/usr/bin:/bin',
  LANG: 'C.UTF-8',
};

function sh(file, args, opts = {}) {
  const r = spawnSync(file, args, { env, encoding: 'utf8', ...opts });
  if (r.error) throw r.error;
  return r;
}

// A machine in good shape: a gpg key and an initialised pass store, so every probe runs.
sh('mkdir', ['-m', '700', '-p', env.GNUPGHOME]);
sh('gpg', ['--batch', '--pinentry-mode', 'loopback', '--passphrase', '', '--quick-gen-key', 'Bench <bench@example.com>', 'future-default', 'default', 'never']);
const fpr = /^fpr:+([0-9A-F]{40}):/m.exec(sh('gpg', ['--batch', '--list-secret-keys', '--with-colons']).stdout)?.[1];
sh('pass', ['init', fpr]);

function time(argv) {
  const started = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error) throw r.error;
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const cases = {
  'node -e 0': [node, '-e', '0'],
  '--version': [node, cli, '--version'],
  '--help': [node, cli, '--help'],
  'doctor --json': [node, cli, 'doctor', '--json'],
  // The doctor's probes, each alone.
  'probe: aws --version': ['aws', '--version'],
  'probe: gpg --list-secret-keys': ['gpg', '--batch', '--list-secret-keys', '--with-colons', '--fixed-list-mode'],
};
const targets = [
  { name: '--version', base: 'node -e 0', max: 1.3 },
  { name: '--help', base: 'node -e 0', max: 1.3 },
  { name: 'doctor --json', base: 'slowest probe', max: 1.5 },
];

for (const file of readdirSync(here).filter((f) => f.endsWith('.bench.mjs'))) {
  const mod = await import(pathToFileURL(join(here, file)).href);
  Object.assign(cases, mod.cases({ env, node, cli, home }));
  targets.push(...mod.targets);
}

const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (const argv of Object.values(cases)) time(argv); // warm caches
for (let i = 0; i < runs; i++) for (const [name, argv] of Object.entries(cases)) samples[name].push(time(argv));

const medians = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
const probes = Object.keys(medians).filter((k) => k.startsWith('probe: '));
const slowest = probes.reduce((a, b) => (medians[a] >= medians[b] ? a : b));
medians['slowest probe'] = medians[slowest];

console.log(`median of ${runs} interleaved runs (ms):`);
for (const [name, ms] of Object.entries(medians)) if (name !== 'slowest probe') console.log(`  ${name.padEnd(34)} ${ms.toFixed(1)}`);
console.log(`slowest probe: ${slowest.slice(7)}`);
let failed = 0;
for (const t of targets) {
  const ratio = medians[t.name] / medians[t.base];
  const ok = ratio <= t.max;
  if (!ok) failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${t.name} / ${t.base} = ${ratio.toFixed(2)}× (target ≤ ${t.max}×)`);
}
spawnSync('gpgconf', ['--kill', 'all'], { env });
if (existsSync(home)) rmSync(home, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;
