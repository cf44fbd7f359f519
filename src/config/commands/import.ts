// `config import [FILE|-]`: builds profiles from duo-sso's account/role listing, asking
// which to keep on a terminal (all of them with --yes or without one).
import type { Context } from '../../context.js';
import { ExitCode, UserError } from '../../errors.js';
import { readInput, type InputSource } from '../../io/read-input.js';
import { updateState } from '../../state/state.js';
import { upsertProfile } from '../edit.js';
import { editConfigFile, requireConfig } from '../edit-file.js';
import { accountIdString, isObject, listProfiles } from '../model.js';
import { POLICY, policyCap } from '../../policy/caps.js';
import { parseListing, proposeNames, type ListedRole } from '../parse-listing.js';
import type { Prompter } from '../../ui/prompt.js';
import { normaliseAccountId, validDuration } from '../validate.js';
import { wrapText } from '../../ui/wrap.js';

export interface ImportFlags {
  production?: string[];
}

/** A listing is a few KiB even with hundreds of roles; anything far bigger is the wrong file. */
export const MAX_LISTING_BYTES = 1024 * 1024;

export async function readImportSource(source: string | undefined, stdinIsTTY: boolean): Promise<string> {
  if (source === undefined && stdinIsTTY) {
    throw new UserError('give the listing as a FILE, or pipe it in', { exitCode: ExitCode.usage, hint: 'e.g. `duo-sso 2>&1 | tee listing.txt`, then `duo-sso-setup config import listing.txt`' });
  }
  const input: InputSource = source === undefined || source === '-' ? { kind: 'stdin' } : { kind: 'file', path: source };
  return readInput(input, { maxBytes: MAX_LISTING_BYTES });
}

export async function runImport(
  ctx: Pick<Context, 'paths' | 'options' | 'io' | 'now' | 'canPrompt'>,
  source: string | undefined,
  flags: ImportFlags,
  deps: { prompter?: Prompter; text?: string } = {},
): Promise<number> {
  const text = deps.text ?? (await readImportSource(source, ctx.io.stdinIsTTY));
  const listed = parseListing(text);
  if (listed.length === 0) {
    throw new UserError(`found no account/role pairs in ${source && source !== '-' ? source : 'the input'} (no 12-digit account ids with role names)`, {
      hint: 'Give the output of a duo-sso login made without profiles, or add profiles one by one with `duo-sso-setup config add-profile`.',
    });
  }
  const existing = await requireConfig(ctx.paths.duoConfig, { allowMissing: true });
  const present = listProfiles(existing?.value);
  const havePair = new Set(present.map((p) => `${normaliseAccountId(p.accountId)}:${p.role}`));
  const fresh = listed.filter((r) => !havePair.has(`${r.accountId}:${r.role}`));
  const skipped = listed.filter((r) => havePair.has(`${r.accountId}:${r.role}`));
  const names = proposeNames(fresh, new Set(present.map((p) => p.name)));
  const label = (r: ListedRole) => names.get(r)!;
  const unknownProduction = (flags.production ?? []).filter((n) => !fresh.some((r) => label(r) === n));
  if (unknownProduction.length > 0) {
    throw new UserError(`--production names no imported profile: ${unknownProduction.join(', ')}`, { exitCode: ExitCode.usage, hint: `Imported names: ${fresh.map(label).join(', ') || '(none)'}` });
  }
  let chosen = fresh;
  let production = new Set(flags.production ?? []);
  if (ctx.canPrompt && fresh.length > 0) {
    const { enquirerPrompter } = await import('../../ui/prompt.js');
    const prompt = deps.prompter ?? enquirerPrompter();
    const choices = fresh.map((r) => ({ name: label(r), hint: `${r.accountId} ${r.role}` }));
    const keep = new Set(await prompt.multiselect('Which profiles should be added?', choices, choices.map((c) => c.name)));
    chosen = fresh.filter((r) => keep.has(label(r)));
    if (chosen.length > 0) {
      production = new Set(await prompt.multiselect('Which of them are production accounts (1-hour sessions)?', chosen.map((r) => ({ name: label(r), hint: r.accountId })), [...production]));
    }
  }
  let backup: string | undefined;
  let changed = false;
  if (chosen.length > 0) {
    const written = await editConfigFile(ctx, (current, value) => {
      const top = value.session_duration_seconds;
      const base = validDuration(top) ? top : POLICY.recommended;
      let next = current;
      for (const r of chosen) {
        const name = label(r);
        if (isObject(value.profiles) && Object.hasOwn(value.profiles, name)) throw new UserError(`profile "${name}" appeared while importing; nothing was written`, { hint: 'Run the import again.' });
        next = upsertProfile(next, name, { accountId: r.accountId, role: r.role, seconds: Math.min(base, policyCap(production.has(name))) });
      }
      return next;
    }, { createIfMissing: true });
    backup = written.backup;
    changed = written.changed;
    await updateState(ctx.paths, (s) => ({
      ...s,
      productionProfiles: [...new Set([...s.productionProfiles, ...chosen.map(label).filter((n) => production.has(n))])].sort(),
    }), { dryRun: ctx.options.dryRun });
  }
  const added = chosen.map((r) => ({ name: label(r), accountId: r.accountId, role: r.role, production: production.has(label(r)) }));
  const already = skipped.map((r) => ({ accountId: r.accountId, role: r.role, profile: present.find((p) => normaliseAccountId(accountIdString(p.accountId) ?? '') === r.accountId && p.role === r.role)?.name }));
  if (ctx.options.json) {
    ctx.io.out(`${JSON.stringify({ path: ctx.paths.duoConfig, changed: changed && !ctx.options.dryRun, dryRun: ctx.options.dryRun, backup: ctx.options.dryRun ? null : backup ?? null, added, alreadyPresent: already }, null, 2)}\n`);
    return ExitCode.ok;
  }
  const verb = ctx.options.dryRun ? 'would add' : 'added';
  // The added profiles are rows (name, account, role): not re-wrapped, like config profiles' table.
  ctx.io.out(added.length === 0 ? 'no new profiles\n' : `${wrapText(`${verb} ${added.length} profile${added.length > 1 ? 's' : ''} to ${ctx.paths.duoConfig}:`, ctx.io.outWidth)}\n${added.map((a) => `  ${a.name}  ${a.accountId}  ${a.role}${a.production ? '  (production)' : ''}\n`).join('')}`);
  if (already.length > 0) ctx.io.out(wrapText(`already present: ${already.map((a) => `${a.accountId} ${a.role}${a.profile ? ` (${a.profile})` : ''}`).join(', ')}\n`, ctx.io.outWidth));
  if (backup && !ctx.options.dryRun) ctx.io.out(`backup: ${backup}\n`);
  return ExitCode.ok;
}
