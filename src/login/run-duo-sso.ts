// One run of duo-sso: the user's terminal on its stdin, its output read line by line into
// events (and shown, secrets redacted), and the credentials file watched as it saves each
// profile, so credentials it put under [default] can be moved afterwards.
import { readOwnFileSync } from '../fs/safe-read.js';
import { withLockedFiles } from '../fs/safe-write.js';
import type { Context } from '../context.js';
import { sectionNames } from '../aws/ini.js';
import { findMisplaced, profileSection, readCredentialsText, type Misplaced, type Section } from '../aws/credentials-file.js';
import { redactSecrets } from '../knowledge/redact.js';
import { redactingEcho } from './redacting-echo.js';
import { grantsInLine } from './assertion-grants.js';
import { emptySummary, fold, parseLine, type RunSummary } from './events.js';
import { progress } from './progress.js';
import type { RunRecord } from './render.js';
import { decodeAwsFile } from '../aws/ini-model.js';

const DUO_SSO_TIMEOUT_MS = 10 * 60_000;

export interface DuoRun {
  record: RunRecord;
  summary: RunSummary;
  lines: string[];
  misplaced: Misplaced[];
  defaultBefore: Section | undefined;
  dryRun: boolean;
}

/**
 * `expected`: the one profile this run is for, when there is exactly one. duo-sso's [default]
 * bug sometimes also shows in its words ("saved for profile 'default'"): then it is that one.
 */
export async function runDuoSso(ctx: Context, duoSso: string, args: string[], opts: { passthrough?: boolean; expected?: string } = {}): Promise<DuoRun> {
  return holdingCredentialsFile(ctx, () => runUnlocked(ctx, duoSso, args, opts));
}

/**
 * duo-sso rewrites the credentials file in place without our lock (read it, edit, write it
 * back): a restore or migrate writing the file meanwhile (under the lock) would have its write
 * undone, after it had already deleted the store entry. So the lock is held for duo-sso while
 * it runs; their runs wait for it (and give up, changing nothing, after the lock's wait).
 */
async function holdingCredentialsFile<T>(ctx: Context, fn: () => Promise<T>): Promise<T> {
  if (ctx.runner.dryRun) return fn();
  return withLockedFiles([{ path: ctx.paths.awsCredentials, opts: { mode: 0o600 } }], fn);
}

async function runUnlocked(ctx: Context, duoSso: string, args: string[], opts: { passthrough?: boolean; expected?: string }): Promise<DuoRun> {
  const passthrough = opts.passthrough ?? false;
  const before = await readCredentialsText(ctx.paths.awsCredentials).catch(() => undefined);
  if (passthrough) {
    progress(ctx, `running ${['duo-sso', ...args].join(' ')}`);
    const r = await ctx.runner.run(duoSso, args, { interactive: true, mutates: true, timeoutMs: DUO_SSO_TIMEOUT_MS });
    const changed = r.dryRun ? [] : changedSections(before, await readCredentialsText(ctx.paths.awsCredentials).catch(() => undefined));
    const summary = { ...emptySummary(), saved: changed };
    const record: RunRecord = { argv: ['duo-sso', ...args], exitCode: r.exitCode, timedOut: r.timedOut, ...(r.spawnError ? { spawnError: r.spawnError } : {}), saved: changed };
    return { record, summary, lines: [], misplaced: [], defaultBefore: profileSection(before, 'default'), dryRun: Boolean(r.dryRun) };
  }
  const seen: { profile: string; own: Section | undefined; fallback: Section | undefined }[] = [];
  const lines: string[] = [];
  let summary = emptySummary();
  // duo-sso's own output, passed on as it streams (a chunk may end mid-line): not re-wrapped.
  const echo = redactingEcho((text) => ctx.io.err(text));
  progress(ctx, `running ${['duo-sso', ...args].join(' ')}`);
  const r = await ctx.runner.run(duoSso, args, {
    interactive: true,
    echo: false,
    mutates: true,
    timeoutMs: DUO_SSO_TIMEOUT_MS,
    onPartial: (text, stream) => echo.partial(text, stream),
    onLine: (line, stream) => {
      const shown = redactSecrets(line);
      lines.push(shown);
      // Events carry duo-sso's words into messages and --json: parse the redacted line.
      const parsed = parseLine(shown);
      const event = parsed.kind === 'profile-saved' && parsed.profile === 'default' && opts.expected ? { ...parsed, profile: opts.expected } : parsed;
      summary = fold(summary, event);
      // The assertion itself (debug mode) says what the SSO grants, for an AccessDenied explanation.
      for (const g of grantsInLine(line) ?? []) {
        if (!summary.listed.some((l) => l.account === g.account && l.role === g.role)) summary = fold(summary, { kind: 'role-listed', ...g });
      }
      if (event.kind === 'profile-saved') {
        // duo-sso has just written the file: look now, before its next profile overwrites [default].
        const text = readTextSync(ctx.paths.awsCredentials);
        seen.push({ profile: event.profile, own: profileSection(text, event.profile), fallback: profileSection(text, 'default') });
      }
      echo.line(line, stream);
    },
  });
  if (!r.dryRun && r.exitCode === 0 && summary.saved.length === 0) {
    // Its wording may differ from the guide's: trust the file over the words.
    summary = { ...summary, saved: changedSections(before, await readCredentialsText(ctx.paths.awsCredentials).catch(() => undefined)) };
  }
  const record: RunRecord = {
    argv: ['duo-sso', ...args],
    exitCode: r.exitCode,
    timedOut: r.timedOut,
    ...(r.spawnError ? { spawnError: r.spawnError } : {}),
    saved: summary.saved,
  };
  if (r.dryRun) progress(ctx, 'dry run: duo-sso was not run');
  return { record, summary, lines, misplaced: r.dryRun ? [] : findMisplaced(before, seen), defaultBefore: profileSection(before, 'default'), dryRun: Boolean(r.dryRun) };
}

/** Sections whose access key is new since `before`. */
function changedSections(before: string | undefined, after: string | undefined): string[] {
  return (after ? sectionNames(after) : []).filter((n) => {
    const key = profileSection(after, n)?.aws_access_key_id;
    return key !== undefined && key !== profileSection(before, n)?.aws_access_key_id;
  });
}

function readTextSync(path: string): string | undefined {
  try {
    // Never through a link or a pipe; strictly decoded: a file the AWS CLI cannot decode has no sections for it either.
    const bytes = readOwnFileSync(path);
    if (bytes === undefined) return undefined;
    const decoded = decodeAwsFile(bytes);
    return decoded.ok ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}
