// Recording renewal choices in state.json: `credentials migrate --renew|--no-renew
// [--refresh-before MINUTES]`, and the default of `login --store`.
import type { Context } from '../context.js';
import { updateState } from '../state/state.js';
import { withRenewal } from './renew-settings.js';

export async function rememberRenewal(
  ctx: Pick<Context, 'paths' | 'options'>,
  profiles: readonly string[],
  on: boolean,
  opts: { onlyIfUnset?: boolean; refreshBeforeSeconds?: number } = {},
): Promise<void> {
  if (profiles.length === 0 && opts.refreshBeforeSeconds === undefined) return;
  await updateState(ctx.paths, (s) => withRenewal(s, profiles, on, opts), { dryRun: ctx.options.dryRun });
}
