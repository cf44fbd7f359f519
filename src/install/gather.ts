// Gathers what recipes need to know about this machine (and the user's options from flags
// and environment) into a PlanInput. The only impure part of planning.
import { existsSync } from 'node:fs';
import { mayHoldSecretKeys } from '../doctor/checks/gpg-probe.js';
import { join } from 'node:path';
import { homeDir } from '../platform/paths.js';
import type { Context } from '../context.js';
import { ExitCode, UserError } from '../errors.js';
import { findFirst } from '../platform/facts.js';
import { succeeded } from '../platform/process.js';
import { parseSecretKeys } from '../parsers/gpg-keys.js';
import { readState } from '../state/state.js';
import { checkReleaseKey } from '../net/release-verify.js';
import type { Component, InstallOptions, PlanInput } from './types.js';

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

export async function gatherPlanInput(ctx: Context, components: readonly Component[], options: InstallOptions): Promise<PlanInput> {
  const facts = await ctx.platform();
  const input: PlanInput = { facts, paths: ctx.paths, options, isRoot: isRoot(), exists: existsSync, onPath: (name) => findFirst(name, ctx.env) !== undefined };
  if (components.includes('duo-sso') && options.tapUrl === undefined) {
    // A tap URL that worked before (saved by `upgrade` after a re-tap) beats the guide's default.
    const saved = (await readState(ctx.paths)).tapUrl;
    if (saved) input.options = { ...input.options, tapUrl: saved };
  }
  if (components.includes('pass-gpg') && facts.os === 'linux') {
    const key = await existingGpgKey(ctx);
    if (key) input.existingGpgKey = key;
    else {
      input.options = {
        ...options,
        gpgName: options.gpgName ?? (await gitConfig(ctx, 'user.name')) ?? ctx.env.USER ?? 'duo-sso user',
        gpgEmail: options.gpgEmail ?? (await gitConfig(ctx, 'user.email')) ?? '',
      };
    }
  }
  return input;
}
