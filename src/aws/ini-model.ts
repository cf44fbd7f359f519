// The AWS shared files (~/.aws/config, ~/.aws/credentials) as the AWS CLI parses them:
// botocore reads them with Python's configparser.RawConfigParser (strict, `=` and `:`,
// `#`/`;` comment lines, indented continuation lines, blank lines inside values, option
// names lower-cased, a `[DEFAULT]` section inherited by every section, any duplicate section
// or option an error for the whole file) after decoding the bytes as UTF-8 with universal
// newlines. This module is that parser, ported line for line, plus edits that only touch
// their own lines: every line keeps its own ending (LF, CRLF, CR) and a missing final newline
// stays missing. The text is the exact decoding of the file's bytes (decodeAwsFile refuses
// what is not UTF-8, as the AWS CLI does on macOS and Linux), so writing it back as UTF-8
// gives back every untouched byte. What botocore makes of the parsed sections is in
// botocore-view.ts.

export type Eol = '' | '\n' | '\r\n' | '\r';

export interface Line {
  /** Offset of the line's first character in the text. */
  start: number;
  /** The line without its ending. */
  text: string;
  eol: Eol;
}

export interface IniOption {
  /** As configparser stores it: the name lower-cased (optionxform). */
  key: string;
  /** The option line and its continuation lines, in order. */
  lines: number[];
  /** configparser's value: the pieces joined by newlines, trailing whitespace removed. */
  value: string;
}

export interface IniSection {
  /** Everything between the first `[` and the last `]` of the header line, as written. */
  header: string;
  line: number;
  options: Map<string, IniOption>;
}

export interface IniFile {
  text: string;
  lines: Line[];
  /** In the order of the file; `[DEFAULT]` is not among them. */
  sections: IniSection[];
  /** `[DEFAULT]`: configparser gives its options to every section that lacks them. */
  defaults: IniSection | undefined;
}

/** Why the AWS CLI cannot read a file, with a 1-based line (and column when it helps). */
export interface IniError {
  line: number;
  column?: number;
  reason: string;
}

export type IniParse = { ok: true; file: IniFile } | { ok: false; error: IniError };

/** Python's str.isspace() (and the `\s` of its `re` on str): what strip() and configparser treat as blank. */
const PY_SPACE = new Set('\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000');

export function isPySpace(c: string): boolean {
  return PY_SPACE.has(c);
}

// The loops need no bounds: past either end s[i] is undefined, which PY_SPACE does not hold
// (and a blank s stripped from both ends meets in the middle: slice(a, b) with b <= a is '').
export function pyStrip(s: string): string {
  let a = 0;
  let b = s.length;
  while (PY_SPACE.has(s[a]!)) a++;
  while (PY_SPACE.has(s[b - 1]!)) b--;
  return s.slice(a, b);
}

export function pyRstrip(s: string): string {
  let b = s.length;
  while (PY_SPACE.has(s[b - 1]!)) b--;
  return s.slice(0, b);
}

/**
 * The file's bytes as the text Python reads (UTF-8; a byte-order mark stays a character, as
 * it does for botocore, which then fails on it), or where the bytes stop being UTF-8.
 */
export function decodeAwsFile(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: IniError } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    // Find the first bad byte for the message: decode each sequence on its own, counting lines.
    let line = 1;
    let lineStart = 0;
    // The rest of a sequence that decoded.
    let skip = 0;
    for (const [i, b] of bytes.entries()) {
      if (skip > 0) {
        skip--;
        continue;
      }
      if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
        line++;
        lineStart = i + 1;
      }
      if (b < 0x80) continue;
      // A byte below 0xc0 leads no sequence: it fails as a piece of any length.
      const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + len));
        skip = len - 1;
      } catch {
        return { ok: false, error: { line, column: i - lineStart + 1, reason: 'is not UTF-8 (the AWS CLI cannot read the file)' } };
      }
    }
    // Stryker disable next-line all: unreachable (every byte sequence the whole decode rejects fails one of the pieces above); kept for the type
    return { ok: false, error: { line, reason: 'is not UTF-8 (the AWS CLI cannot read the file)' } };
  }
}

/** Lines as Python's universal newlines cut them: at `\r\n`, `\r` or `\n`, nowhere else. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push({ start, text: text.slice(start, m.index), eol: m[0] as Eol });
    start = m.index + m[0].length;
  }
  if (start < text.length) lines.push({ start, text: text.slice(start), eol: '' });
  return lines;
}

function firstNonSpace(s: string): number {
  let i = 0;
  while (PY_SPACE.has(s[i]!)) i++;
  return i;
}

const SECTION = /^\[([^\n]+)\]/;

/** configparser.RawConfigParser()._read + _join_multiline_values, as botocore calls it. */
export function parseIni(text: string): IniParse {
  const lines = splitLines(text);
  const sections: IniSection[] = [];
  const byName = new Map<string, IniSection>();
  let defaults: IniSection | undefined;
  let cursect: IniSection | undefined;
  const pieces = new Map<IniOption, string[]>();
  // Set only inside a section (cursect is then set too); '' (an option without a name) is falsy, as in Python.
  let optname: string | undefined;
  let indent = 0;
  let error: IniError | undefined;
  for (const [i, line] of lines.entries()) {
    const lineNo = i + 1;
    const stripped = pyStrip(line.text);
    const comment = stripped.startsWith('#') || stripped.startsWith(';');
    const value = comment ? '' : stripped;
    if (!value) {
      // empty_lines_in_values: a blank line (not a comment) becomes part of the value being read.
      if (!comment && optname) {
        pieces.get(cursect!.options.get(optname)!)!.push('');
      }
      continue;
    }
    const cur = firstNonSpace(line.text);
    if (optname && cur > indent) {
      const opt = cursect!.options.get(optname)!;
      pieces.get(opt)!.push(value);
      opt.lines.push(i);
      continue;
    }
    indent = cur;
    const header = SECTION.exec(value);
    if (header) {
      const name = header[1]!;
      if (byName.has(name)) return { ok: false, error: { line: lineNo, reason: `repeats the section [${name}]` } };
      if (name === 'DEFAULT') {
        defaults ??= { header: name, line: i, options: new Map() };
        cursect = defaults;
      } else {
        cursect = { header: name, line: i, options: new Map() };
        sections.push(cursect);
        byName.set(name, cursect);
      }
      optname = undefined;
      continue;
    }
    if (!cursect) return { ok: false, error: { line: lineNo, reason: 'comes before any [section] header' } };
    const delim = /[=:]/.exec(value);
    if (!delim || pyRstrip(value.slice(0, delim.index)) === '') {
      // configparser keeps reading and raises at the end; the first bad line is what to fix.
      error ??= { line: lineNo, reason: delim ? 'has no option name before its = or :' : 'is neither [section], option = value, a comment nor an indented continuation' };
      if (!delim) continue;
    }
    const key = pyRstrip(value.slice(0, delim.index)).toLowerCase();
    if (cursect.options.has(key)) return { ok: false, error: { line: lineNo, reason: `repeats the option ${key} in [${cursect.header}]` } };
    // The value of the option line alone; its continuation lines are joined in at the end.
    const first = pyStrip(value.slice(delim.index + 1));
    const opt: IniOption = { key, lines: [i], value: first };
    cursect.options.set(key, opt);
    pieces.set(opt, [first]);
    optname = key;
  }
  if (error) return { ok: false, error };
  for (const [opt, list] of pieces) opt.value = pyRstrip(list.join('\n'));
  return { ok: true, file: { text, lines, sections, defaults } };
}

/** The section whose header is exactly `header`, if any. */
export function findSection(file: IniFile, header: string): IniSection | undefined {
  return file.sections.find((s) => s.header === header);
}

/** The last line that belongs to the section's options (or its header when it has none). */
function lastLineOf(section: IniSection): number {
  let last = section.line;
  for (const o of section.options.values()) last = Math.max(last, ...o.lines);
  return last;
}

const indentOf = (text: string): string => text.slice(0, firstNonSpace(text));

/**
 * The indentation a new option line in `section` takes: that of the line that set
 * configparser's indent level there (the last option line), so the lines after it are read
 * exactly as before (an indented line deeper than it continues a value). In a section without
 * options the next line that counts is the next header, which no value continued so far: the
 * new line is indented as deep as that header too, or the header would continue its value.
 */
function indentFor(file: IniFile, section: IniSection): string {
  if (section.options.size === 0) {
    const next = Math.min(...[...file.sections, ...(file.defaults ? [file.defaults] : [])].map((s) => s.line).filter((l) => l > section.line));
    const own = indentOf(file.lines[section.line]!.text);
    const following = Number.isFinite(next) ? indentOf(file.lines[next]!.text) : '';
    return following.length > own.length ? following : own;
  }
  let first = section.line;
  for (const o of section.options.values()) first = Math.max(first, o.lines[0]!);
  return indentOf(file.lines[first]!.text);
}

/** The ending new lines get: the file's first one, else LF. */
export function fileEol(file: IniFile): Exclude<Eol, ''> {
  return (file.lines.find((l) => l.eol !== '')?.eol as Exclude<Eol, ''> | undefined) ?? '\n';
}

/** `text` with `insert` (a whole line, no ending) placed after line `after`, in that line's own ending. */
function insertAfter(file: IniFile, after: number, insert: string): string {
  const line = file.lines[after]!;
  // The last line had no newline (so it ends the text): it gets one, and the file still ends without one.
  if (line.eol === '') return file.text + fileEol(file) + insert;
  const end = line.start + line.text.length + line.eol.length;
  return file.text.slice(0, end) + insert + line.eol + file.text.slice(end);
}

/** `text` without the given lines (each with its own ending). */
export function dropLines(file: IniFile, drop: ReadonlySet<number>): string {
  let out = '';
  for (const [i, l] of file.lines.entries()) if (!drop.has(i)) out += l.text + l.eol;
  // Dropping the last line must not leave a newline the file did not end with (when it is
  // kept, out ends in its text, which holds no newline).
  if (file.lines.at(-1)?.eol === '') out = out.replace(/(?:\r\n|\r|\n)$/, '');
  return out;
}

export function optionLine(key: string, value: string): string {
  return `${key} = ${value}`;
}

/**
 * Sets `key` in `section` to `value`: an existing option (any case, either delimiter) is
 * rewritten in place on its first line and loses its continuation lines; otherwise a line
 * follows the section's last option.
 */
export function setOption(file: IniFile, section: IniSection, key: string, value: string): string {
  const existing = section.options.get(key.toLowerCase());
  if (!existing) return insertAfter(file, lastLineOf(section), indentFor(file, section) + optionLine(key, value));
  const [first, ...rest] = existing.lines;
  const line = file.lines[first!]!;
  const indent = line.text.slice(0, firstNonSpace(line.text));
  const replaced = file.text.slice(0, line.start) + indent + optionLine(key, value) + file.text.slice(line.start + line.text.length);
  const again = parseIni(replaced);
  if (!again.ok) return replaced;
  return dropLines(again.file, new Set(rest));
}

/** Removes options (any case) from a section, with their continuation lines. */
export function removeOptions(file: IniFile, section: IniSection, keys: readonly string[]): string {
  const drop = new Set<number>();
  for (const k of keys) for (const l of section.options.get(k.toLowerCase())?.lines ?? []) drop.add(l);
  return dropLines(file, drop);
}

/** A new `[header]` section with the options, at the end of the file (after a blank line). */
export function appendSection(file: IniFile, header: string, options: readonly [string, string][]): string {
  const eol = fileEol(file);
  const body = [`[${header}]`, ...options.map(([k, v]) => optionLine(k, v))];
  if (file.lines.length === 0) return body.join(eol) + eol;
  const last = file.lines.at(-1)!;
  const endsOpen = last.eol === '';
  const blank = pyStrip(last.text) === '' ? [] : [''];
  // A file without a final newline keeps ending without one.
  return file.text + (endsOpen ? eol : '') + [...blank, ...body].join(eol) + (endsOpen ? '' : eol);
}

/** Removes a whole section: its header, its lines up to the next section, and nothing else. */
export function removeSectionLines(file: IniFile, section: IniSection): string {
  const next = [...file.sections, ...(file.defaults ? [file.defaults] : [])].map((s) => s.line).filter((l) => l > section.line);
  const end = next.length > 0 ? Math.min(...next) : file.lines.length;
  let from = section.line;
  // The last section takes the blank lines before it along (what appendSection put there).
  if (next.length === 0) while (from > 0 && pyStrip(file.lines[from - 1]!.text) === '') from--;
  const drop = new Set<number>();
  for (let i = from; i < end; i++) drop.add(i);
  return dropLines(file, drop);
}
