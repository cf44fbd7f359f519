// A default region for the profiles duo-sso logs in, written where the AWS CLI reads it:
// `region` in each profile's section of ~/.aws/config. Without one the CLI stops with "You
// must specify a region" (it does not fall back to [default]'s for a named profile). A
// profile that already has a region (in either file, as botocore merges them) keeps it. Pure:
// the edit is judged with the botocore model before anyone writes it.
import { isDeepStrictEqual } from 'node:util';
import { awsView, configProfiles, rawConfigParse, type AwsView } from './botocore-view.js';
import { parseIni } from './ini-model.js';
import { configSectionName, setValues } from './ini.js';
import type { Env } from '../platform/paths.js';
import type { AwsTexts } from './shared-files.js';

/** AWS region names (us-east-1, eu-central-2, us-gov-west-1, cn-north-1, ap-southeast-5, il-central-1, ...). */
const REGION = /^[a-z]{2}(?:-(?:gov|iso|isob|isof|isoe))?-[a-z]+-\d{1,2}$/;

export function isRegionName(s: string): boolean {
  return REGION.test(s);
}

export type RegionPlan =
  | { ok: true; before: string | undefined; after: string; set: string[]; kept: { profile: string; region: string }[] }
  | { ok: false; reason: string };

function regionOf(view: Extract<AwsView, { profiles: unknown }>, profile: string): string | undefined {
  const r = view.profiles[profile]?.region;
  return typeof r === 'string' && r.trim() !== '' ? r.trim() : undefined;
}

/** The environment variable botocore takes the region from, if any: the first one set, even when empty. */
export function regionVariable(env: Env): { name: 'AWS_REGION' | 'AWS_DEFAULT_REGION'; value: string } | undefined {
  for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION'] as const) {
    const value = env[name];
    // Present counts, not non-empty: botocore returns '' and the CLI then builds `https://sts..amazonaws.com`.
    if (value !== undefined) return { name, value };
  }
  return undefined;
}

/**
 * The region the AWS CLI uses for `profile`, and where it comes from, in botocore's order:
 * AWS_REGION, AWS_DEFAULT_REGION (present counts, even empty: `region` is then ''), then the
 * profile's own `region` in ~/.aws/config or ~/.aws/credentials (the latter merged over the
 * former), never [default]'s for a named profile. Undefined when there is none, an empty
 * `region =` included (the CLI: "You must specify a region"), or the files do not parse (the
 * CLI then runs nothing). The doctor's region check is built from the same two parts
 * (regionVariable, and regionOf through planRegion); login and exec call this.
 */
export function cliRegion(env: Env, files: Partial<AwsTexts>, profile: string): { region: string; source: 'AWS_REGION' | 'AWS_DEFAULT_REGION' | 'profile' } | undefined {
  const variable = regionVariable(env);
  if (variable) return { region: variable.value, source: variable.name };
  const view = awsView(files.config, files.credentials);
  const region = 'error' in view ? undefined : regionOf(view, profile);
  return region === undefined ? undefined : { region, source: 'profile' };
}

/**
 * The config text with `region = <region>` in the section of each of `profiles` the AWS CLI
 * finds no region for; refused (nothing to write) when the files do not parse or the edit would
 * change anything else botocore sees.
 */
export function planRegion(config: string | undefined, credentials: string | undefined, profiles: readonly string[], region: string): RegionPlan {
  if (!isRegionName(region)) return { ok: false, reason: `'${region}' is not an AWS region name (like us-east-1 or eu-west-1)` };
  const before = awsView(config, credentials);
  if ('error' in before) return { ok: false, reason: `~/.aws/${before.error} does not parse as the AWS CLI reads it (line ${before.where.line}): fix it first (duo-sso-setup doctor)` };
  let after = config ?? '';
  const set: string[] = [];
  const kept: { profile: string; region: string }[] = [];
  for (const profile of [...new Set(profiles)]) {
    const have = regionOf(before, profile);
    if (have) kept.push({ profile, region: have });
    else {
      try {
        after = setValues(after, headerOf(after, profile) ?? configSectionName(profile), { region });
      } catch {
        return { ok: false, reason: `profile name '${profile}' cannot be written as a section header of ~/.aws/config` };
      }
      set.push(profile);
    }
  }
  if (set.length === 0) return { ok: true, before: config, after: config ?? '', set, kept };
  const view = awsView(after, credentials);
  if ('error' in view) return { ok: false, reason: 'the edited ~/.aws/config would not parse; nothing was written' };
  for (const name of new Set([...Object.keys(before.profiles), ...Object.keys(view.profiles)])) {
    const changed = set.includes(name)
      ? regionOf(view, name) !== region || !isDeepStrictEqual(withoutRegion(before.profiles[name]), withoutRegion(view.profiles[name]))
      : !isDeepStrictEqual(before.profiles[name], view.profiles[name]);
    if (changed) return { ok: false, reason: `writing the region would change how the AWS CLI reads profile ${name}; nothing was written` };
  }
  return { ok: true, before: config, after, set, kept };
}

function withoutRegion(values: Record<string, unknown> | undefined): Record<string, unknown> {
  const { region: _, ...rest } = values ?? {};
  return rest;
}

/** The header of the section botocore reads the profile from (`[profile "x"]`, `[profile  x]`, the later of two), if any. */
function headerOf(config: string, profile: string): string | undefined {
  const ini = parseIni(config);
  const raw = ini.ok ? rawConfigParse(ini.file) : undefined;
  return raw?.ok ? configProfiles(raw.sections).get(profile)?.section.header : undefined;
}
