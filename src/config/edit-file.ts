// Changes config.json through a pure text edit, under the lock and with a backup, and
// refuses (leaving the file as it is) when the file is missing, unreadable or not JSON.
import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { updateFile, type SafeWriteResult } from '../fs/safe-write.js';
import { stripBom } from './edit.js';
import { buildConfig, renderConfig } from './init.js';
import { parseConfigText } from '../parsers/json-text.js';
import { describeInvalidJson, readConfig, shapeProblem, type ConfigRead } from './read-config.js';

type Parsed = Extract<ConfigRead, { kind: 'parsed' }>;

/** The parsed config, or a UserError saying what is wrong and what to run. */
export async function requireConfig(path: string, opts: { allowMissing?: boolean } = {}): Promise<Parsed | undefined> {
  const read = await readConfig(path);
  return usable(read, opts);
}

function usable(read: ConfigRead, opts: { allowMissing?: boolean }): Parsed | undefined {
  switch (read.kind) {
    case 'missing':
      if (opts.allowMissing) return undefined;
      throw new UserError(`${read.path} does not exist`, { hint: 'Create it with `duo-sso-setup config init`.' });
    case 'unreadable':
      throw new UserError(`${read.path} cannot be read: ${read.reason}; left unchanged`, { hint: 'Replace it with `duo-sso-setup config init --force` (the old file is backed up).' });
    case 'invalid-json':
      throw new UserError(`invalid JSON: ${describeInvalidJson(read)}; left unchanged\n${read.excerpt}`, { hint: 'Correct it at that position (`duo-sso-setup config validate` shows every problem), or replace it with `config init --force`.' });
    case 'parsed':
      if (typeof read.value !== 'object' || read.value === null || Array.isArray(read.value)) {
        throw new UserError(`${read.path} is not a JSON object; left unchanged`, { hint: 'Replace it with `duo-sso-setup config init --force` (the old file is backed up).' });
      }
      {
        const wrong = shapeProblem(read);
        if (wrong) throw new UserError(`${wrong.message}; left unchanged\n${wrong.excerpt}`, { hint: 'Correct it at that position (`duo-sso-setup config validate` shows every problem), then run the command again.' });
      }
      return read;
  }
}

/**
 * Applies `change` to the current text under the lock. A missing file starts from the
 * guide's defaults when `createIfMissing`; anything unparseable is refused untouched.
 */
export async function editConfigFile(
  ctx: Pick<Context, 'paths' | 'options' | 'now'>,
  change: (text: string, value: Record<string, unknown>) => string,
  opts: { createIfMissing?: boolean } = {},
): Promise<SafeWriteResult & { text: string }> {
  const path = ctx.paths.duoConfig;
  await requireConfig(path, { allowMissing: opts.createIfMissing });
  let text = '';
  const written = await updateFile(path, (current) => {
    if (current?.includes('\uFFFD')) throw new UserError(`${path} is not UTF-8 text; left unchanged`);
    const base = current === undefined && opts.createIfMissing ? renderConfig(buildConfig({})) : current;
    if (base === undefined) throw new UserError(`${path} does not exist`, { hint: 'Create it with `duo-sso-setup config init`.' });
    const read = usable(parseConfigText(path, stripBom(base)), {})!;
    text = change(base, read.value as Record<string, unknown>);
    return text;
  }, { mode: 0o600, follow: 'never', dryRun: ctx.options.dryRun, now: ctx.now });
  return { ...written, text };
}
