// Reads duo-sso's config.json without ever throwing at the caller: every way it can
// be unusable (missing, a directory, unreadable, not UTF-8, not JSON) is a typed outcome.
import { findNodeAtLocation } from 'jsonc-parser';
import { readOwnFile, UnsafeFileError } from '../fs/safe-read.js';
import { caretExcerpt, positionAt } from '../parsers/json-position.js';
import { parseWithBom, type JsonText } from '../parsers/json-text.js';

export type ConfigRead =
  | { kind: 'missing'; path: string }
  | { kind: 'unreadable'; path: string; reason: string }
  | JsonText;

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
