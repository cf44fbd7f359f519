// Pure, format-preserving edits of config.json text: each function changes one value and
// leaves every other byte (key order, indentation, unknown keys, line endings) as it was.
// Built on jsonc-parser's modify/applyEdits rather than re-serialising the whole document.
import { applyEdits, modify, parse, type FormattingOptions, type JSONPath } from 'jsonc-parser';
import { PROFILE_KEYS, TOP_LEVEL_KEYS, isObject } from './model.js';

/** Indentation and line endings as the file already uses them (2 spaces and \n for a new file). */
export function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /^([ \t]+)["}\]]/m.exec(text)?.[1];
  if (indent?.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indent ? indent.length : 2, eol };
}

/**
 * Where a new key goes: after the known keys that precede it in the guide's order, so a
 * restored "url" lands at the top and not after "profiles". Unknown keys stay where they are.
 */
function insertionIndex(order: readonly string[], key: string): (properties: string[]) => number {
  const rank = order.indexOf(key);
  return (properties) => {
    if (rank < 0) return properties.length;
    let at = 0;
    properties.forEach((p, i) => {
      const r = order.indexOf(p);
      if (r >= 0 && r < rank) at = i + 1;
    });
    return at;
  };
}

/** Sets (or inserts) the value at `path`; `undefined` removes it. */
export function setValue(text: string, path: JSONPath, value: unknown): string {
  const key = path.at(-1);
  const order = path.length === 1 ? TOP_LEVEL_KEYS : path.length === 3 && path[0] === 'profiles' ? PROFILE_KEYS : undefined;
  const edits = modify(text, path, value, {
    formattingOptions: detectFormatting(text),
    ...(order && typeof key === 'string' ? { getInsertionIndex: insertionIndex(order, key) } : {}),
  });
  return applyEdits(text, edits);
}

export function removeValue(text: string, path: JSONPath): string {
  return setValue(text, path, undefined);
}

/** `profile` undefined = the top-level `session_duration_seconds`. Throws if the profile does not exist. */
export function setSessionDuration(text: string, profile: string | undefined, seconds: number): string {
  if (profile !== undefined) requireProfile(text, profile);
  return setValue(text, profile === undefined ? ['session_duration_seconds'] : ['profiles', profile, 'session_duration_seconds'], seconds);
}

/** Writes the account id as a string so a leading zero survives. */
export function setAccountId(text: string, profile: string, accountId: string): string {
  requireProfile(text, profile);
  return setValue(text, ['profiles', profile, 'aws_account_id'], accountId);
}

export interface NewProfile {
  accountId: string;
  role: string;
  seconds?: number;
}

export function profileObject(p: NewProfile): Record<(typeof PROFILE_KEYS)[number], unknown> {
  return {
    aws_account_id: p.accountId,
    aws_role_name: p.role,
    ...(p.seconds === undefined ? {} : { session_duration_seconds: p.seconds }),
  } as Record<(typeof PROFILE_KEYS)[number], unknown>;
}

/** Adds or replaces one profile; creates `profiles` (last) when the file has none. */
export function upsertProfile(text: string, name: string, p: NewProfile): string {
  return setValue(text, ['profiles', name], profileObject(p));
}

/** Removes one profile, and the `profiles` object when it was the last one. */
export function removeProfile(text: string, name: string): string {
  requireProfile(text, name);
  const next = removeValue(text, ['profiles', name]);
  return profileNames(next).length === 0 ? removeValue(next, ['profiles']) : next;
}

/** Profile names in file order ([] when the text does not parse). */
export function profileNames(text: string): string[] {
  const value: unknown = parse(stripBom(text));
  return isObject(value) && isObject(value.profiles) ? Object.keys(value.profiles) : [];
}

function requireProfile(text: string, name: string): void {
  if (!profileNames(text).includes(name)) throw new Error(`no profile named ${JSON.stringify(name)}`);
}

/** Removes a leading byte-order mark, which Go's encoding/json (duo-sso) refuses. */
export function stripBom(text: string): string {
  return text.replace(/^\uFEFF/, '');
}
