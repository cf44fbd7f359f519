// What the AWS CLI makes of the parsed shared files, ported from botocore (the AWS CLI v2
// vendors it): configloader.raw_config_parse (nested `s3 =` blocks) and build_profile_map
// (`[profile NAME]` split with shlex, `[default]` and `[profile default]`: the later one in
// the file wins), Session.full_config (credentials-file sections merged over config
// profiles), SharedCredentialProvider (aws_security_token before aws_session_token) and
// compat_shell_split for credential_process (shlex on POSIX, the C runtime's rules on
// Windows). test/support/botocore-oracle.py prints the same shape from botocore itself; the
// differential tests compare the two.
import { parseIni, pyStrip, type IniError, type IniFile, type IniSection } from './ini-model.js';

export type IniValue = string | Record<string, string>;
export type Values = Record<string, IniValue>;

/**
 * Python's shlex.split(s) (POSIX mode, no comments), or undefined where it raises ValueError.
 * shlex's states folded: between words (word undefined), in a word, in quotes, after a backslash.
 */
export function shlexSplit(s: string): string[] | undefined {
  const WS = ' \t\r\n';
  const out: string[] = [];
  // A word may be empty ('' or ""): undefined is "between words".
  let word: string | undefined;
  let quote: "'" | '"' | undefined;
  let escaped = false;
  for (const c of s) {
    if (escaped) {
      // Inside double quotes only the quote and the backslash itself are escaped.
      if (quote === '"' && c !== '"' && c !== '\\') word += '\\';
      word += c;
      escaped = false;
    } else if (quote) {
      if (c === quote) quote = undefined;
      // Single quotes escape nothing.
      else if (c === '\\' && quote === '"') escaped = true;
      else word += c;
    } else if (WS.includes(c)) {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else {
      word ??= '';
      if (c === '\\') escaped = true;
      else if (c === "'" || c === '"') quote = c;
      else word += c;
    }
  }
  if (escaped || quote) return undefined; // No escaped character / No closing quotation
  if (word !== undefined) out.push(word);
  return out;
}

/** botocore.compat._windows_shell_split: how Python starts credential_process on Windows. */
export function windowsSplit(s: string): string[] | undefined {
  const out: string[] = [];
  // As in shlexSplit: undefined between words ("" starts one).
  let word: string | undefined;
  let quoted = false;
  let backslashes = 0;
  for (const c of s) {
    if (c === '\\') {
      backslashes++;
      continue;
    }
    if (c === '"') {
      // Before a quote backslashes escape each other in pairs, and an odd one the quote itself.
      word = (word ?? '') + '\\'.repeat(Math.floor(backslashes / 2)) + (backslashes % 2 === 1 ? '"' : '');
      if (backslashes % 2 === 0) quoted = !quoted;
    } else if ((c === ' ' || c === '\t') && !quoted) {
      // Anywhere else backslashes are themselves, and they start a word.
      if (backslashes > 0) word = (word ?? '') + '\\'.repeat(backslashes);
      if (word !== undefined) out.push(word);
      word = undefined;
    } else word = (word ?? '') + '\\'.repeat(backslashes) + c;
    backslashes = 0;
  }
  if (quoted) return undefined;
  if (backslashes > 0) word = (word ?? '') + '\\'.repeat(backslashes);
  if (word !== undefined) out.push(word);
  return out;
}

/** compat_shell_split for the platform the AWS CLI runs on. */
export function splitCredentialProcess(command: string, platform: NodeJS.Platform = process.platform): string[] | undefined {
  return platform === 'win32' ? windowsSplit(command) : shlexSplit(command);
}

/** Python's str.splitlines() separators, less \r and \r\n: no value holds them (parseIni cuts lines there). */
const PY_LINE_BREAK = /[\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

/** configloader._parse_nested: `key = value` lines of an indented block, or undefined (ValueError). */
function parseNested(value: string): Record<string, string> | undefined {
  const out: Record<string, string> = Object.create(null);
  for (const raw of value.split(PY_LINE_BREAK)) {
    const line = pyStrip(raw);
    if (!line) continue;
    const eq = line.indexOf('=');
    if (eq < 0) return undefined;
    out[pyStrip(line.slice(0, eq))] = pyStrip(line.slice(eq + 1));
  }
  return out;
}

export interface SectionValues {
  section: IniSection;
  values: Values;
}

/** configloader.raw_config_parse: each section with its options (and [DEFAULT]'s), or the line that breaks it. */
export function rawConfigParse(file: IniFile): { ok: true; sections: Map<string, SectionValues> } | { ok: false; error: IniError } {
  const sections = new Map<string, SectionValues>();
  for (const section of file.sections) {
    // Without a prototype: an option may be called __proto__.
    const values: Values = Object.create(null);
    const options = new Map(file.defaults?.options);
    for (const [k, o] of section.options) options.set(k, o);
    for (const [k, o] of options) {
      if (o.value.startsWith('\n')) {
        const nested = parseNested(o.value);
        if (!nested) return { ok: false, error: { line: o.lines[0]! + 1, reason: `starts a nested block (${k} =) whose indented lines are not all key = value` } };
        values[k] = nested;
      } else values[k] = o.value;
    }
    sections.set(section.header, { section, values });
  }
  return { ok: true, sections };
}

/** The profile a config-file section header names for botocore, if any (build_profile_map). */
export function configProfileName(header: string): string | undefined {
  if (header.startsWith('profile')) {
    const parts = shlexSplit(header);
    return parts?.length === 2 ? parts[1] : undefined;
  }
  return header === 'default' ? 'default' : undefined;
}

/** build_profile_map's profiles: the section that wins for each profile name (the later one). */
export function configProfiles(sections: Map<string, SectionValues>): Map<string, SectionValues> {
  const out = new Map<string, SectionValues>();
  for (const [header, s] of sections) {
    const name = configProfileName(header);
    if (name !== undefined) out.set(name, s);
  }
  return out;
}

export type SharedCredentials = { keys: [IniValue, IniValue, IniValue | null] } | { partial: string } | null;

/** SharedCredentialProvider.load for one profile's credentials-file section. */
export function sharedCredentials(values: Values | undefined): SharedCredentials {
  if (!values || !('aws_access_key_id' in values)) return null;
  if (!('aws_secret_access_key' in values)) return { partial: 'aws_secret_access_key' };
  const token = 'aws_security_token' in values ? values.aws_security_token! : 'aws_session_token' in values ? values.aws_session_token! : null;
  return { keys: [values.aws_access_key_id!, values.aws_secret_access_key, token] };
}

export interface ProcessView {
  raw: string;
  posix: string[] | null;
  win32: string[] | null;
}

/** The oracle's shape: what the AWS CLI sees in a config and a credentials file (undefined: absent). */
export type AwsView =
  | { error: 'config' | 'credentials'; where: IniError }
  | { profiles: Record<string, Values>; credentials: Record<string, SharedCredentials>; process: Record<string, ProcessView> };

export interface ParsedFiles {
  config?: { file: IniFile; sections: Map<string, SectionValues>; profiles: Map<string, SectionValues> };
  credentials?: { file: IniFile; sections: Map<string, SectionValues> };
}

export type FilesParse = { ok: true; files: ParsedFiles } | { ok: false; which: 'config' | 'credentials'; error: IniError };

/** Both files parsed the way botocore parses them (config first: its error is the one the CLI reports). */
export function parseFiles(config: string | undefined, credentials: string | undefined): FilesParse {
  const files: ParsedFiles = {};
  for (const which of ['config', 'credentials'] as const) {
    const text = which === 'config' ? config : credentials;
    if (text === undefined) continue;
    const ini = parseIni(text);
    if (!ini.ok) return { ok: false, which, error: ini.error };
    const raw = rawConfigParse(ini.file);
    if (!raw.ok) return { ok: false, which, error: raw.error };
    if (which === 'config') files.config = { file: ini.file, sections: raw.sections, profiles: configProfiles(raw.sections) };
    else files.credentials = { file: ini.file, sections: raw.sections };
  }
  return { ok: true, files };
}

/** Session.full_config's profiles: config profiles, credentials-file sections merged over them. */
export function mergedProfiles(files: ParsedFiles): Map<string, Values> {
  const out = new Map<string, Values>();
  for (const [name, s] of files.config?.profiles ?? []) out.set(name, Object.assign(Object.create(null), s.values));
  for (const [name, s] of files.credentials?.sections ?? []) out.set(name, Object.assign(out.get(name) ?? Object.create(null), s.values));
  return out;
}

export function viewOf(files: ParsedFiles): AwsView {
  const merged = mergedProfiles(files);
  const credentials: Record<string, SharedCredentials> = Object.create(null);
  const process: Record<string, ProcessView> = Object.create(null);
  for (const [name, values] of merged) {
    credentials[name] = sharedCredentials(files.credentials?.sections.get(name)?.values);
    const command = values.credential_process;
    if (typeof command === 'string') process[name] = { raw: command, posix: shlexSplit(command) ?? null, win32: windowsSplit(command) ?? null };
  }
  return { profiles: Object.fromEntries(merged), credentials, process };
}

/** What the AWS CLI sees in these two files (text undefined: the file does not exist). */
export function awsView(config: string | undefined, credentials: string | undefined): AwsView {
  const parsed = parseFiles(config, credentials);
  return parsed.ok ? viewOf(parsed.files) : { error: parsed.which, where: parsed.error };
}
