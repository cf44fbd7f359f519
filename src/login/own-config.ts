// duo-sso reads its config from one place, ~/.config/duo-sso/config.json, and takes no flag
// to read another (docs: its known flags). A login under `--config PATH` would run duo-sso on
// that file's neighbour: it would log in (and overwrite the keys of) the profiles of its own
// file, while we verify and report the profiles of PATH. So a login needs duo-sso's own file.
import { realpath } from 'node:fs/promises';
import type { Context } from '../context.js';
import { ExitCode, UserError } from '../errors.js';
import { resolvePaths } from '../platform/paths.js';

export async function requireDuoSsoOwnConfig(ctx: Pick<Context, 'env' | 'paths'>): Promise<void> {
  const own = resolvePaths(ctx.env).duoConfig;
  const given = ctx.paths.duoConfig;
  if (given === own) return;
  const [real, ownReal] = await Promise.all([realpath(given).catch(() => undefined), realpath(own).catch(() => undefined)]);
  // A file that is not there is said so by the login itself, with how to create it; the same
  // file by another name (a link, ~/.config linked into a dotfiles folder) is duo-sso's own.
  if (real === undefined || real === ownReal) return;
  throw new UserError(`duo-sso reads only ${own}, so a login cannot use --config ${given}: duo-sso would log in the profiles of its own file, not these`, {
    hint: `Log in without --config, or make that file duo-sso's own first (back up ${own}, then copy ${given} there).`,
    exitCode: ExitCode.usage,
  });
}
