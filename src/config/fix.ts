// The automatic repairs, as a pure text -> text function: `config fix` and the doctor's
// session-duration and profiles checks all apply their edits through here.
import { setValue, stripBom } from './edit.js';
import type { Finding } from './findings.js';
import { validateText, type PolicyContext } from './validate.js';
import { parseConfigText } from '../parsers/json-text.js';

export type FixOutcome =
  | { kind: 'unparseable'; findings: Finding[] }
  | { kind: 'fixed'; text: string; changed: boolean; applied: Finding[]; remaining: Finding[] };

/** The text with its syntax errors repaired (a BOM kept where it was), or undefined when not every one has a repair. */
function repairedText(text: string): string | undefined {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const read = parseConfigText('config.json', text.slice(bom.length));
  return read.kind === 'invalid-json' && read.repaired !== undefined ? bom + read.repaired : undefined;
}

/** File-level findings that mean "never touch the text". */
const UNTOUCHABLE = new Set(['json-syntax', 'not-object', 'missing-file', 'unreadable']);

/**
 * Applies every automatic fix accepted by `include` (default: all). A document that does
 * not parse as a JSON object comes back as `unparseable`, untouched.
 */
export function fixText(text: string, policy: PolicyContext = {}, include: (f: Finding) => boolean = () => true, path?: string): FixOutcome {
  // The file's path goes into a syntax error's message, as `config validate` prints it.
  const first = validateText(text, policy, path);
  // Syntax errors are repaired only when every one of them has a repair (then each is automatic)
  // and the caller asked for them: a doctor check that fixes durations must not repair syntax.
  if (first.some((f) => UNTOUCHABLE.has(f.id) && !(f.fix?.automatic && include(f)))) return { kind: 'unparseable', findings: first };
  let current = text;
  const applied: Finding[] = [];
  // An edit can reveal another finding (a new top-level duration is checked against the
  // caps); a few passes reach the fixed point, and a repeated edit is never applied twice.
  for (let pass = 0; pass < 4; pass++) {
    const todo = validateText(current, policy).filter((f) => f.fix?.automatic && f.fix.edit && include(f));
    if (todo.length === 0) break;
    const before = current;
    const repaired = todo.some((f) => f.fix!.edit!.op === 'repair-syntax') ? repairedText(current) : undefined;
    for (const f of todo) {
      const edit = f.fix!.edit!;
      applied.push(f);
      // One repair of the whole text serves every syntax finding of this pass.
      if (edit.op === 'repair-syntax') current = repaired ?? current;
      else current = edit.op === 'strip-bom' ? stripBom(current) : setValue(current, edit.path, edit.value);
    }
    if (current === before) break;
  }
  return { kind: 'fixed', text: current, changed: current !== text, applied, remaining: validateText(current, policy) };
}
