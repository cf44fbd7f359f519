// `config profiles`, `config add-profile`, `config remove-profile`.
import type { Context } from '../../context.js';
import { ExitCode, UserError } from '../../errors.js';
import { missingProfileError } from '../known-profiles.js';
import { updateState, readState } from '../../state/state.js';
import { profileNames, upsertProfile, removeProfile } from '../edit.js';
import { editConfigFile, requireConfig } from '../edit-file.js';
import { effectiveDuration, isObject, listProfiles } from '../model.js';
import { policyCap, POLICY } from '../../policy/caps.js';
import { validDuration } from '../validate.js';
import { isAccountId, isRoleName, isUsableProfileName } from '../../aws/names.js';
import { parseSecondsFlag } from './init.js';
import { capsOf } from '../../policy/policy.js';
import { appliedPolicy, readPolicy } from '../../policy/read.js';
import { wrapText } from '../../ui/wrap.js';

type Ctx = Pick<Context, 'paths' | 'options' | 'io' | 'now'>;

export async function runListProfiles(ctx: Ctx): Promise<number> {
  const read = (await requireConfig(ctx.paths.duoConfig))!;
  const state = await readState(ctx.paths);
  const production = new Set(state.productionProfiles);
  const profiles = listProfiles(read.value).map((p) => ({
    ...p,
    effectiveDurationSeconds: effectiveDuration(read.value, p.name),
    production: production.has(p.name),
  }));
  if (ctx.options.json) {
    ctx.io.out(`${JSON.stringify({ path: read.path, profiles }, null, 2)}\n`);
    return ExitCode.ok;
  }
  if (profiles.length === 0) {
    ctx.io.out(wrapText(`no profiles in ${read.path}: duo-sso lists your accounts and roles at each login (add some with \`duo-sso-setup config add-profile\` or \`config import\`)\n`, ctx.io.outWidth));
    return ExitCode.ok;
  }
  const rows = [['NAME', 'ACCOUNT', 'ROLE', 'SECONDS', 'PRODUCTION'], ...profiles.map((p) => [
    p.name, p.accountId, p.role, `${p.effectiveDurationSeconds}${p.sessionDurationSeconds === undefined ? ' (inherited)' : ''}`, p.production ? 'yes' : 'no',
  ])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  // A table is not re-wrapped: a row broken over two lines no longer lines up with its header
  // (and a pipe gets the rows whole for cut and awk either way).
  ctx.io.out(rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')).join('\n') + '\n');
  return ExitCode.ok;
}

export interface AddProfileFlags {
  account: string;
  role: string;
  duration?: string;
  production?: boolean;
  force?: boolean;
}

function usage(message: string): UserError {
  return new UserError(message, { exitCode: ExitCode.usage, hint: 'See `duo-sso-setup config add-profile --help`.' });
}

export async function runAddProfile(ctx: Ctx, name: string, flags: AddProfileFlags): Promise<number> {
  if (!isUsableProfileName(name)) throw usage(`profile name ${JSON.stringify(name)} cannot be used with aws --profile: use letters, digits and . _ - + @`);
  const accountId = flags.account.trim();
  if (!isAccountId(accountId)) throw usage(`--account ${flags.account}: an AWS account id is exactly 12 digits (keep leading zeros)`);
  if (!isRoleName(flags.role)) throw usage(`--role ${flags.role}: not an IAM role name`);
  // An account the organisation policy calls production is production whatever the flag says.
  const org = appliedPolicy(await readPolicy(ctx.paths));
  const production = Boolean(flags.production) || Boolean(org?.productionAccounts?.includes(accountId));
  const cap = policyCap(production, capsOf(org));
  const asked = flags.duration === undefined ? undefined : parseSecondsFlag('--duration', flags.duration);
  if (asked !== undefined && (asked < POLICY.minSeconds || asked > cap)) {
    throw usage(`--duration ${asked}: ${production ? 'production' : 'non-production'} profiles take ${POLICY.minSeconds}-${cap} s without SRE approval`);
  }
  let replaced = false;
  const written = await editConfigFile(ctx, (text, value) => {
    replaced = profileNames(text).includes(name);
    if (replaced && !flags.force) throw new UserError(`profile "${name}" already exists`, { hint: `Replace it with --force, or remove it first: duo-sso-setup config remove-profile ${name}` });
    const top = value.session_duration_seconds;
    const seconds = asked ?? Math.min(validDuration(top) ? top : POLICY.recommended, cap);
    return upsertProfile(text, name, { accountId, role: flags.role, seconds });
  }, { createIfMissing: true });
  await updateState(ctx.paths, (s) => ({
    ...s,
    productionProfiles: [...new Set([...s.productionProfiles.filter((n) => n !== name), ...(production ? [name] : [])])].sort(),
  }), { dryRun: ctx.options.dryRun });
  report(ctx, `${ctx.options.dryRun ? 'would ' : ''}${replaced ? 'replace' : 'add'}${ctx.options.dryRun ? '' : replaced ? 'd' : 'ed'} profile "${name}"`, written);
  return ExitCode.ok;
}

export async function runRemoveProfile(ctx: Ctx, name: string): Promise<number> {
  const written = await editConfigFile(ctx, (text, value) => {
    const names = isObject(value.profiles) ? Object.keys(value.profiles) : [];
    if (!names.includes(name)) {
      throw missingProfileError([name], ctx.paths.duoConfig, names, 'This config has no profiles.');
    }
    return removeProfile(text, name);
  });
  await updateState(ctx.paths, (s) => ({ ...s, productionProfiles: s.productionProfiles.filter((n) => n !== name) }), { dryRun: ctx.options.dryRun });
  report(ctx, `${ctx.options.dryRun ? 'would remove' : 'removed'} profile "${name}"`, written);
  return ExitCode.ok;
}

function report(ctx: Ctx, what: string, w: { path: string; changed: boolean; backup: string | undefined }): void {
  if (ctx.options.json) ctx.io.out(`${JSON.stringify({ path: w.path, changed: w.changed && !ctx.options.dryRun, dryRun: ctx.options.dryRun, backup: ctx.options.dryRun ? null : w.backup ?? null, message: what }, null, 2)}\n`);
  else ctx.io.out(wrapText(`${what} in ${w.path}${w.backup && !ctx.options.dryRun ? `\nbackup: ${w.backup}` : ''}\n`, ctx.io.outWidth));
}
