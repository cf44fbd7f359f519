// Stand-in for Homebrew's `brew` (macOS / Linuxbrew), for tests only. It keeps taps,
// installed formulae and the tap's upstream in a JSON state file, logs every invocation,
// and reproduces the failures the upgrade ladder exists for:
// - a broken tap: upgrade/install fail, `tap --repair` does not help, untap refuses while a
//   formula from it is installed, untap + re-tap with the right URL fixes it;
// - a stale index: "No available formula" until `brew update`;
// - Homebrew 6 tap trust: unqualified install/upgrade refused, the fully qualified name works;
// - injected failures of any subcommand (`fail: { "untap": "message" }`).
// Installing duo-sso writes PREFIX/bin/duo-sso, a sh script printing `duo-sso vX.Y.Z`.
import { appendFileSync, chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.FAKE_BREW_DIR;
if (!dir) {
  process.stderr.write('fake brew: FAKE_BREW_DIR is not set\n');
  process.exit(99);
}
const statePath = join(dir, 'state.json');
const state = JSON.parse(readFileSync(statePath, 'utf8'));
const args = process.argv.slice(2);
appendFileSync(join(dir, 'log.jsonl'), `${JSON.stringify(args)}\n`);

const out = (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`);
const err = (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`);
const save = () => writeFileSync(statePath, `${JSON.stringify(state, null, 2)}\n`);
function die(message, code = 1) {
  err(message);
  process.exit(code);
}

const norm = (tap) => {
  const [user = '', repo = ''] = tap.toLowerCase().split('/');
  return `${user}/${repo.replace(/^homebrew-/, '')}`;
};
const cmp = (a, b) => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) < (pb[i] ?? 0) ? -1 : 1;
  return 0;
};
const TAP = norm(state.upstream.tap);
const FORMULA = state.upstream.formula;

// Failure injection: the most specific key wins ("tap --repair" before "tap").
for (const key of [args.slice(0, 2).join(' '), args[0]]) {
  if (key && state.fail?.[key] !== undefined) die(state.fail[key]);
}

/** "duo-sso", "ats-operations/homebrew-tap/duo-sso" or "ats-operations/tap/duo-sso" → { tap, qualified }. */
function resolve(name) {
  const parts = name.split('/');
  if (parts.length === 3) return { tap: norm(`${parts[0]}/${parts[1]}`), formula: parts[2], qualified: true };
  return { tap: TAP, formula: name, qualified: false };
}
const noFormula = (name) => die(`Warning: No available formula with the name "${name}".\n==> Searching for similarly named formulae...\nError: No formulae or casks found for ${name}.`);

function writeBinary(version) {
  const bin = join(state.prefix, 'bin');
  mkdirSync(bin, { recursive: true });
  const file = join(bin, FORMULA);
  // `brokenBinaryVersion`: what a mislinked/old keg would print instead.
  writeFileSync(file, `#!/bin/sh\n# fake duo-sso installed by the fake brew\necho "duo-sso v${state.brokenBinaryVersion ?? version}"\n`);
  chmodSync(file, 0o755);
}

/** Checks shared by install and upgrade; returns the tap entry. */
function usableTap(name) {
  const { tap, formula, qualified } = resolve(name);
  const entry = state.taps[tap];
  if (formula !== FORMULA || !entry) noFormula(name);
  if (state.trustRequired && !qualified && !entry.trusted) {
    die(`Error: Refusing to load ${tap}/${formula}: the tap ${tap} is not trusted.\nHomebrew 6 requires trust for third-party taps. Either:\n  brew trust ${tap}\nor install by the fully qualified name:\n  brew install ${tap}/${formula}`);
  }
  if (entry.broken) {
    die(`Error: ${formula}: Failed to load formula from tap ${tap}.\nfatal: couldn't find remote ref refs/heads/master\nError: Failure while executing; \`git -C ${tapPath(tap)} fetch --force origin\` exited with 128.`);
  }
  if (entry.index === null) noFormula(name);
  return entry;
}

function tapPath(tap) {
  const [user, repo] = tap.split('/');
  return join(state.prefix, 'Library', 'Taps', user, `homebrew-${repo}`);
}

function infoJson(name) {
  const { tap, formula } = resolve(name);
  const entry = state.taps[tap];
  const inst = state.installed[formula];
  if (formula !== FORMULA || !entry || entry.index === null) noFormula(name);
  return {
    formulae: [{
      name: formula,
      full_name: `${tap}/${formula}`,
      tap,
      versions: { stable: entry.index, head: null, bottle: false },
      installed: inst ? [{ version: inst.version, installed_on_request: true }] : [],
      outdated: Boolean(inst && cmp(inst.version, entry.index) < 0),
    }],
    casks: [],
  };
}

const [cmd, ...rest] = args;
switch (cmd) {
  case '--version':
    out(`Homebrew ${state.homebrewVersion}`);
    break;
  case '--prefix':
    out(rest[0] ? join(state.prefix, 'opt', rest[0]) : state.prefix);
    break;
  case '--repository':
    out(rest[0] ? tapPath(norm(rest[0])) : join(state.prefix, 'Homebrew'));
    break;
  case 'list': {
    const names = rest.filter((a) => !a.startsWith('-'));
    const wanted = names.length ? names : Object.keys(state.installed);
    let missing = false;
    for (const n of wanted) {
      const inst = state.installed[n];
      if (inst) out(`${n} ${inst.version}`);
      else missing = true;
    }
    if (missing) process.exit(1);
    break;
  }
  case 'info':
    out(JSON.stringify(infoJson(rest.find((a) => !a.startsWith('-')))));
    break;
  case 'outdated': {
    const list = Object.entries(state.installed)
      .filter(([, inst]) => state.taps[inst.tap]?.index && cmp(inst.version, state.taps[inst.tap].index) < 0)
      .map(([n, inst]) => ({ name: n, installed_versions: [inst.version], current_version: state.taps[inst.tap].index, pinned: false }));
    out(JSON.stringify({ formulae: list, casks: [] }));
    break;
  }
  case 'tap-info': {
    const name = rest.find((a) => !a.startsWith('-'));
    const tap = norm(name);
    const entry = state.taps[tap];
    out(JSON.stringify([{ name: tap, user: tap.split('/')[0], repo: tap.split('/')[1], path: tapPath(tap), installed: Boolean(entry), official: false, formula_names: entry ? [`${tap}/${FORMULA}`] : [], remote: entry?.remote ?? null, custom_remote: Boolean(entry) }]));
    break;
  }
  case 'tap': {
    if (rest[0] === '--repair') {
      // Fixes symlinks and renamed default branches: not what breaks this tap.
      break;
    }
    if (rest.length === 0) {
      for (const t of Object.keys(state.taps)) out(t);
      break;
    }
    const tap = norm(rest[0]);
    const url = rest[1] ?? `https://github.com/${tap.split('/')[0]}/homebrew-${tap.split('/')[1]}`;
    if (state.taps[tap]) {
      if (state.taps[tap].remote !== url) die(`Error: Tap ${tap} remote mismatch: ${state.taps[tap].remote} != ${url}`);
      err(`Warning: Tap ${tap} already tapped.`);
      break;
    }
    if (url !== state.upstream.url) {
      die(`==> Tapping ${tap}\nCloning into '${tapPath(tap)}'...\nremote: Repository not found.\nfatal: repository '${url}/' not found\nError: Failure while executing; \`git clone ${url} ${tapPath(tap)}\` exited with 128.`);
    }
    state.taps[tap] = { remote: url, broken: false, index: state.staleAfterTap ? null : state.upstream.version, trusted: false };
    save();
    out(`==> Tapping ${tap}\nCloning into '${tapPath(tap)}'...\nTapped 1 formula (14 files, 31.2KB).`);
    break;
  }
  case 'untap': {
    const tap = norm(rest.filter((a) => !a.startsWith('-'))[0]);
    const force = rest.includes('--force') || rest.includes('-f');
    if (!state.taps[tap]) die(`Error: No available tap ${tap}.`);
    const from = Object.entries(state.installed).filter(([, i]) => i.tap === tap).map(([n]) => n);
    if (from.length && !force) die(`Error: Refusing to untap ${tap} because it contains the following installed formulae:\n${from.join('\n')}`);
    delete state.taps[tap];
    save();
    out(`Untapping ${tap}...\nUntapped 1 formula (14 files, 31.2KB).`);
    break;
  }
  case 'cleanup':
    out(state.cleanupOutput ?? '');
    break;
  case 'update': {
    const broken = Object.entries(state.taps).filter(([, t]) => t.broken).map(([n]) => n);
    for (const t of Object.values(state.taps)) if (!t.broken) t.index = state.upstream.version;
    save();
    if (broken.length) die(`Error: Fetching ${broken.join(', ')} failed!`);
    out(`==> Updated Homebrew from 4.4.0 to ${state.homebrewVersion}.\nUpdated 1 tap (${Object.keys(state.taps).join(', ')}).`);
    break;
  }
  case 'install': {
    const name = rest.find((a) => !a.startsWith('-'));
    const entry = usableTap(name);
    const { tap, formula } = resolve(name);
    if (state.installed[formula]) {
      err(`Warning: ${formula} ${state.installed[formula].version} is already installed and up-to-date.`);
      break;
    }
    state.installed[formula] = { version: entry.index, tap };
    writeBinary(entry.index);
    save();
    out(`==> Fetching ${tap}/${formula}\n==> Installing ${formula} from ${tap}\n${join(state.prefix, 'Cellar', formula, entry.index)}: 3 files, 9.8MB, built in 1 second`);
    break;
  }
  case 'upgrade': {
    const name = rest.find((a) => !a.startsWith('-'));
    const entry = usableTap(name);
    const { formula } = resolve(name);
    const inst = state.installed[formula];
    if (!inst) die(`Error: ${formula} not installed`);
    if (state.upgradeIsNoop || cmp(inst.version, entry.index) >= 0) {
      err(`Warning: ${formula} ${inst.version} already installed`);
      break;
    }
    out(`==> Upgrading 1 outdated package:\n${formula} ${inst.version} -> ${entry.index}`);
    inst.version = entry.index;
    writeBinary(entry.index);
    save();
    break;
  }
  case 'uninstall': {
    const formula = rest.find((a) => !a.startsWith('-'));
    if (!state.installed[formula]) die(`Error: No such keg: ${join(state.prefix, 'Cellar', formula)}`);
    const version = state.installed[formula].version;
    delete state.installed[formula];
    rmSync(join(state.prefix, 'bin', formula), { force: true });
    save();
    out(`Uninstalling ${join(state.prefix, 'Cellar', formula, version)}... (3 files, 9.8MB)`);
    break;
  }
  case 'trust': {
    const tap = norm(rest[0]);
    if (!state.taps[tap]) die(`Error: No available tap ${tap}.`);
    state.taps[tap].trusted = true;
    save();
    break;
  }
  default:
    die(`Error: Unknown command: ${cmd}`);
}
