// Writes a new config.json in the guide's shape (Example 1 without profiles, Example 2 with),
// refusing anything `config validate` would not accept. Used by `config init` (wizard and
// --yes) and by `setup`, which calls initConfig non-interactively.
import type { Context } from '../context.js';
import { ExitCode, UserError } from '../errors.js';
import { updateFile } from '../fs/safe-write.js';
import { updateState } from '../state/state.js';
import { profileObject } from './edit.js';
import { DEFAULTS, type DuoConfig } from './model.js';
import { POLICY, policyCap } from '../policy/caps.js';
import { validateText } from './validate.js';
import { policyFromOrg } from './apply-fix.js';
import { capsOf, type OrgPolicy } from '../policy/policy.js';
import { appliedPolicy, readPolicy, type PolicyRead } from '../policy/read.js';

export interface InitProfile {
  name: string;
  /** 12 digits; kept as a string so a leading zero survives. */
  accountId: string;
  role: string;
  /** Defaults to the top-level duration, lowered to the profile's policy cap. */
  seconds?: number;
}

export interface InitOptions {
  profiles?: InitProfile[];
  /** Names of profiles whose accounts are production (remembered in our state.json). */
  production?: string[];
  url?: string;
  device?: string;
  factor?: string;
  sessionDuration?: number;
  debug?: boolean;
  /** Replace an existing config (after a backup). */
  force?: boolean;
  /** The default region for the profiles (~/.aws/config, where a profile has none). */
  region?: string;
}

export interface InitResult {
  path: string;
  /** Where the previous file was saved, when one was replaced. */
  backup: string | undefined;
  changed: boolean;
  dryRun: boolean;
  text: string;
  config: DuoConfig;
  /** Production profiles: the ones given, and those the organisation policy makes production. */
  production: string[];
  /** The organisation policy as read: applied, or why not. */
  policy: PolicyRead;
}

/**
 * The options with the organisation policy's defaults: its SSO URL when none is given, its
 * required profiles added after the given ones (a profile given by name wins), and its
 * production accounts marking their profiles production.
 */
export function withOrgPolicy(opts: InitOptions, org: OrgPolicy | undefined): InitOptions {
  if (!org) return opts;
  const given = opts.profiles ?? [];
  const names = new Set(given.map((p) => p.name));
  const profiles = [...given, ...(org.requiredProfiles ?? []).filter((p) => !names.has(p.name))];
  const accounts = new Set(org.productionAccounts ?? []);
  const production = [...new Set([...(opts.production ?? []), ...profiles.filter((p) => accounts.has(p.accountId)).map((p) => p.name)])];
  return {
    ...opts,
    ...(opts.url === undefined && org.ssoUrl ? { url: org.ssoUrl } : {}),
    ...(profiles.length > 0 ? { profiles } : {}),
    production,
  };
}

/** The document initConfig would write. Throws UserError on input that violates the policy. */
export function buildConfig(opts: InitOptions, org?: OrgPolicy): DuoConfig {
  const caps = capsOf(org);
  const production = new Set(opts.production ?? []);
  const names = new Set((opts.profiles ?? []).map((p) => p.name));
  const strays = [...production].filter((n) => !names.has(n));
  if (strays.length > 0) {
    throw new UserError(`--production names no profile: ${strays.join(', ')}`, {
      hint: 'Give the profile with --profile NAME=ACCOUNT:ROLE as well.',
      exitCode: ExitCode.usage,
    });
  }
  const top = opts.sessionDuration ?? DEFAULTS.session_duration_seconds;
  const config: DuoConfig = {
    url: opts.url ?? DEFAULTS.url,
    partner_spid: DEFAULTS.partner_spid,
    aws_urn: DEFAULTS.aws_urn,
    session_duration_seconds: top,
    preferred_device: opts.device ?? DEFAULTS.preferred_device,
    preferred_factor: opts.factor ?? DEFAULTS.preferred_factor,
    debug: opts.debug ?? DEFAULTS.debug,
  };
  if (opts.profiles && opts.profiles.length > 0) {
    // No prototype: a profile may be called "toString" or "__proto__" like any other name.
    const profiles: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const p of opts.profiles) {
      if (Object.hasOwn(profiles, p.name)) throw new UserError(`profile "${p.name}" is given twice`, { exitCode: ExitCode.usage });
      const seconds = p.seconds ?? Math.min(top, policyCap(production.has(p.name), caps));
      profiles[p.name] = profileObject({ accountId: p.accountId, role: p.role, seconds });
    }
    config.profiles = profiles as DuoConfig['profiles'];
  }
  const problems = validateText(renderConfig(config), { production: [...production], ...policyFromOrg(org) }).filter((f) => f.severity !== 'info');
  if (problems.length > 0) {
    throw new UserError(`refusing to write this config:\n${problems.map((f) => `  ${f.path || '(document)'}: ${f.message}`).join('\n')}`, {
      hint: `Policy${org?.maxSessionSeconds ? ' (the organisation\'s)' : ''}: ${POLICY.minSeconds}–${caps.production} s for production, up to ${caps.nonProduction} s for non-production (more needs SRE approval), never above ${POLICY.absoluteMax} s. See docs/config.md.`,
      exitCode: ExitCode.usage,
    });
  }
  return config;
}

export function renderConfig(config: DuoConfig): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}

export async function initConfig(ctx: Pick<Context, 'paths' | 'options' | 'now'>, given: InitOptions): Promise<InitResult> {
  const policy = await readPolicy(ctx.paths);
  const org = appliedPolicy(policy);
  const opts = withOrgPolicy(given, org);
  const config = buildConfig(opts, org);
  const text = renderConfig(config);
  const path = ctx.paths.duoConfig;
  const dryRun = ctx.options.dryRun;
  const written = await updateFile(path, (current) => {
    if (current !== undefined && !opts.force && current !== text) {
      throw new UserError(`${path} already exists`, {
        hint: 'Check it with `duo-sso-setup config validate`, repair it with `config fix`, or replace it with `config init --force` (the old file is backed up).',
      });
    }
    return text;
  }, { mode: 0o600, follow: 'never', dryRun, now: ctx.now });
  const production = new Set(opts.production ?? []);
  const named = new Set((opts.profiles ?? []).map((p) => p.name));
  if (named.size > 0) {
    await updateState(ctx.paths, (s) => ({
      ...s,
      productionProfiles: [...new Set([...s.productionProfiles.filter((n) => !named.has(n)), ...production])].sort(),
    }), { dryRun });
  }
  return { path, backup: written.backup, changed: written.changed, dryRun, text, config, production: opts.production ?? [], policy };
}
