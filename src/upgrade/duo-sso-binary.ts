// Upgrading a duo-sso that was installed as a release binary (Linux, Windows): fetch the
// new release (or --from), check its SHA-256, replace the binary atomically while keeping
// the old one as `duo-sso.previous`, and prove the new one runs; if it does not, put the
// previous one back.
import { appliedPolicy, readPolicy } from '../policy/read.js';
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, realpath, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { PlatformFacts } from '../platform/facts.js';
import { findFirst } from '../platform/facts.js';
import { output, succeeded, type RunResult } from '../platform/process.js';
import { compareVersions, parseVersion } from '../parsers/tool-version.js';
import { HEADER_BYTES, checkExecutable } from '../parsers/executable-format.js';
import { readHead } from '../fs/read-head.js';
import { safeWrite } from '../fs/safe-write.js';
import { download, DownloadError } from '../net/download.js';
import { shellQuote } from '../ui/style.js';
import type { UpgradeDeps, Mode } from './duo-sso-brew.js';
import type { ComponentReport, PlanStep, StepLog } from './report.js';
import { latestVersion, MAX_DOWNLOAD_BYTES, releaseSource } from '../release/release-source.js';
import { checkReleaseKey, keyLabel, signedChecksum } from '../net/release-verify.js';
import { isUrl } from '../net/download.js';
import { DUO_SSO_RELEASE_KEYS } from '../release/keys/duo-sso-release.js';
import { fetchDirectly } from './latest-cache.js';

export interface BinaryUpgradeOptions {
  mode: Mode;
  from?: string | undefined;
  sha256?: string | undefined;
  allowUnverified?: boolean | undefined;
  releaseKey?: string | undefined;
}

export function previousPath(target: string): string {
  return `${target}.previous`;
}

export function binaryPlan(source: string, target: string, checksum: string): PlanStep[] {
  return [
    { phase: 'upgrade', title: `Download ${source}`, command: [] },
    { phase: 'upgrade', title: `Check its SHA-256 (${checksum})`, command: [] },
    { phase: 'upgrade', title: `Keep the current binary as ${previousPath(target)}`, command: [] },
    { phase: 'upgrade', title: `Replace ${target} atomically`, command: [] },
    { phase: 'upgrade', title: 'Check the new version', command: [target, '--version'] },
    { phase: 'repair', title: `If it does not run: put ${previousPath(target)} back`, command: [] },
  ];
}

function firstLine(r: RunResult): string {
  return r.spawnError ?? (r.timedOut ? 'timed out' : output(r).split('\n')[0] || `exit ${r.exitCode}`);
}

export async function upgradeDuoSsoBinary(
  deps: UpgradeDeps & { platform: () => Promise<PlatformFacts> },
  opts: BinaryUpgradeOptions,
): Promise<ComponentReport> {
  const facts = await deps.platform();
  const names = facts.os === 'win32' ? ['duo-sso', 'duo-sso_windows_amd64'] : ['duo-sso'];
  const onPath = names.map((n) => findFirst(n, deps.env)).find(Boolean);
  const base = { component: 'duo-sso' as const, method: 'binary' };
  // Replace the file itself, not a symlink pointing at it.
  const target = onPath ? await realpath(onPath).catch(() => onPath) : undefined;
  if (!target) {
    return { ...base, status: 'skipped', summary: 'duo-sso is not installed, so there is nothing to upgrade', next: { advice: 'Install it:', commands: [['duo-sso-setup', 'install', 'duo-sso']] } };
  }
  const before = parseVersion(output(await deps.runner.run(target, ['--version'], { timeoutMs: 10_000 })));
  const src = releaseSource(deps.env, facts.os, facts.arch, opts.from, appliedPolicy(await readPolicy(deps.paths))?.releaseUrl);
  const folder = src.folder;
  const latest = folder ? await (deps.latest ?? fetchDirectly)(`duo-sso-release:${folder}`, () => latestVersion(folder)) : undefined;
  const report = { ...base, from: before, to: latest };
  if (!opts.from && latest && before && compareVersions(before, latest) >= 0) {
    return { ...report, status: 'current', summary: `duo-sso ${before} is current (newest release ${latest})` };
  }
  const wanted = `${before ?? '?'} → ${opts.from ? opts.from : latest ?? 'newest release'}`;
  if (opts.mode === 'check') {
    return { ...report, status: latest ? 'planned' : 'skipped', summary: latest ? `duo-sso ${wanted} available` : `duo-sso ${before ?? '?'}; could not learn the newest release from ${src.folder ?? src.source}` };
  }
  const trust = upgradeTrust(opts, src.folder);
  const retry = ['duo-sso-setup', 'upgrade', 'duo-sso', ...(opts.from ? ['--from', opts.from] : [])];
  const refusal = (why: string): ComponentReport => ({
    ...report, status: 'failed', summary: `refusing to upgrade to a duo-sso nothing verifies (${why}); nothing was changed`,
    next: { advice: 'Get the SHA-256 from the release page and pass it, or (not recommended) upgrade unchecked:', commands: [[...retry, '--sha256', 'HEX'], [...retry, '--allow-unverified']] },
  });
  // Fail closed before anything is downloaded, even for the plan: a plan that cannot run is a refusal.
  // A dry run shows that refusal as its plan and succeeds, as `install --dry-run` does: it did
  // what was asked (confirmation.md: "--dry-run shows the plan and changes nothing (exit 0)").
  if (trust.kind === 'unverifiable') {
    return opts.mode === 'plan'
      ? { ...refusal(trust.why), status: 'planned', summary: `a real run would refuse to upgrade to a duo-sso nothing verifies (${trust.why}); nothing was changed` }
      : refusal(trust.why);
  }
  const planned: ComponentReport = { ...report, status: 'planned', summary: `would upgrade duo-sso ${wanted} at ${target}`, plan: binaryPlan(src.source, target, trust.label) };
  if (opts.mode === 'plan' || !(await deps.approve(`Upgrade duo-sso ${wanted} at ${target}?`))) return planned;

  const reporter = await deps.reporter();
  const steps: StepLog[] = [];
  const fail = (summary: string, advice: string, commands: string[][] = []): ComponentReport =>
    ({ ...report, status: 'failed', summary, steps, failedStep: steps.at(-1), next: { advice, commands } });
  const work = await mkdtemp(join(tmpdir(), 'duo-sso-upgrade-'));
  try {
    // 1. Fetch and verify, before anything is touched.
    let h = await reporter.step(`Download ${src.source}`);
    let got;
    try {
      got = await download(src.source, join(work, src.asset), { maxBytes: MAX_DOWNLOAD_BYTES });
    } catch (error) {
      const why = error instanceof DownloadError ? error.message : String(error);
      steps.push({ rung: 'download', command: src.source, exitCode: null, outcome: 'failed', output: why, note: why });
      await h.end('fail', why);
      return fail(`could not fetch ${src.source}: ${why}; nothing was changed`, 'Check the network (VPN) and the URL, or download the binary yourself and pass it with --from FILE --sha256 HEX.');
    }
    await h.end('ok', `${got.bytes} bytes`);
    steps.push({ rung: 'download', command: src.source, exitCode: 0, outcome: 'ok', output: '' });

    let expected: string | undefined;
    if (trust.kind === 'sha256') expected = trust.sha256;
    if (trust.kind === 'signed') {
      const verdict = await signedChecksum(trust.folder, src.asset, trust.keys, work, latest);
      if (!verdict.ok) return { ...refusal(verdict.reason), steps };
      // The releases page named no version: the signed one must still not be older than what runs now.
      if (before && compareVersions(verdict.version, before) < 0) {
        return { ...report, to: before, status: 'current', summary: `duo-sso ${before} is current: the newest release is ${verdict.version} (its signed checksums.txt says so)`, steps };
      }
      expected = verdict.sha256;
    }
    h = await reporter.step('Check SHA-256');
    h.line(`expected: ${expected ?? `none (${trust.label})`}`);
    h.line(`received: ${got.sha256}`);
    if (expected && expected !== got.sha256) {
      const note = `SHA-256 mismatch: got ${got.sha256}, expected ${expected}`;
      steps.push({ rung: 'verify-sha256', command: 'sha256', exitCode: null, outcome: 'failed', output: note, note });
      await h.end('fail', note);
      return fail(`the downloaded duo-sso does not match its checksum; nothing was changed`, 'The download was altered or truncated. Download it again from the releases page and compare its SHA-256 with the published one.');
    }
    await h.end(expected ? 'ok' : 'warn', expected ? 'matches' : `unverified: ${trust.label}`);
    steps.push({ rung: 'verify-sha256', command: 'sha256', exitCode: 0, outcome: expected ? 'ok' : 'unverified', output: got.sha256 });

    // Before it replaces anything or runs: a program for this OS and CPU.
    const format = checkExecutable(await readHead(got.path, HEADER_BYTES), facts.os, facts.arch);
    if (!format.ok) {
      steps.push({ rung: 'check-format', command: got.path, exitCode: null, outcome: 'failed', output: format.why, note: format.why });
      return fail(`the new duo-sso is not a program for this machine: ${format.why}; it was not run, nothing was changed`, `Download the ${facts.os}/${facts.arch} binary from the releases page and pass it with --from FILE --sha256 HEX.`);
    }

    // 2. Replace, keeping the previous binary.
    try {
      await access(dirname(target), constants.W_OK);
    } catch {
      steps.push({ rung: 'replace', command: target, exitCode: null, outcome: 'failed', output: `${dirname(target)} is not writable` });
      return fail(`${dirname(target)} is not writable; nothing was changed`, `duo-sso was installed system-wide. Reinstall it with sudo:`, [['duo-sso-setup', 'install', 'duo-sso', '--system', ...(opts.from ? ['--from', opts.from] : [])]]);
    }
    const previous = previousPath(target);
    const oldBytes = await readFile(target);
    const oldMode = (await stat(target)).mode & 0o777;
    h = await reporter.step(`Replace ${target}, keeping ${previous}`);
    await safeWrite(previous, oldBytes, { mode: oldMode, backup: false });
    await safeWrite(target, await readFile(got.path), { mode: 0o755, backup: false });
    await h.end('ok');
    steps.push({ rung: 'replace', command: target, exitCode: 0, outcome: 'ok', output: '' });

    // 3. Prove it runs; otherwise roll back.
    h = await reporter.step('Check the new version', shellQuote([target, '--version']));
    const r = await deps.runner.run(target, ['--version'], { timeoutMs: 15_000, onLine: (l) => h.line(l) });
    const now = parseVersion(output(r));
    const good = succeeded(r) && now !== undefined && (!latest || opts.from !== undefined || compareVersions(now, latest) >= 0);
    if (good) {
      await h.end('ok', `duo-sso ${now}`);
      steps.push({ rung: 'check-version', command: `${target} --version`, exitCode: r.exitCode, outcome: 'ok', output: output(r) });
      // Without a version from the releases page, the download is how we found out.
      if (!opts.from && before && compareVersions(now, before) <= 0) {
        // Never a silent downgrade: an older release puts the installed binary back.
        if (compareVersions(now, before) < 0) await safeWrite(target, oldBytes, { mode: oldMode, backup: false });
        return { ...report, to: before, status: 'current', summary: `duo-sso ${before} is current: the newest release is ${now} (the releases page did not say, so it was downloaded to find out)`, steps };
      }
      return { ...report, to: now, status: 'upgraded', summary: `duo-sso upgraded ${before ?? '?'} → ${now} at ${target}`, details: [`previous binary kept as ${previous}`], steps };
    }
    const why = now && succeeded(r) ? `reports ${now}, expected ${latest}` : firstLine(r);
    await h.end('fail', why);
    steps.push({ rung: 'check-version', command: `${target} --version`, exitCode: r.exitCode, outcome: 'failed', output: output(r).split('\n').slice(-8).join('\n'), note: why });
    const failedStep = steps.at(-1);
    h = await reporter.step(`Roll back: put ${previous} back as ${target}`);
    await safeWrite(target, oldBytes, { mode: oldMode, backup: false });
    const back = parseVersion(output(await deps.runner.run(target, ['--version'], { timeoutMs: 15_000 })));
    await h.end('ok', `duo-sso ${back ?? '?'} restored`);
    steps.push({ rung: 'roll-back', command: `restore ${previous}`, exitCode: 0, outcome: 'ok', output: '' });
    return {
      ...report,
      to: back,
      status: 'failed',
      summary: `the new duo-sso does not run (${why}); rolled back to ${back ?? 'the previous binary'}`,
      details: [`${target} is the previous binary again; your config and credentials were not touched`],
      steps,
      failedStep,
      next: { advice: `The release for ${facts.os}/${facts.arch} may be the wrong build or damaged. Report it with the output above, or try another file:`, commands: [['duo-sso-setup', 'upgrade', 'duo-sso', '--from', 'FILE', '--sha256', 'HEX']] },
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

type Trust =
  | { kind: 'sha256'; sha256: string; label: string }
  | { kind: 'signed'; folder: string; keys: string[]; label: string }
  | { kind: 'unverified'; label: string }
  | { kind: 'unverifiable'; why: string };

/** What vouches for the new binary (fail closed; the same rules as `install duo-sso`). */
export function upgradeTrust(opts: Pick<BinaryUpgradeOptions, 'sha256' | 'from' | 'allowUnverified' | 'releaseKey'>, folder: string | undefined): Trust {
  if (opts.sha256) return { kind: 'sha256', sha256: opts.sha256.toLowerCase(), label: `--sha256 ${opts.sha256}` };
  if (opts.allowUnverified) return { kind: 'unverified', label: 'UNVERIFIED: --allow-unverified was given' };
  if (opts.from && !isUrl(opts.from)) return { kind: 'unverified', label: 'unverified: a file you supplied, no --sha256 to check it against' };
  if (!folder) return { kind: 'unverifiable', why: 'a URL given with --from and no --sha256' };
  const keys = opts.releaseKey ? [checkReleaseKey(opts.releaseKey)] : [...DUO_SSO_RELEASE_KEYS];
  if (keys.length === 0) return { kind: 'unverifiable', why: 'no --sha256, and no release signing key is pinned in this version of duo-sso-setup' };
  return { kind: 'signed', folder, keys, label: `${folder}/checksums.txt signed by ${keyLabel(keys, opts.releaseKey ? 'flag' : 'pinned')}` };
}
