// Runs a plan step by step. Every subprocess goes through ctx.runner (changes marked
// mutates), every user file through safe-write. A failing step stops the plan with a
// UserError that says what failed and what to run by hand; downloads are verified before
// anything is unpacked or installed, so a rejected file leaves the machine as it was.
import { latestVersion } from '../release/release-source.js';
import { powershellQuote } from '../platform/powershell.js';
import { randomBytes } from 'node:crypto';
import { chmod, copyFile, mkdtemp, readFile, rename, rm, rmdir } from 'node:fs/promises';
import { readHead } from '../fs/read-head.js';
import { ensureDir } from '../fs/safe-write.js';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';
import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { DownloadError, download } from '../net/download.js';
import { verifyDetachedSignature } from '../net/gpg-verify.js';
import { findFirst, type PlatformFacts } from '../platform/facts.js';
import { recordChange } from '../platform/interrupt.js';
import { describeFailure, output, succeeded, type RunResult } from '../platform/process.js';
import { parseSecretKeys } from '../parsers/gpg-keys.js';
import { HEADER_BYTES, checkExecutable } from '../parsers/executable-format.js';
import { applyProfileEdit, completionEdit, gpgTtyEdit, pathEdit, type ProfileEdit } from '../shell/edit-profile.js';
import { shellQuote } from '../ui/style.js';
import { AWS_CLI_PUBLIC_KEY } from '../release/keys/aws-cli-team.js';
import { gpgKeyArgs, gpgUnlockArgs, sudoTempName, uid } from './render-plan.js';
import { passRoundTrip } from './round-trip.js';
import { signedChecksum, unverifiedRefusal } from '../net/release-verify.js';
import { passphraseRefusal, type ApprovedPlan } from './approve.js';
import { WORK, type Plan, type Step, type Verification } from './types.js';
import { readProfileText } from '../fs/safe-read.js';
import { wrapText } from '../ui/wrap.js';

export type ExecContext = Pick<Context, 'runner' | 'env' | 'paths' | 'io' | 'options' | 'now' | 'canPrompt' | 'hasTerminal'> & {
  platform: PlatformFacts;
  isRoot: boolean;
  /** Asks before an optional change (profile edits); --yes answers yes. */
  approve(question: string): Promise<boolean>;
  /** A new passphrase, typed twice at the terminal (--yes does not answer this one). */
  askPassphrase(what: string): Promise<string>;
};

export interface StepOutcome {
  title: string;
  kind: Step['kind'];
  status: 'done' | 'skipped' | 'warning';
  detail?: string;
}

export interface PlanOutcome {
  component: Plan['component'];
  method: string;
  steps: StepOutcome[];
}

export interface ExecHooks {
  onStepStart?(step: Step, index: number): void;
  onStepEnd?(step: Step, outcome: StepOutcome): void;
}

interface RunState {
  work: string;
  component: Plan['component'];
  newKey?: string;
}

const sub = (s: string, state: RunState): string => s.replaceAll(WORK, state.work);

/** Runs the steps of an approved plan, and nothing else: there is no other way in. */
export async function executePlan(ctx: ExecContext, plan: ApprovedPlan, hooks: ExecHooks = {}): Promise<PlanOutcome> {
  if (ctx.runner.dryRun) throw new Error('executePlan must not be called in dry-run mode: print the plan instead');
  const work = await mkdtemp(join(tmpdir(), `duo-sso-setup-${plan.component}-`));
  const state: RunState = { work, component: plan.component };
  const steps: StepOutcome[] = [];
  try {
    for (const [i, step] of plan.steps.entries()) {
      hooks.onStepStart?.(step, i);
      const outcome = { title: step.title, kind: step.kind, ...(await runStep(ctx, step, state)) };
      steps.push(outcome);
      const changed = fileChange(step, outcome.status);
      if (changed) recordChange(changed);
      hooks.onStepEnd?.(step, outcome);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return { component: plan.component, method: plan.method, steps };
}

type Result = { status: StepOutcome['status']; detail?: string };

/**
 * The change a finished step made to the user's files itself, for the line an interrupted run
 * prints (commands a step runs are noted by the runner; write-file only writes into the work
 * folder, which goes). Without it, a Ctrl-C at a later
 * question said "nothing was changed" after duo-sso had been installed.
 */
function fileChange(step: Step, status: Result['status']): string | undefined {
  if (status !== 'done') return undefined;
  switch (step.kind) {
    case 'install-binary': return `installed ${step.to}`;
    case 'add-to-path':
    case 'profile-line': return `${step.title} (a line in your shell profile)`;
    default: return undefined;
  }
}

async function runStep(ctx: ExecContext, step: Step, state: RunState): Promise<Result> {
  switch (step.kind) {
    case 'download': return downloadStep(ctx, step, state);
    case 'run': {
      const argv = step.argv.map((a) => sub(a, state));
      const full = step.sudo && !ctx.isRoot ? ['sudo', ...argv] : argv;
      const r = await ctx.runner.run(full[0]!, full.slice(1), {
        mutates: step.mutates, timeoutMs: step.timeoutMs ?? 120_000,
        ...(step.env ? { env: Object.fromEntries(Object.entries(step.env).map(([k, v]) => [k, sub(v, state)])) } : {}),
        ...(step.interactive || (step.sudo && !ctx.isRoot) ? { interactive: ctx.hasTerminal } : {}),
      });
      if (!succeeded(r)) throw stepFailed(step.title, r, full);
      if (step.expect && !output(r).includes(step.expect)) {
        throw new UserError(`${step.title}: ${shellQuote(full)} did not say "${step.expect}"`, {
          hint: `Nothing was installed. Its output was: ${output(r).split('\n').map((l) => l.trim()).filter(Boolean).join(' | ') || '(none)'}`,
        });
      }
      return { status: 'done', ...(step.expect ? { detail: step.expect } : {}) };
    }
    case 'install-binary': return installBinary(ctx, step, state);
    case 'remove-software': {
      const r = await ctx.runner.run(step.argv[0]!, step.argv.slice(1), { mutates: true, timeoutMs: 120_000 });
      if (!succeeded(r)) throw stepFailed(step.title, r, step.argv);
      return { status: 'done', detail: `removed (${shellQuote(step.argv)})` };
    }
    case 'write-file': {
      const { safeWrite } = await import('../fs/safe-write.js');
      await safeWrite(sub(step.path, state), step.content, { mode: step.mode, backup: false });
      return { status: 'done' };
    }
    case 'add-to-path': return addToPath(ctx, step.dir);
    case 'gpg-key': return gpgKey(ctx, step, state);
    case 'pass-init': {
      const pass = findFirst('pass', ctx.env);
      if (!pass) throw new UserError('pass is not on PATH after installing it', { hint: 'Install the pass package, then rerun duo-sso-setup install pass-gpg.' });
      const fpr = step.fingerprint === 'new-key' ? state.newKey : step.fingerprint;
      if (!fpr) throw new Error('pass-init has no key: the gpg-key step did not run');
      const r = await ctx.runner.run(pass, ['init', fpr], { mutates: true, timeoutMs: 60_000 });
      if (!succeeded(r)) throw stepFailed(step.title, r, [pass, 'init', fpr]);
      return { status: 'done', detail: `store initialised for ${fpr}` };
    }
    case 'pass-round-trip': {
      const problem = await passRoundTrip(ctx);
      return problem ? { status: 'warning', detail: problem } : { status: 'done' };
    }
    case 'profile-line': {
      if (step.purpose === 'gpg-tty') return profileLine(ctx, gpgTtyEdit(ctx.env, ctx.paths.home), 'GPG_TTY');
      const edit = completionEdit(ctx.env, ctx.paths.home);
      return edit ? profileLine(ctx, edit, 'up shell completion') : { status: 'skipped', detail: 'no completion for this shell (bash, zsh and fish have one)' };
    }
    case 'verify': {
      const argv = step.argv.map((a) => sub(a, state));
      const r = await ctx.runner.run(argv[0]!, argv.slice(1), { timeoutMs: 30_000 });
      const text = output(r);
      if (!succeeded(r) && !text.includes(step.expect)) throw stepFailed(step.title, r, argv);
      if (!text.includes(step.expect)) {
        throw new UserError(`${step.title}: ${shellQuote(argv)} printed "${text.split('\n')[0] ?? ''}", expected "${step.expect}"`, {
          hint: step.expect.startsWith('aws-cli/2') ? 'This is not the AWS CLI v2: try duo-sso-setup install aws-cli --method zip' : undefined,
        });
      }
      return { status: 'done', detail: text.split('\n')[0] };
    }
  }
}

function stepFailed(title: string, r: RunResult, argv: readonly string[]): UserError {
  return new UserError(`${title} failed: ${describeFailure(r)}`, {
    hint: `The steps after it did not run. To see the full output, run it yourself: ${shellQuote(argv)}`,
  });
}

/** Where else a download can come from, per component: the way round a blocked or moved URL. */
const DOWNLOAD_ELSEWHERE: Partial<Record<Plan['component'], string>> = {
  'duo-sso': 'Download the duo-sso binary another way and pass it with --from FILE (add --sha256 HEX), or point --release-url (or DUO_SSO_RELEASE_URL) at a release folder you can reach.',
  'aws-cli': 'Check your network or proxy, or point AWS_CLI_DOWNLOAD_URL at a mirror; on Linux, --method package uses the distro\'s package instead.',
};

async function downloadStep(ctx: ExecContext, step: Extract<Step, { kind: 'download' }>, state: RunState): Promise<Result> {
  const dest = sub(step.to, state);
  // Fail closed, before a byte is fetched.
  if (step.verify.kind === 'unverifiable') throw unverifiedRefusal(step.url, step.verify.why, step.verify.retry);
  let got;
  try {
    got = await download(step.url, dest, { maxBytes: step.maxBytes });
  } catch (error) {
    const why = error instanceof DownloadError ? error.message : String(error);
    throw new UserError(`could not get ${step.url}: ${why}`, { hint: `Nothing was installed. ${DOWNLOAD_ELSEWHERE[state.component] ?? 'Check the URL or file and your network, then rerun.'}` });
  }
  const { verify } = step;
  if (verify.kind === 'sha256') {
    if (got.sha256 !== verify.sha256.toLowerCase()) {
      await rm(dest, { force: true });
      throw new UserError(`checksum mismatch for ${step.url}: expected sha256 ${verify.sha256}, got ${got.sha256}`, {
        hint: 'Nothing was installed. Download the file again, or check the --sha256 value against the release page.',
      });
    }
    return { status: 'done', detail: `sha256 ${got.sha256} matches` };
  }
  if (verify.kind === 'signature') {
    const sig = `${dest}.sig`;
    try {
      await download(verify.signatureUrl, sig, { maxBytes: 1024 * 1024 });
    } catch (error) {
      throw new UserError(`could not get the signature ${verify.signatureUrl}: ${(error as Error).message}`, { hint: 'Nothing was installed.' });
    }
    const gpg = findFirst('gpg', ctx.env) ?? findFirst('gpg2', ctx.env);
    if (!gpg) throw new UserError('gpg is needed to verify the download, and it is not on PATH', { hint: 'Install gnupg (e.g. sudo apt-get install gnupg), or use --method package.' });
    const keyText = verify.keyFile ? await readFile(verify.keyFile, 'utf8').catch((e: Error) => {
      throw new UserError(`cannot read the signing key ${verify.keyFile}: ${e.message}`);
    }) : AWS_CLI_PUBLIC_KEY;
    const verdict = await verifyDetachedSignature(ctx.runner, { gpg, file: dest, signature: sig, keyText, fingerprint: verify.fingerprint });
    if (!verdict.ok) {
      await rm(dest, { force: true });
      throw new UserError(`signature check failed for ${step.url}: ${verdict.reason}`, {
        hint: 'Nothing was installed. The file was damaged in transit or is not what AWS published: download again, and report it if it keeps failing.',
      });
    }
    return {
      status: 'done',
      detail: `signature by ${verdict.fingerprint} verified${verdict.keyExpired ? ' (the copy of the key on file is past its expiry date, which AWS extends; the fingerprint pin is what counts: update duo-sso-setup for the current key)' : ''}`,
    };
  }
  if (verify.kind === 'signed-checksums') return checkAgainstSignedChecksums(step.url, dest, got.sha256, verify);
  return { status: 'warning', detail: `not verified: ${verify.why}` };
}

async function checkAgainstSignedChecksums(url: string, dest: string, actual: string, verify: Extract<Verification, { kind: 'signed-checksums' }>): Promise<Result> {
  const folder = verify.checksumsUrl.replace(/\/checksums\.txt$/, '');
  // When the releases page names the newest version, the signature must be for that release.
  const verdict = await signedChecksum(folder, verify.asset, verify.keys, dirname(dest), await latestVersion(folder));
  if (!verdict.ok) {
    await rm(dest, { force: true });
    throw unverifiedRefusal(url, verdict.reason, ['duo-sso-setup', 'install', 'duo-sso']);
  }
  if (verdict.sha256 !== actual) {
    await rm(dest, { force: true });
    throw new UserError(`checksum mismatch for ${url}: the release's signed checksums.txt says sha256 ${verdict.sha256}, the download is ${actual}`, {
      hint: 'Nothing was installed. The download was damaged or altered: try again, and report it if it keeps failing.',
    });
  }
  return { status: 'done', detail: `sha256 ${actual} matches checksums.txt signed by key ${verdict.keyId}${verify.keySource === 'flag' ? ' (given with --release-key)' : ' (pinned)'}` };
}

function isWorkingVersion(text: string): boolean {
  return /duo-sso/i.test(text) || /\bv?\d+\.\d+\.\d+\b/.test(text);
}

/** Copy beside the target, make executable, prove it runs, then rename over the target. */
async function installBinary(ctx: ExecContext, step: Extract<Step, { kind: 'install-binary' }>, state: RunState): Promise<Result> {
  const from = sub(step.from, state);
  // Before anything runs it (its checksum, when given, was checked by the download step): a
  // program for this OS and CPU, or it is refused unrun.
  const format = checkExecutable(await readHead(from, HEADER_BYTES), ctx.platform.os, ctx.platform.arch);
  if (!format.ok) {
    throw new UserError(`the file is not a working duo-sso for this machine: ${format.why}; it was not run`, {
      hint: `Nothing was installed. Download the ${ctx.platform.os}/${ctx.platform.arch} binary from the duo-sso releases and pass it with --from.`,
    });
  }
  const check = async (file: string) => {
    const r = await ctx.runner.run(file, step.versionArgs, { timeoutMs: 15_000 });
    const text = output(r);
    if (!succeeded(r) || !isWorkingVersion(text)) {
      const why = r.spawnError ?? (r.timedOut ? 'timed out' : !succeeded(r) ? `exited ${r.exitCode}${text ? `: ${text.split('\n')[0]}` : ''}` : `printed no version${text ? ` ("${text.split('\n')[0]}")` : ''}`);
      throw new UserError(`the file is not a working duo-sso for this machine: \`${basename(step.to)} ${step.versionArgs.join(' ')}\` ${why}`, {
        hint: `Nothing was installed. Download the ${ctx.platform.os}/${ctx.platform.arch} binary from the duo-sso releases and pass it with --from.`,
      });
    }
    return text.split('\n')[0] ?? '';
  };
  if (!step.sudo) {
    const dir = dirname(step.to);
    // 0755 whatever the umask: under umask 000 ~/.local/bin came out 0777, letting anyone replace duo-sso.
    const created = await ensureDir(dir, 0o755);
    const tmp = join(dir, `.${basename(step.to)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      await copyFile(from, tmp);
      await chmod(tmp, 0o755);
      const version = await check(tmp);
      await rename(tmp, step.to);
      return { status: 'done', detail: version };
    } catch (error) {
      await rm(tmp, { force: true });
      // "Nothing was installed" includes the folders made for it (~/.local/bin, ~/.local).
      if (created) await removeEmptyDirs(dir, created);
      throw error;
    }
  }
  await chmod(from, 0o755);
  const version = await check(from);
  const tmp = sudoTempName(step.to, process.pid);
  for (const argv of [['sudo', 'cp', from, tmp], ['sudo', 'chmod', '0755', tmp], ['sudo', 'mv', '-f', tmp, step.to]]) {
    const r = await ctx.runner.run(argv[0]!, argv.slice(1), { mutates: true, timeoutMs: 120_000, interactive: ctx.hasTerminal });
    if (!succeeded(r)) {
      await ctx.runner.run('sudo', ['rm', '-f', tmp], { mutates: true, timeoutMs: 60_000 });
      throw stepFailed(step.title, r, argv);
    }
  }
  return { status: 'done', detail: version };
}

/** rmdir from `dir` up to and including `top`, stopping at the first folder that is not empty. */
async function removeEmptyDirs(dir: string, top: string): Promise<void> {
  for (let d = dir; d.startsWith(top); d = dirname(d)) {
    try {
      await rmdir(d);
    } catch {
      return;
    }
    if (d === top) return;
  }
}

function pathEntries(ctx: ExecContext): string[] {
  return (ctx.env.PATH ?? ctx.env.Path ?? '').split(delimiter).filter(Boolean);
}

/** The PowerShell that adds `dir` to the user's Path, once. */
export function addToUserPathScript(dir: string): string {
  const quoted = powershellQuote(dir);
  const entry = powershellQuote(`;${dir}`);
  return `$p=[Environment]::GetEnvironmentVariable('Path','User'); if (-not ($p -split ';' -contains ${quoted})) { [Environment]::SetEnvironmentVariable('Path', ($p.TrimEnd(';') + ${entry}), 'User') }`;
}

async function addToPath(ctx: ExecContext, dir: string): Promise<Result> {
  if (pathEntries(ctx).includes(dir)) return { status: 'skipped', detail: `${dir} is already on PATH` };
  if (ctx.platform.os === 'win32') {
    const script = addToUserPathScript(dir);
    ctx.io.err(wrapText(`${dir} is not on PATH.\n`, ctx.io.errWidth));
    if (!(await ctx.approve(`Add ${dir} to your user PATH?`))) return { status: 'warning', detail: `${dir} is not on PATH; add it in System Properties > Environment Variables` };
    const r = await ctx.runner.run('powershell.exe', ['-NoProfile', '-Command', script], { mutates: true, timeoutMs: 30_000 });
    if (!succeeded(r)) throw stepFailed(`Add ${dir} to PATH`, r, ['powershell.exe', '-NoProfile', '-Command', script]);
    return { status: 'done', detail: 'open a new terminal to use it' };
  }
  const edit = pathEdit(ctx.env, ctx.paths.home, dir);
  // The line itself is shell to copy into the file: never broken, only the prose around it wraps.
  ctx.io.err(`${wrapText(`${dir} is not on your PATH, so programs installed there are not found by name.\n  This line in ${edit.file} fixes that:`, ctx.io.errWidth)}\n    ${edit.line}\n`);
  return profileLine(ctx, edit, 'PATH');
}

async function profileLine(ctx: ExecContext, edit: ProfileEdit, what: string): Promise<Result> {
  const current = await readProfileText(edit.file);
  if (edit.present(current)) return { status: 'skipped', detail: `${edit.file} already sets ${what}` };
  if (!(await ctx.approve(`Add \`${edit.line}\` to ${edit.file} (a backup is kept)?`))) {
    return { status: 'warning', detail: `not changed; add this line to ${edit.file} yourself: ${edit.line}` };
  }
  const r = await applyProfileEdit(edit, { dryRun: false });
  return { status: 'done', detail: `added \`${edit.line}\` to ${edit.file}${r.backup ? ` (backup: ${r.backup})` : ''}; open a new terminal to use it` };
}

async function gpgKey(ctx: ExecContext, step: Extract<Step, { kind: 'gpg-key' }>, state: RunState): Promise<Result> {
  if (step.passphrase && !ctx.hasTerminal) throw passphraseRefusal(ctx);
  const gpg = findFirst('gpg', ctx.env) ?? findFirst('gpg2', ctx.env);
  if (!gpg) throw new UserError('gpg is not on PATH after installing it', { hint: 'Install gnupg, then rerun duo-sso-setup install pass-gpg.' });
  const list = async () => parseSecretKeys((await ctx.runner.run(gpg, ['--batch', '--list-secret-keys', '--with-colons'], { timeoutMs: 15_000 })).stdout, ctx.now());
  const before = new Set((await list()).map((k) => k.fingerprint));
  const id = uid(step.name, step.email);
  const args = gpgKeyArgs(id, step.passphrase);
  // Asked here, once (typed twice), and only ever on gpg's standard input.
  const passphrase = step.passphrase ? await ctx.askPassphrase(`your new gpg key (${id})`) : undefined;
  const r = await ctx.runner.run(gpg, args, { mutates: true, timeoutMs: 180_000, ...(passphrase !== undefined ? { input: `${passphrase}\n` } : {}) });
  if (!succeeded(r)) throw stepFailed(step.title, r, [gpg, ...args]);
  const created = (await list()).find((k) => !before.has(k.fingerprint) && k.state === 'usable');
  if (!created) throw new UserError('gpg reported success but no new usable secret key is listed', { hint: `Check with: gpg --list-secret-keys` });
  state.newKey = created.fingerprint;
  if (passphrase !== undefined) await unlockNewKey(ctx, gpg, created.fingerprint, passphrase);
  return { status: 'done', detail: `key ${created.fingerprint}` };
}

/** Puts the new key's passphrase in gpg-agent's cache through one decryption (see gpgUnlockArgs). */
async function unlockNewKey(ctx: ExecContext, gpg: string, fingerprint: string, passphrase: string): Promise<void> {
  const sealed = await ctx.runner.run(gpg, ['--batch', '--armor', '--trust-model', 'always', '--encrypt', '--recipient', fingerprint], { input: 'duo-sso-setup unlock check\n', timeoutMs: 30_000 });
  if (!succeeded(sealed)) return;
  // gpg reads the passphrase from fd 0 first, then the message from the same stream.
  // Not checked: the key exists either way, and the round trip that follows says if it is still locked.
  await ctx.runner.run(gpg, gpgUnlockArgs(), { input: `${passphrase}\n${sealed.stdout}`, timeoutMs: 30_000 });
}
