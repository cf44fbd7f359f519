// Writing the default region for config.json's profiles into ~/.aws/config (aws/region.ts
// plans and judges the edit; this is the thin shell that reads, writes and says what it did).
import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { updateFile } from '../fs/safe-write.js';
import { readAwsFile } from '../aws/shared-files.js';
import { planRegion } from '../aws/region.js';

/** STS's home region: the one the AWS CLI's own examples use when the user has no preference. */
export const FALLBACK_REGION = 'us-east-1';

export interface RegionOutcome {
  region: string;
  file: string;
  /** Profiles that get `region` now (or would, in a dry run). */
  set: string[];
  /** Profiles that already had a region: left as they are. */
  kept: { profile: string; region: string }[];
  backup?: string;
  dryRun: boolean;
}

/** The profiles of `profiles` the AWS CLI finds no region for (nothing is written). */
export async function profilesWithoutRegion(paths: Context['paths'], profiles: readonly string[]): Promise<string[]> {
  const gap = await regionGap(paths, profiles);
  return gap.ok ? gap.missing : [];
}

/** As profilesWithoutRegion, but saying why it cannot tell (a ~/.aws file botocore cannot parse). */
export async function regionGap(paths: Context['paths'], profiles: readonly string[]): Promise<{ ok: true; missing: string[] } | { ok: false; reason: string }> {
  const texts = await awsTexts(paths);
  const plan = planRegion(texts.config, texts.credentials, profiles, FALLBACK_REGION);
  return plan.ok ? { ok: true, missing: plan.set } : plan;
}

export async function applyRegion(ctx: Pick<Context, 'paths' | 'options'>, profiles: readonly string[], region: string): Promise<RegionOutcome> {
  const { credentials } = await awsTexts(ctx.paths);
  let set: string[] = [];
  let kept: RegionOutcome['kept'] = [];
  // Planned on the text read under the write's lock: a concurrent edit is never overwritten.
  const r = await updateFile(ctx.paths.awsConfig, (current) => {
    const plan = planRegion(current, credentials, profiles, region);
    if (!plan.ok) throw new UserError(`cannot set the region in ${ctx.paths.awsConfig}: ${plan.reason}`, { hint: 'Nothing was changed.' });
    ({ set, kept } = plan);
    return plan.set.length > 0 ? plan.after : undefined;
  }, { dryRun: ctx.options.dryRun });
  return { region, file: ctx.paths.awsConfig, set, kept, ...(r.backup ? { backup: r.backup } : {}), dryRun: ctx.options.dryRun };
}

export function describeRegion(o: RegionOutcome): string {
  const kept = o.kept.length > 0 ? `; kept ${o.kept.map((k) => `${k.profile}'s ${k.region}`).join(', ')}` : '';
  if (o.set.length === 0) return `every profile already has a region${kept}`;
  return `${o.dryRun ? 'would set' : 'set'} region ${o.region} for ${o.set.join(', ')} in ${o.file}${kept}`;
}

async function awsTexts(paths: Context['paths']): Promise<{ config?: string; credentials?: string }> {
  const text = async (path: string) => readAwsFile(path).then((r) => (r.kind === 'text' ? r.text : undefined), () => undefined);
  const config = await text(paths.awsConfig);
  const credentials = await text(paths.awsCredentials);
  return { ...(config !== undefined ? { config } : {}), ...(credentials !== undefined ? { credentials } : {}) };
}
