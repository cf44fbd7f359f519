// Reads duo-sso's config.json without ever throwing at the caller: every way it can
// be unusable (missing, a directory, unreadable, not UTF-8, not JSON) is a typed outcome.
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { readOwnFile, UnsafeFileError } from '../fs/safe-read.js';
import { MAX_JSON_DEPTH, tooDeepAt } from '../parsers/json-depth.js';
import { caretExcerpt, positionAt } from './json-position.js';

export type ConfigRead =
  | { kind: 'missing'; path: string }
  | { kind: 'unreadable'; path: string; reason: string }
  | { kind: 'invalid-json'; path: string; text: string; message: string; line: number; column: number; excerpt: string; bom?: true }
  | { kind: 'parsed'; path: string; text: string; value: unknown; tree: Node; bom?: true };

const ERROR_TEXT: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':'",
  CommaExpected: "expected ',' (a missing comma?)",
  CloseBraceExpected: "expected '}' (the file may be truncated)",
  CloseBracketExpected: "expected ']' (the file may be truncated)",
  EndOfFileExpected: 'unexpected text after the end of the JSON document',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

/**
 * The parser's complaint, plus the causes behind most broken configs: a comma left before a
 * closing bracket (named with its own position, since the parser stops at the bracket), a file
 * that stops mid-document (a failed save or copy), and an account id typed as a number with its
 * leading zero, which the parser reads as the number 0 followed by a missing comma.
 */
function explainSyntaxError(text: string, offset: number, said: string): { message: string; offset: number } {
  const zero = /(?<![\w.+-])-?0$/.exec(text.slice(0, offset));
  const digits = /^\d+/.exec(text.slice(offset))?.[0];
  if (zero && digits) {
    const typed = `0${digits}`;
    return { offset: zero.index + zero[0].length - 1, message: `the number ${typed} starts with 0, which JSON numbers cannot: write it as the string "${typed}"${typed.length === 12 ? ' (an account id keeps its leading zero only as a string)' : ''}` };
  }
  return { offset, message: explainAt(text, offset, said) };
}

function explainAt(text: string, offset: number, said: string): string {
  const closer = text[offset];
  if (closer === '}' || closer === ']') {
    const comma = text.slice(0, offset).trimEnd().length - 1;
    if (text[comma] === ',') {
      const at = positionAt(text, comma);
      return `${said}: remove the trailing comma at ${at.line}:${at.column} (JSON allows none before '${closer}')`;
    }
  }
  if (offset >= text.trimEnd().length) return `${said.replace(/ \(the file may be truncated\)$/, '')}: the file ends in the middle of the document (truncated?)`;
  return said;
}

export function parseConfigText(path: string, text: string): ConfigRead {
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    const pos = positionAt(text, deep);
    return { kind: 'invalid-json', path, text, message: `nested more than ${MAX_JSON_DEPTH} levels deep (duo-sso's config is 3 levels deep)`, ...pos, excerpt: caretExcerpt(text, pos) };
  }
  const errors: ParseError[] = [];
  // duo-sso uses Go's encoding/json: strict JSON, no comments, no trailing commas.
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const first = errors[0];
  if (first || !tree) {
    const code = first ? printParseErrorCode(first.error) : 'ValueExpected';
    const explained = text.trim() === '' ? { message: 'the file is empty', offset: 0 } : explainSyntaxError(text, first?.offset ?? text.length, ERROR_TEXT[code] ?? code);
    const pos = positionAt(text, explained.offset);
    return { kind: 'invalid-json', path, text, message: explained.message, ...pos, excerpt: caretExcerpt(text, pos) };
  }
  return { kind: 'parsed', path, text, value: JSON.parse(text) as unknown, tree };
}

export async function readConfig(path: string): Promise<ConfigRead> {
  let bytes: Buffer | undefined;
  try {
    // A named pipe would block open() for ever and /dev/zero never ends: regular files only;
    // and config.json is ours to rewrite, so a symlink is not followed (see safe-read).
    bytes = await readOwnFile(path, 'never');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing', path };
    if (code === 'EISDIR') return { kind: 'unreadable', path, reason: 'it is a directory, not a file' };
    if (error instanceof UnsafeFileError) return { kind: 'unreadable', path, reason: error.why };
    return { kind: 'unreadable', path, reason: code === 'EACCES' ? 'permission denied' : String((error as Error).message) };
  }
  if (bytes === undefined) return { kind: 'missing', path };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { kind: 'unreadable', path, reason: 'it is not UTF-8 text (saved in another encoding?)' };
  }
  return parseWithBom(path, text);
}

/** Like parseConfigText, for a file's whole text: a leading BOM is left out of `text` and flagged as `bom` (duo-sso's Go decoder refuses it). */
export function parseWithBom(path: string, text: string): ConfigRead {
  if (!text.startsWith('\uFEFF')) return parseConfigText(path, text);
  const read = parseConfigText(path, text.slice(1));
  return read.kind === 'parsed' || read.kind === 'invalid-json' ? { ...read, bom: true } : read;
}

export function describeInvalidJson(r: Extract<ConfigRead, { kind: 'invalid-json' }>): string {
  return `${r.path}:${r.line}:${r.column}: ${r.message}`;
}

const kindOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);

/**
 * Where the document's shape is not one our edits can work on: `profiles` (when present) an
 * object of profile objects. Go's decoder refuses `"profiles": []` too; `null` it would read as
 * none, but an edit cannot add a profile into it, and a guess would rewrite the user's file.
 * The first problem, with its file:line:col, or undefined.
 */
export function shapeProblem(read: Extract<ConfigRead, { kind: 'parsed' }>): { message: string; line: number; column: number; excerpt: string } | undefined {
  const value = read.value as Record<string, unknown>;
  const at = (path: (string | number)[], message: string) => {
    const node = findNodeAtLocation(read.tree, path);
    const pos = positionAt(read.text, node?.offset ?? 0);
    return { message: `${read.path}:${pos.line}:${pos.column}: ${message}`, ...pos, excerpt: caretExcerpt(read.text, pos) };
  };
  if (!('profiles' in value)) return undefined;
  const profiles = value.profiles;
  if (typeof profiles !== 'object' || profiles === null || Array.isArray(profiles)) {
    return at(['profiles'], `"profiles" is ${kindOf(profiles)}, not an object of named profiles (an empty one is {})`);
  }
  for (const [name, p] of Object.entries(profiles as Record<string, unknown>)) {
    if (typeof p !== 'object' || p === null || Array.isArray(p)) return at(['profiles', name], `profile "${name}" is ${kindOf(p)}, not an object`);
  }
  return undefined;
}
