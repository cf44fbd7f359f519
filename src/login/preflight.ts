// Before a login: duo-sso on PATH and a readable config.json, offering to install or create
// them in a terminal, otherwise a clear error with the command that fixes it.
import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { readConfig, describeInvalidJson } from '../config/read-config.js';
import { listProfiles, type ProfileSummary } from '../config/model.js';
import { findFirst } from '../platform/facts.js';
import { resolveSelf } from '../platform/self.js';
import { duoSsoInstallFix } from '../remedies/duo-sso.js';
import { shellQuote } from '../ui/style.js';

export interface LoadedConfig {
  text: string;
  value: unknown;
  profiles: ProfileSummary[];
}

export async function locateDuoSso(ctx: Context): Promise<string> {
  const find = () => findFirst('duo-sso', ctx.env) ?? (process.platform === 'win32' ? findFirst('duo-sso_windows_amd64', ctx.env) : undefined);
  const found = find();
  if (found) return found;
  // The doctor's remedy for this machine: where a plain `install duo-sso` can only be refused
  // (no release key pinned, no Homebrew), it is not offered; the SHA-256 route is named instead.
  const fix = duoSsoInstallFix(await ctx.platform());
  // A dry run changes nothing, so it has nothing to offer: a yes would install nothing and the
  // run would stop on the same error after a question that led nowhere.
  if (fix.automatic && ctx.canPrompt && !ctx.options.dryRun) {
    const { confirm } = await import('../ui/prompt.js');
    if (await confirm('duo-sso is not installed. Install it now (duo-sso-setup install duo-sso)?', true)) {
      const [file, ...args] = resolveSelf(['duo-sso-setup', 'install', 'duo-sso']);
      await ctx.runner.run(file!, args, { interactive: true, mutates: true, timeoutMs: 15 * 60_000 });
      const again = find();
      if (again) return again;
    }
  }
  throw new UserError('duo-sso is not installed (not found on PATH)', {
    hint: fix.automatic ? 'Install it: duo-sso-setup install duo-sso' : `Install it: ${fix.commands.map((c) => shellQuote(c)).join('; ')}\n${fix.description}.`,
  });
}

export async function loadConfig(ctx: Context): Promise<LoadedConfig> {
  let read = await readConfig(ctx.paths.duoConfig);
  if (read.kind === 'missing' && ctx.canPrompt && !ctx.options.dryRun) {
    const { confirm } = await import('../ui/prompt.js');
    if (await confirm(`${ctx.paths.duoConfig} does not exist. Create it now (duo-sso-setup config init)?`, true)) {
      const [file, ...args] = resolveSelf(['duo-sso-setup', 'config', 'init']);
      await ctx.runner.run(file!, args, { interactive: true, mutates: true, timeoutMs: 15 * 60_000 });
      read = await readConfig(ctx.paths.duoConfig);
    }
  }
  switch (read.kind) {
    case 'missing':
      throw new UserError(`${ctx.paths.duoConfig} does not exist`, { hint: 'Create it: duo-sso-setup config init' });
    case 'unreadable':
      throw new UserError(`${ctx.paths.duoConfig} cannot be read: ${read.reason}`, { hint: 'duo-sso-setup config init --force recreates it (the old file is backed up)' });
    case 'invalid-json':
      throw new UserError(`invalid JSON: ${describeInvalidJson(read)}`, { hint: 'Correct it at that position, or see duo-sso-setup config validate' });
    case 'parsed':
      return { text: read.text, value: read.value, profiles: listProfiles(read.value) };
  }
}
