// Text in, known failures out: which entries match, where, and what the message told us
// (role, code, profile...), with each fix's placeholders filled in. Pure.
import type { OsName } from '../platform/facts.js';
import { parseAwsErrors, roleFromArn, type AwsErrorLine } from './aws-errors.js';
import { redactSecrets } from './redact.js';
import type { DiagnosisFacts, KnowledgeFix, KnownFailure } from './types.js';

export interface Diagnosis {
  id: string;
  title: string;
  group: KnownFailure['group'];
  explanation: string;
  /** A sentence about this occurrence ("Role 'admin' refused ..."), when the message said enough. */
  detail?: string;
  fix: Pick<KnowledgeFix, 'description' | 'commands' | 'automatic'>;
  facts: DiagnosisFacts;
  /** The line that matched, secrets redacted, at most 300 characters. */
  evidence: string;
  /** 1-based line of the evidence in the text. */
  line: number;
}

export interface DiagnoseOptions {
  /** Picks the OS-specific fix commands; defaults to the fallback commands. */
  os?: OsName;
}

const MAX_EVIDENCE = 300;

export function diagnoseWith(entries: readonly KnownFailure[], text: string, opts: DiagnoseOptions = {}): Diagnosis[] {
  const lines = text.split(/\r?\n/);
  const errors = parseAwsErrors(text);
  const hits: { entry: KnownFailure; index: number; diagnosis: Diagnosis }[] = [];
  for (const entry of entries) {
    const matches = entry.patterns.map((p) => p.exec(text)).filter((m): m is RegExpExecArray => m !== null);
    if (matches.length === 0) continue;
    matches.sort((a, b) => a.index - b.index);
    const first = matches[0]!;
    const line = lineOf(text, first.index);
    // Stryker disable next-line StringLiteral: lineOf gives a line of the text, so the fallback is never taken (it is there for the type)
    const facts = gatherFacts(matches, lines[line - 1] ?? '', errors.find((e) => e.line === line));
    const detail = entry.describe?.(facts);
    hits.push({
      entry,
      index: first.index,
      diagnosis: {
        id: entry.id,
        title: entry.title,
        group: entry.group,
        explanation: entry.explanation,
        ...(detail ? { detail } : {}),
        fix: { description: entry.fix.description, commands: resolveCommands(entry.fix, facts, opts.os), automatic: entry.fix.automatic },
        facts,
        // Stryker disable next-line StringLiteral: as above, the line always exists
        evidence: clip(redactSecrets((lines[line - 1] ?? '').trim())),
        line,
      },
    });
  }
  // Stryker disable next-line ArrayDeclaration: the mutant's placeholder id names no entry, so an entry without the list still supersedes nothing
  const superseded = new Set(hits.flatMap((h) => h.entry.supersedes ?? []));
  const kept = hits.filter((h) => !superseded.has(h.entry.id));
  const specific = kept.filter((h) => !h.entry.fallback);
  return (specific.length > 0 ? specific : kept).sort((a, b) => a.index - b.index).map((h) => h.diagnosis);
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function gatherFacts(matches: readonly RegExpExecArray[], lineText: string, error: AwsErrorLine | undefined): DiagnosisFacts {
  const groups: Record<string, string> = {};
  for (const m of [...matches].reverse()) for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== undefined) groups[k] = v;
  const arn = roleFromArn(lineText);
  const facts: DiagnosisFacts = {};
  if (error) {
    facts.code = error.code;
    // Stryker disable next-line ConditionalExpression: parseAwsErrors names the operation on every line it reads (the guard is for the optional type)
    if (error.operation) facts.operation = error.operation;
    if (error.maxRetries !== undefined) facts.maxRetries = error.maxRetries;
  }
  const role = cleanFact(error?.role ?? arn?.role);
  if (role) facts.role = role;
  const account = /account:?\s*(\d{12})\b/.exec(lineText)?.[1] ?? arn?.account;
  if (account) facts.account = account;
  for (const key of ['profile', 'tap', 'formula', 'fingerprint', 'region', 'host', 'path'] as const) {
    const value = cleanFact(groups[key]);
    if (value) facts[key] = value;
  }
  const port = groups.port ? Number(groups.port) : Number.NaN;
  if (Number.isInteger(port) && port > 0 && port < 65536) facts.port = port;
  const sig = groups.sigTime ? parseAmzDate(groups.sigTime) : undefined;
  const server = groups.serverTime ? parseAmzDate(groups.serverTime) : undefined;
  if (sig !== undefined && server !== undefined) facts.skewSeconds = Math.round((server - sig) / 1000);
  return facts;
}

/**
 * A captured value fit to become a fact: its first line only, and nothing that carries a
 * secret. Facts reach --json, the detail sentence and the fix commands, which are not
 * redacted after the fact: a capture that ran into `aws_secret_access_key=…` (or across
 * lines into one) is dropped, not shown.
 */
export function cleanFact(value: string | undefined): string | undefined {
  const line = value?.split(/[\r\n]/)[0]?.trim();
  if (!line || redactSecrets(line) !== line) return undefined;
  return line;
}

/** `20261126T093000Z` → epoch milliseconds. */
function parseAmzDate(s: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : undefined;
}

const PLACEHOLDER_FACT: Record<string, keyof DiagnosisFacts> = {
  '<profile>': 'profile', '<role>': 'role', '<account>': 'account', '<tap>': 'tap', '<fingerprint>': 'fingerprint', '<region>': 'region', '<host>': 'host',
};

function resolveCommands(fix: KnowledgeFix, facts: DiagnosisFacts, os: OsName | undefined): string[][] {
  const commands = (os && fix.platformCommands?.[os]) || fix.commands;
  return commands.map((argv) => argv.map((arg) => {
    const key = PLACEHOLDER_FACT[arg];
    const value = key ? facts[key] : undefined;
    return value === undefined ? arg : String(value);
  }));
}

function clip(s: string): string {
  return s.length > MAX_EVIDENCE ? `${s.slice(0, MAX_EVIDENCE - 1)}…` : s;
}
