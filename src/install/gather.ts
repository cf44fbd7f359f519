// Gathers what recipes need to know about this machine (and the user's options from flags
// and environment) into a PlanInput. The only impure part of planning.
import { appliedPolicy, readPolicy } from '../policy/read.js';
import { existsSync } from 'node:fs';
import { mayHoldSecretKeys } from '../doctor/checks/gpg-probe.js';
import { join } from 'node:path';
import { homeDir } from '../platform/paths.js';
import type { Context } from '../context.js';
import { ExitCode, UserError } from '../errors.js';
import { findAll, findFirst } from '../platform/facts.js';
import { output, succeeded } from '../platform/process.js';
import { parseAwsVersion } from '../parsers/aws-version.js';
import { classifyAwsCli, pipAwsCliV1, type AwsCliOnPath } from '../remedies/aws-cli.js';
import { parseSecretKeys } from '../parsers/gpg-keys.js';
import { readState } from '../state/state.js';
import { checkReleaseKey } from '../net/release-verify.js';
import type { Component, InstallOptions, PlanInput } from './types.js';
import { wrapText } from '../ui/wrap.js';

export interface InstallFlags {
  method?: string;
  system?: boolean;
  update?: boolean;
  from?: string;
  sha256?: string;
  allowUnverified?: boolean;
  releaseKey?: string;
  releaseUrl?: string;
  tapUrl?: string;
  gpgName?: string;
  gpgEmail?: string;
  /** commander's --no-passphrase sets this false. */
  passphrase?: boolean;
  removeAwsCliV1?: boolean;
}

export function installOptions(flags: InstallFlags, env: Context['env']): InstallOptions {
  if (flags.sha256 !== undefined && !/^[0-9a-fA-F]{64}$/.test(flags.sha256)) {
    throw new UserError(`--sha256 must be 64 hex digits, got "${flags.sha256}"`, { hint: 'Copy the SHA-256 from the release page, e.g. --sha256 3f5a…(64 characters)', exitCode: ExitCode.usage });
  }
  const opt = <K extends keyof InstallOptions>(key: K, value: InstallOptions[K] | undefined) => (value === undefined || value === '' ? {} : { [key]: value });
  return {
    system: Boolean(flags.system),
    update: Boolean(flags.update),
    passphrase: flags.passphrase !== false,
    removeAwsCliV1: Boolean(flags.removeAwsCliV1),
    ...opt('method', flags.method),
    ...opt('from', flags.from),
    ...opt('sha256', flags.sha256),
    ...(flags.allowUnverified ? { allowUnverified: true } : {}),
    ...opt('releaseKey', flags.releaseKey === undefined ? undefined : checkReleaseKey(flags.releaseKey)),
    ...opt('releaseUrl', flags.releaseUrl ?? env.DUO_SSO_RELEASE_URL),
    ...opt('tapUrl', flags.tapUrl),
    ...opt('awsCliUrl', env.AWS_CLI_DOWNLOAD_URL),
    ...opt('awsCliKeyFile', env.AWS_CLI_PUBLIC_KEY_FILE),
    ...opt('awsCliFingerprint', env.AWS_CLI_SIGNING_FINGERPRINT),
    ...opt('gpgName', flags.gpgName),
    ...opt('gpgEmail', flags.gpgEmail),
  } as InstallOptions;
}

/** Every aws on PATH with its major version, in PATH order (what classifyAwsCli reads). */
async function awsClisOnPath(ctx: Pick<Context, 'runner' | 'env'>): Promise<AwsCliOnPath[]> {
  return Promise.all(findAll('aws', ctx.env).map(async (path) => {
    const v = parseAwsVersion(output(await ctx.runner.run(path, ['--version'], { timeoutMs: 8000 })));
    return { path, major: v?.major, version: v?.version };
  }));
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

async function gitConfig(ctx: Pick<Context, 'runner' | 'env'>, key: string): Promise<string | undefined> {
  const git = findFirst('git', ctx.env);
  if (!git) return undefined;
  const r = await ctx.runner.run(git, ['config', '--get', key], { timeoutMs: 5000 });
  return succeeded(r) ? r.stdout.trim() || undefined : undefined;
}

/** A usable secret key we can initialise pass with, if there is one. */
export async function existingGpgKey(ctx: Pick<Context, 'runner' | 'env' | 'now'>): Promise<string | undefined> {
  const gpg = findFirst('gpg', ctx.env) ?? findFirst('gpg2', ctx.env);
  if (!gpg) return undefined;
  // Listing keys creates an empty keyring; without secret key files there are no keys, and
  // a dry run must not leave files behind.
  if (!mayHoldSecretKeys(ctx.env.GNUPGHOME || join(homeDir(ctx.env), '.gnupg'))) return undefined;
  const r = await ctx.runner.run(gpg, ['--batch', '--list-secret-keys', '--with-colons'], { timeoutMs: 15_000 });
  if (!succeeded(r)) return undefined;
  return parseSecretKeys(r.stdout, ctx.now()).find((k) => k.state === 'usable' && k.canEncrypt)?.fingerprint;
}

/**
 * Whose key: the flags, else git's identity, else asked at a terminal. Never invented: with
 * none of these the plan shows a placeholder and approval refuses it.
 */
async function gpgIdentity(ctx: Context, options: InstallOptions): Promise<{ gpgName?: string; gpgEmail?: string }> {
  const name = options.gpgName ?? (await gitConfig(ctx, 'user.name'));
  const email = options.gpgEmail ?? (await gitConfig(ctx, 'user.email'));
  if (name && email) return { gpgName: name, gpgEmail: email };
  if (!ctx.canPrompt || ctx.options.dryRun) return { ...(name ? { gpgName: name } : {}), ...(email ? { gpgEmail: email } : {}) };
  const { enquirerPrompter } = await import('../ui/prompt.js');
  const prompter = enquirerPrompter();
  ctx.io.err(wrapText('pass needs a gpg key, and git has no name/email to put on it.\n', ctx.io.errWidth));
  const nonEmpty = (v: string) => (v.trim() ? true : 'Please type something');
  return {
    gpgName: name ?? await prompter.input('Name for your new gpg key', { validate: nonEmpty }),
    gpgEmail: email ?? await prompter.input('Email for your new gpg key', { validate: (v) => (/^[^\s@]+@[^\s@]+$/.test(v.trim()) ? true : 'An email address, e.g. ann@example.com') }),
  };
}

export async function gatherPlanInput(ctx: Context, components: readonly Component[], options: InstallOptions): Promise<PlanInput> {
  const facts = await ctx.platform();
  const input: PlanInput = { facts, paths: ctx.paths, options, isRoot: isRoot(), exists: existsSync, onPath: (name) => findFirst(name, ctx.env) !== undefined };
  if (components.includes('aws-cli')) {
    const v1 = pipAwsCliV1(classifyAwsCli(await awsClisOnPath(ctx)));
    if (v1) input.awsCliV1 = v1;
  }
  if (components.includes('duo-sso')) {
    // The organisation policy's tap and release URLs count as flags (flags and
    // DUO_SSO_RELEASE_URL still win); a tap URL that worked before (saved by `upgrade` after a
    // re-tap) beats the guide's default.
    const org = appliedPolicy(await readPolicy(ctx.paths));
    const saved = options.tapUrl === undefined && !org?.tapUrl ? (await readState(ctx.paths)).tapUrl : undefined;
    const tapUrl = options.tapUrl ?? org?.tapUrl ?? saved;
    const releaseUrl = options.releaseUrl ?? org?.releaseUrl;
    input.options = { ...input.options, ...(tapUrl ? { tapUrl } : {}), ...(releaseUrl ? { releaseUrl } : {}) };
  }
  if (components.includes('pass-gpg') && facts.os === 'linux') {
    const key = await existingGpgKey(ctx);
    if (key) input.existingGpgKey = key;
    else {
      // On top of what was settled above (tap and release URLs), not the bare flags.
      input.options = { ...input.options, ...(await gpgIdentity(ctx, options)) };
    }
  }
  return input;
}
