// `config init`: the wizard on a terminal, or the flags with --yes (or without a terminal).
import { stat } from 'node:fs/promises';
import type { Context } from '../../context.js';
import { ExitCode, UserError } from '../../errors.js';
import { initConfig, type InitOptions, type InitProfile } from '../init.js';
import type { Prompter } from '../../ui/prompt.js';
import { isRegionName } from '../../aws/region.js';
import { applyRegion, describeRegion, type RegionOutcome } from '../region.js';
import { appliedPolicy } from '../../policy/read.js';
import { wrapText } from '../../ui/wrap.js';
import { shellQuote } from '../../ui/style.js';
import { resolvePaths } from '../../platform/paths.js';

export interface InitFlags {
  profile?: string[];
  production?: string[];
  url?: string;
  device?: string;
  factor?: string;
  sessionDuration?: string;
  region?: string;
  force?: boolean;
}

/** NAME=ACCOUNT:ROLE[:SECONDS]; the account id stays a string (leading zeros). */
export function parseProfileFlag(value: string): InitProfile {
  const m = /^([^=]+)=([^:]+):([^:]+)(?::([^:]+))?$/.exec(value.trim());
  if (!m) throw usage(`--profile ${value}: expected NAME=ACCOUNT:ROLE[:SECONDS], e.g. eticloud=626007623524:admin`);
  const [, name, accountId, role, seconds] = m;
  return { name: name!.trim(), accountId: accountId!.trim(), role: role!.trim(), ...(seconds === undefined ? {} : { seconds: parseSecondsFlag(`--profile ${value}`, seconds) }) };
}

export function parseSecondsFlag(flag: string, value: string): number {
  if (!/^\d+$/.test(value.trim())) throw usage(`${flag}: "${value}" is not a whole number of seconds`);
  return Number(value.trim());
}

export function parseRegionFlag(value: string): string {
  if (!isRegionName(value.trim())) throw usage(`--region ${value}: not an AWS region name (like us-east-1 or eu-west-1)`);
  return value.trim();
}

function usage(message: string): UserError {
  return new UserError(message, { exitCode: ExitCode.usage, hint: 'See `duo-sso-setup config init --help`.' });
}

export function optionsFromFlags(flags: InitFlags): InitOptions {
  return {
    profiles: (flags.profile ?? []).map(parseProfileFlag),
    production: flags.production ?? [],
    ...(flags.url !== undefined ? { url: flags.url } : {}),
    ...(flags.device !== undefined ? { device: flags.device } : {}),
    ...(flags.factor !== undefined ? { factor: flags.factor } : {}),
    ...(flags.sessionDuration !== undefined ? { sessionDuration: parseSecondsFlag('--session-duration', flags.sessionDuration) } : {}),
    ...(flags.region !== undefined ? { region: parseRegionFlag(flags.region) } : {}),
    force: Boolean(flags.force),
  };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/**
 * What to run after writing the config: our login (which runs duo-sso and checks the result).
 * `elsewhere`: the file written under --config is not duo-sso's own, which is the only one
 * duo-sso reads (login/own-config.ts): a bare `login` would act on another file, so the next
 * command acts on this one, and the login comes after it is made duo-sso's own.
 */
export function nextSteps(hasProfiles: boolean, elsewhere?: { path: string; own: string }): string {
  if (elsewhere) {
    return `Next: duo-sso-setup --config ${shellQuote([elsewhere.path])} config validate; duo-sso reads only ${elsewhere.own}, so to log in with this file copy it there (back up the current one first), then duo-sso-setup login`;
  }
  return hasProfiles
    ? 'Next: duo-sso-setup login'
    : 'Next: duo-sso-setup login (without profiles duo-sso lists your accounts and roles; `duo-sso-setup config import` turns that listing into profiles)';
}

/** Whether `config init` runs its wizard: at a terminal, when no flag gives the answers. */
export function asksWizard(ctx: Pick<Context, 'canPrompt'>, flags: InitFlags): boolean {
  const flagsGiven = (flags.profile ?? []).length > 0 || Object.keys(flags).some((k) => k !== 'force');
  return ctx.canPrompt && !flagsGiven;
}

export async function runInit(ctx: Pick<Context, 'env' | 'paths' | 'options' | 'io' | 'now' | 'canPrompt'>, flags: InitFlags, prompter?: Prompter): Promise<number> {
  let options: InitOptions = optionsFromFlags(flags);
  if (asksWizard(ctx, flags)) {
    const { askInitOptions } = await import('../wizard.js');
    const { enquirerPrompter } = await import('../../ui/prompt.js');
    const { readPolicy } = await import('../../policy/read.js');
    const policyRegion = appliedPolicy(await readPolicy(ctx.paths))?.region;
    const asked = await askInitOptions(prompter ?? enquirerPrompter(), { exists: await exists(ctx.paths.duoConfig), force: Boolean(flags.force), ...(policyRegion ? { region: policyRegion } : {}) });
    if (!asked) {
      ctx.io.err(wrapText(`${ctx.paths.duoConfig} left unchanged\n`, ctx.io.errWidth));
      return ExitCode.failure;
    }
    options = asked;
  }
  // A ~/.aws/config the region cannot go into is refused before config.json is written.
  if (options.region) await applyRegion({ ...ctx, options: { ...ctx.options, dryRun: true } }, [], options.region);
  const r = await initConfig(ctx, options);
  // The region: asked or given, else the organisation's; written only where a profile has none.
  const region = options.region ?? appliedPolicy(r.policy)?.region;
  const names = Object.keys(r.config.profiles ?? {});
  const regionOutcome: RegionOutcome | undefined = region && names.length > 0 ? await applyRegion(ctx, names, region) : undefined;
  if (r.policy.kind === 'ignored') ctx.io.err(wrapText(`warning: the organisation policy ${r.policy.path} is ignored: ${r.policy.reason} (see duo-sso-setup doctor --only policy)\n`, ctx.io.errWidth));
  if (r.policy.kind === 'invalid') ctx.io.err(wrapText(`warning: the organisation policy ${r.policy.path} is not valid and was not applied: ${r.policy.problems[0]!.message} (see duo-sso-setup doctor --only policy)\n`, ctx.io.errWidth));
  if (ctx.options.json) {
    ctx.io.out(`${JSON.stringify({ path: r.path, changed: r.changed && !r.dryRun, dryRun: r.dryRun, backup: r.backup ?? null, production: r.production, policy: { path: r.policy.path, status: r.policy.kind }, config: r.config, ...(regionOutcome ? { region: regionOutcome } : {}) }, null, 2)}\n`);
    return ExitCode.ok;
  }
  const width = ctx.io.outWidth;
  // The preview is the file as it would be written (JSON): only the line before it wraps.
  if (r.dryRun) ctx.io.out(`${wrapText(`would write ${r.path}${r.backup ? ` (backing up the current file to ${r.backup})` : ''}:`, width)}\n${r.text}`);
  else if (!r.changed) ctx.io.out(wrapText(`${r.path} already has exactly this content\n`, width));
  else ctx.io.out(wrapText(`wrote ${r.path}${r.backup ? `\nbackup: ${r.backup}` : ''}\n`, width));
  if (regionOutcome) ctx.io.out(wrapText(`${describeRegion(regionOutcome)}${regionOutcome.backup ? `\nbackup: ${regionOutcome.backup}` : ''}\n`, width));
  const own = resolvePaths(ctx.env).duoConfig;
  const elsewhere = ctx.options.config !== undefined && r.path !== own ? { path: r.path, own } : undefined;
  if (!r.dryRun) ctx.io.err(wrapText(`${nextSteps(Boolean(options.profiles?.length), elsewhere)}\n`, ctx.io.errWidth));
  return ExitCode.ok;
}
