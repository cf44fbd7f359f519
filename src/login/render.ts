// What `login` reports: the JSON document (--json) and the human summary. Pure.
import type { OsName } from '../platform/facts.js';
import { paint, shellQuote, symbols, type Style } from '../ui/style.js';
import { powershellQuote } from '../platform/powershell.js';
import type { Failure } from './repair.js';
import type { SkewLevel } from './clock.js';

export interface RunRecord {
  argv: string[];
  exitCode: number | null;
  timedOut: boolean;
  spawnError?: string;
  saved: string[];
  failure?: Failure;
}

export type RepairRecord =
  | { kind: 'lower-duration'; profile: string; scope: 'profile' | 'top-level'; from: number; to: number; file: string; backup?: string }
  | { kind: 'move-credentials'; profiles: string[]; file: string; backup?: string }
  | { kind: 'raise-duration'; profile: string; from: number; to: number; file: string; backup?: string };

/** A longer session the role and the policy allow, offered rather than applied. */
export interface Suggestion {
  profile: string;
  from: number;
  to: number;
  reason: string;
  commands: string[][];
}

export interface ProfileReport {
  name: string;
  account?: string;
  role?: string;
  sessionDurationSeconds?: number;
  saved: boolean;
  verified: boolean;
  identity?: { arn: string; account: string; userId: string };
  /** When the credentials stop working (login time + the accepted duration). */
  expires?: string;
  /** False when the AWS CLI would find no region for this profile (it then refuses to run). */
  regionConfigured?: boolean;
  /** The empty AWS_REGION or AWS_DEFAULT_REGION the AWS CLI takes over the profile's region. */
  emptyRegionVariable?: string;
  /** The role's MaxSessionDuration, when iam:GetRole let us read it. */
  roleMaxSessionDuration?: number;
  error?: { code: string; message: string };
}

export interface Problem {
  id: string;
  message: string;
  details?: string[];
  commands: string[][];
}

export interface LoginReport {
  ok: boolean;
  dryRun: boolean;
  runs: RunRecord[];
  repairs: RepairRecord[];
  profiles: ProfileReport[];
  clock?: { skewSeconds: number; level: SkewLevel; summary: string; fix: string[][] };
  problem?: Problem;
  suggestions?: Suggestion[];
  /** Profiles whose keys went into the secret store after the login. */
  stored?: { profile: string; store: string; status: string; plaintextBackups?: string[] }[];
}

/** What the user will want to run next with a working profile. */
export function nextCommands(profile: string, os: OsName, regionConfigured = true, emptyRegionVariable?: string): string[] {
  const exportLine = os === 'win32' ? `$env:AWS_PROFILE = ${powershellQuote(profile)}` : `export AWS_PROFILE=${shellQuote([profile])}`;
  // Without a region the AWS CLI refuses every command; us-east-1 is STS's home region. An
  // empty variable wins over any region in the files, so it goes first.
  const unset = emptyRegionVariable ? [os === 'win32' ? `Remove-Item Env:${emptyRegionVariable}` : `unset ${emptyRegionVariable}`] : [];
  const region = regionConfigured || emptyRegionVariable ? [] : [`aws configure set region us-east-1 --profile ${shellQuote([profile])}`];
  return [...unset, ...region, `aws sts get-caller-identity --profile ${shellQuote([profile])}`, exportLine];
}

export function toJson(report: LoginReport, os: OsName): Record<string, unknown> {
  const working = report.profiles.filter((p) => p.verified || (p.saved && !p.error));
  return {
    ok: report.ok,
    ...(report.dryRun ? { dryRun: true } : {}),
    profiles: report.profiles,
    runs: report.runs,
    repairs: report.repairs,
    ...(report.clock ? { clock: report.clock } : {}),
    ...(report.problem ? { problem: report.problem } : {}),
    ...(report.suggestions ? { suggestions: report.suggestions } : {}),
    ...(report.stored ? { stored: report.stored } : {}),
    next: working.length > 0 ? nextCommands(working[0]!.name, os, working[0]!.regionConfigured !== false, working[0]!.emptyRegionVariable) : [],
  };
}

export function renderLogin(report: LoginReport, style: Style, opts: { json: boolean; os: OsName; now?: Date }): { out: string; err: string } {
  let err = '';
  if (report.clock && report.clock.level !== 'ok') {
    err += `${paint(style, report.clock.level === 'fail' ? 'red' : 'yellow', `clock: ${report.clock.summary}`)}; STS refuses signatures more than 15 min off and SAML assertions expire in 5 min.\n`;
    err += report.clock.fix.map((c) => `  $ ${shellQuote(c)}\n`).join('');
  }
  if (opts.json) return { out: `${JSON.stringify(toJson(report, opts.os), null, 2)}\n`, err };
  const s = symbols(style);
  const lines: string[] = [];
  for (const r of report.repairs) {
    const backup = r.backup ? ` (backup: ${r.backup})` : '';
    lines.push(r.kind === 'lower-duration'
      ? `${s.arrow} lowered ${r.scope === 'profile' ? `${r.profile}'s` : 'the top-level'} session_duration_seconds ${r.from} ${s.arrow} ${r.to} in ${r.file}${backup}`
      : r.kind === 'raise-duration'
        ? `${s.arrow} raised ${r.profile}'s session_duration_seconds ${r.from} ${s.arrow} ${r.to} in ${r.file}${backup}`
        : `${s.arrow} moved credentials from [default] to ${r.profiles.map((p) => `[${p}]`).join(', ')} in ${r.file}${backup}`);
  }
  for (const st of report.stored ?? []) {
    lines.push(`${s.arrow} ${st.profile}: keys ${st.status === 'migrated' ? 'moved into' : 'already in'} the ${st.store} store`);
    if (st.plaintextBackups?.length) lines.push(`  older backups still hold them in plaintext: ${st.plaintextBackups.join(', ')}`);
  }
  if (report.dryRun) lines.push(`dry run: would run ${report.runs.map((r) => shellQuote(r.argv)).join(', ')}`);
  const width = Math.max(0, ...report.profiles.map((p) => p.name.length));
  for (const p of report.profiles) {
    if (report.dryRun) break;
    const mark = p.verified ? paint(style, 'green', s.ok) : p.saved && (!p.error || p.error.code === 'Unreachable') ? paint(style, 'yellow', s.warn) : paint(style, 'red', s.fail);
    const what = p.identity ? p.identity.arn : p.error ? `${p.error.code}: ${p.error.message}` : p.saved ? 'saved (not verified)' : 'no credentials saved';
    lines.push(`${mark} ${p.name.padEnd(width)}  ${what}${p.expires && p.saved ? `  ${paint(style, 'dim', `expires ${formatExpiry(p.expires, opts.now ?? new Date())}`)}` : ''}`);
  }
  if (report.problem) {
    lines.push('', `${paint(style, 'red', s.fail)} ${report.problem.message}`);
    for (const d of report.problem.details ?? []) lines.push(`  ${d}`);
    for (const c of report.problem.commands) lines.push(`  ${s.dollar} ${shellQuote(c)}`);
  }
  for (const sug of report.suggestions ?? []) {
    lines.push('', `${s.bullet} ${sug.profile} could ask for ${sug.to} s instead of ${sug.from} s: ${sug.reason}.`, ...sug.commands.map((c) => `  ${s.dollar} ${shellQuote(c)}`));
  }
  const first = report.profiles.find((p) => p.verified);
  if (first && report.ok) {
    lines.push('', 'Next:', ...nextCommands(first.name, opts.os, first.regionConfigured !== false, first.emptyRegionVariable).map((c) => `  ${s.dollar} ${c}`));
  }
  return { out: `${lines.join('\n')}\n`, err };
}

export function formatExpiry(iso: string, now: Date): string {
  const at = new Date(iso);
  const minutes = Math.round((at.getTime() - now.getTime()) / 60_000);
  const hhmm = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  if (minutes <= 0) return `${hhmm} (expired)`;
  return minutes >= 90 ? `${hhmm} (in ${Math.round(minutes / 60 * 10) / 10} h)` : `${hhmm} (in ${minutes} min)`;
}
