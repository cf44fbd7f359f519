// A region for each of config.json's profiles, found the way the AWS CLI finds it (botocore's
// configprovider: AWS_REGION, then AWS_DEFAULT_REGION, then the profile's `region` in
// ~/.aws/config or ~/.aws/credentials). A named profile does not fall back to [default]'s
// region, so without one every command of that profile stops with "You must specify a region".
// The fix is the region step of `setup` (config/region.ts): `region` written into each such
// profile's section, backup first, everything else byte for byte.
import { readConfig } from '../../config/read-config.js';
import { listProfiles } from '../../config/model.js';
import { FALLBACK_REGION, applyRegion, regionGap } from '../../config/region.js';
import { isRegionName, regionVariable } from '../../aws/region.js';
import { appliedPolicy, readPolicy } from '../../policy/read.js';
import { result, type Check, type CheckResult } from '../../check/types.js';

export interface RegionFacts {
  /** config.json's profile names. */
  profiles: string[];
  /** The profiles botocore's files give no region, or why the files cannot be read. */
  gap: { ok: true; missing: string[] } | { ok: false; reason: string };
  variable: { name: string; value: string } | undefined;
  /** What the fix writes: the organisation policy's region, else us-east-1. */
  region: string;
  fromPolicy: boolean;
  awsConfig: string;
}

/** The check's verdict on those facts. Pure. */
export function regionResult(f: RegionFacts): CheckResult {
  const { variable } = f;
  if (variable && variable.value.trim() === '') {
    return result.fail(`${variable.name} is set but empty: the AWS CLI uses it over every profile's region`, [
      `With an empty region it asks for https://sts..amazonaws.com ("Invalid endpoint") whatever ~/.aws/config says.`,
    ], { description: `Unset ${variable.name} (in this shell and wherever your shell profile sets it), or give it a region such as us-east-1`, commands: [], automatic: false }, { variable: variable.name });
  }
  if (f.profiles.length === 0) return result.skip('config.json names no profiles');
  if (!f.gap.ok) return result.skip(`cannot tell: ${f.gap.reason}`);
  const missing = f.gap.missing;
  if (variable) {
    const relying = missing.length > 0 ? [`${missing.join(', ')} ${missing.length > 1 ? 'have' : 'has'} no region of ${missing.length > 1 ? 'their' : 'its'} own: where ${variable.name} is not set the AWS CLI refuses ${missing.length > 1 ? 'them' : 'it'}.`] : [];
    return result.ok(`${variable.name}=${variable.value} gives every profile its region`, relying, { variable: variable.name, region: variable.value, missing });
  }
  if (missing.length === 0) return result.ok('every profile has a region', [], { missing });
  return result.warn(`no region for ${missing.join(', ')}: the AWS CLI refuses ${missing.length > 1 ? 'their' : 'its'} commands ("You must specify a region")`, [
    'A named profile does not use [default]\'s region; AWS_REGION or AWS_DEFAULT_REGION would also give one.',
  ], {
    description: `Set region ${f.region}${f.fromPolicy ? ' (the organisation policy\'s)' : ''} for ${missing.join(', ')} in ${f.awsConfig} (backup first; everything else in it stays as it is)`,
    commands: missing.map((p) => ['aws', 'configure', 'set', 'region', f.region, '--profile', p]),
    automatic: true,
  }, { missing, region: f.region });
}

async function facts(ctx: Parameters<Check['run']>[0]): Promise<RegionFacts> {
  const read = await readConfig(ctx.paths.duoConfig);
  const profiles = read.kind === 'parsed' ? listProfiles(read.value).map((p) => p.name) : [];
  const policyRegion = appliedPolicy(await readPolicy(ctx.paths))?.region;
  return {
    profiles,
    gap: profiles.length > 0 ? await regionGap(ctx.paths, profiles) : { ok: true, missing: [] },
    variable: regionVariable(ctx.env),
    region: policyRegion ?? FALLBACK_REGION,
    fromPolicy: policyRegion !== undefined,
    awsConfig: ctx.paths.awsConfig,
  };
}

export const regionCheck: Check = {
  id: 'region',
  title: 'a default AWS region for each profile',
  run: async (ctx) => regionResult(await facts(ctx)),
  // The region and profiles the user was shown (and said yes to); a profile that got a region
  // meanwhile keeps it (applyRegion plans again under the write's lock).
  async fix(ctx, found) {
    const { missing, region } = found.data ?? {};
    if (!Array.isArray(missing) || typeof region !== 'string' || !isRegionName(region)) throw new Error('no region to set');
    await applyRegion(ctx, missing.map(String), region);
  },
};
