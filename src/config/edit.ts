// Pure, format-preserving edits of config.json text: each function changes one value and
// leaves every other byte (key order, indentation, unknown keys, line endings) as it was.
// Built on jsonc-parser's modify/applyEdits rather than re-serialising the whole document.
import { applyEdits, findNodeAtLocation, modify, parse, parseTree, type FormattingOptions, type JSONPath, type Node, type ParseError } from 'jsonc-parser';
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
    const ranks = properties.map((p) => order.indexOf(p));
    const after = ranks.reduce((at, r, i) => (r >= 0 && r < rank ? i + 1 : at), -1);
    if (after >= 0) return after;
    const before = ranks.findIndex((r) => r > rank);
    return before >= 0 ? before : properties.length;
  };
}

/**
 * Sets (or inserts) the value at `path`; `undefined` removes it. A replaced scalar and a
 * removal touch only their own bytes; a new key is written on its own line with the
 * indentation of its neighbours (or inline, in a one-line object), so no other line changes.
 */
export function setValue(text: string, path: JSONPath, value: unknown): string {
  if (text.startsWith('\uFEFF')) return `\uFEFF${setValue(text.slice(1), path, value)}`;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  // Editing a document that does not parse could only make it worse: the caller reports it instead.
  if (errors.length > 0 || root?.type !== 'object') throw new Error('config.json is not a valid JSON object; it was not edited');
  const existing = findNodeAtLocation(root, path);
  if (value === undefined || existing) {
    const replacingObject = existing && typeof value === 'object' && value !== null;
    return applyEdits(text, modify(text, path, value, replacingObject ? { formattingOptions: detectFormatting(text) } : {}));
  }
  // The deepest object on the path that exists; everything below it is created as one value.
  let depth = path.length - 1;
  let parent = findNodeAtLocation(root, path.slice(0, depth));
  while (!parent && depth > 0) parent = findNodeAtLocation(root, path.slice(0, --depth));
  if (!parent || parent.type !== 'object') return applyEdits(text, modify(text, path, value, { formattingOptions: detectFormatting(text) }));
  const key = String(path[depth]);
  const nested = path.slice(depth + 1).reduceRight<unknown>((v, seg) => ({ [String(seg)]: v }), value);
  return insertProperty(text, parent, path.slice(0, depth), key, nested);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function indentAt(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, offset)))![0];
}

function insertProperty(text: string, parent: Node, parentPath: JSONPath, key: string, value: unknown): string {
  const props = parent.children ?? [];
  const fmt = detectFormatting(text);
  const unit = fmt.insertSpaces ? ' '.repeat(fmt.tabSize ?? 2) : '\t';
  const eol = fmt.eol ?? '\n';
  const names = props.map((p) => String(p.children?.[0]?.value));
  const order = parentPath.length === 0 ? TOP_LEVEL_KEYS : parentPath.length === 2 && parentPath[0] === 'profiles' ? PROFILE_KEYS : undefined;
  const at = order ? insertionIndex(order, key)(names) : names.length;
  if (props.length === 0) {
    // An empty object: lay it out afresh.
    const indent = indentAt(text, parent.offset);
    const body = `${indent}${unit}${JSON.stringify(key)}: ${render(value, `${indent}${unit}`, unit, eol)}`;
    return `${text.slice(0, parent.offset)}{${eol}${body}${eol}${indent}}${text.slice(parent.offset + parent.length)}`;
  }
  const multiline = props.some((p) => lineStart(text, p.offset) !== lineStart(text, parent.offset));
  const neighbour = props[Math.max(0, at - 1)]!;
  if (!multiline) {
    const prop = `${JSON.stringify(key)}: ${JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ')}`;
    return at === 0
      ? `${text.slice(0, neighbour.offset)}${prop}, ${text.slice(neighbour.offset)}`
      : splice(text, neighbour.offset + neighbour.length, `, ${prop}`);
  }
  const indent = indentAt(text, neighbour.offset);
  const prop = `${JSON.stringify(key)}: ${render(value, indent, unit, eol)}`;
  return at === 0
    ? splice(text, neighbour.offset, `${prop},${eol}${indent}`)
    : splice(text, neighbour.offset + neighbour.length, `,${eol}${indent}${prop}`);
}

function render(value: unknown, indent: string, unit: string, eol: string): string {
  return JSON.stringify(value, null, unit).split('\n').join(`${eol}${indent}`);
}

function splice(text: string, offset: number, insert: string): string {
  return text.slice(0, offset) + insert + text.slice(offset);
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
