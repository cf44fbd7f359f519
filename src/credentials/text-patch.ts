// A reversible edit of one spot in a text file, anchored to an INI section header, so a
// restore can put back the exact bytes it took out (byte-for-byte, line endings and all)
// even when other parts of the file changed in between.
import { findSection, parseIni } from '../aws/ini-model.js';

export interface TextPatch {
  /** The section whose header anchors the edit (as written in the file, e.g. "profile dev"). */
  section: string;
  /** Where the edit starts, in characters from the start of the header line (may be negative). */
  offset: number;
  /** The text between the header line's start and the edit, which must still be there to undo. */
  context: string;
  /** The text before the edit, and what the edit wrote in its place. */
  before: string;
  after: string;
}

/** Character offset of the `[section]` header line in `text` (read as the AWS CLI reads it), or undefined. */
export function headerOffset(text: string, section: string): number | undefined {
  const ini = parseIni(text);
  const found = ini.ok ? findSection(ini.file, section) : undefined;
  return ini.ok && found ? ini.file.lines[found.line]!.start : undefined;
}

/** After LF, CRLF or a lone CR (a CR-only file has no LF at all). */
function isLineStart(text: string, i: number): boolean {
  return i === 0 || text[i - 1] === '\n' || (text[i - 1] === '\r' && text[i] !== '\n');
}

function lineStartAtOrBefore(text: string, i: number): number {
  while (i > 0 && !isLineStart(text, i)) i--;
  return i;
}

/**
 * The patch that turns `before` into `after`: whole lines only, plus the text between the
 * section header and the edit, so an undo never lands anywhere but where the edit was.
 * Undefined when the texts are equal.
 */
export function makePatch(before: string, after: string, section: string): TextPatch | undefined {
  if (before === after) return undefined;
  const anchor = headerOffset(after, section);
  if (anchor === undefined) throw new Error(`makePatch: no [${section}] in the edited text`);
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before[prefix] === after[prefix]) prefix++;
  prefix = Math.min(lineStartAtOrBefore(before, prefix), lineStartAtOrBefore(after, prefix));
  let suffix = 0;
  while (suffix < max - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  while (suffix > 0 && !(isLineStart(before, before.length - suffix) && isLineStart(after, after.length - suffix))) suffix--;
  return {
    section,
    offset: prefix - anchor,
    context: after.slice(Math.min(anchor, prefix), Math.max(anchor, prefix)),
    before: before.slice(prefix, before.length - suffix),
    after: after.slice(prefix, after.length - suffix),
  };
}

/** Reverses a patch in `current`, or undefined when the patched text is no longer there as written. */
export function undoPatch(current: string, patch: TextPatch): string | undefined {
  const anchor = headerOffset(current, patch.section);
  if (anchor === undefined) return undefined;
  const at = anchor + patch.offset;
  if (at < 0 || current.slice(Math.min(anchor, at), Math.max(anchor, at)) !== patch.context) return undefined;
  if (current.slice(at, at + patch.after.length) !== patch.after) return undefined;
  return current.slice(0, at) + patch.before + current.slice(at + patch.after.length);
}

export function isTextPatch(value: unknown): value is TextPatch {
  const v = value as TextPatch;
  return typeof v === 'object' && v !== null && typeof v.section === 'string' && Number.isInteger(v.offset)
    && typeof v.context === 'string' && typeof v.before === 'string' && typeof v.after === 'string';
}
