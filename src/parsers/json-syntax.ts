// Every syntax error of a broken config.json at once, and the repair of the common ones.
//
// jsonc-parser recovers after an error, but what it reports after the first one is often an
// echo of it (a trailing comma is both "property name expected" and "value expected"; an
// unquoted key three errors). So the list is made the way a person would fix the file: take the
// first error, explain it, apply the obvious repair when there is one, parse again, repeat. The
// positions are mapped back to the file as it is. Where an error has no obvious repair, the
// parser's remaining errors are listed as it reports them and the file is not repairable.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { caretExcerpt, positionAt } from './json-position.js';

export interface SyntaxProblem {
  message: string;
  line: number;
  column: number;
  excerpt: string;
  /** What the repair does, when this error has an obvious one. */
  repair?: string;
}

export interface SyntaxReport {
  problems: SyntaxProblem[];
  /** The whole text with every problem repaired; only when each one had a repair and the result parses. */
  repaired?: string;
}

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

/** duo-sso uses Go's encoding/json: strict JSON, no comments, no trailing commas. */
export function strictParse(text: string): { tree: Node | undefined; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  return { tree, errors };
}
const strictErrors = (text: string) => strictParse(text).errors;

interface Edit { offset: number; length: number; content: string }
interface Diagnosis { offset: number; message: string; repair?: { does: string; edit: Edit } }

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
function previousNonSpace(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && isSpace(text[i])) i--;
  return i;
}

/**
 * The parser's complaint at `offset`, explained, with the repair when one is obvious: the causes
 * behind most broken configs are a comma left before a closing bracket, a comma left out between
 * two entries, a comment, a key without quotes, and an account id typed as a number with its
 * leading zero (which the parser reads as the number 0 followed by a missing comma).
 */
export function diagnose(text: string, offset: number, code: string, where: (offset: number) => { line: number; column: number } = (o) => positionAt(text, o)): Diagnosis {
  const said = ERROR_TEXT[code] ?? code;
  const zero = /(?<![\w.+-])-?0$/.exec(text.slice(0, offset));
  const digits = /^\d+/.exec(text.slice(offset))?.[0];
  if (zero && digits && !zero[0].startsWith('-')) {
    const typed = `0${digits}`;
    const at = zero.index + zero[0].length - 1;
    return {
      offset: at,
      message: `the number ${typed} starts with 0, which JSON numbers cannot: write it as the string "${typed}"${typed.length === 12 ? ' (an account id keeps its leading zero only as a string)' : ''}`,
      repair: { does: `write ${typed} as the string "${typed}"`, edit: { offset: at, length: typed.length, content: `"${typed}"` } },
    };
  }
  const closer = text[offset];
  if ((closer === '}' || closer === ']') && (code === 'PropertyNameExpected' || code === 'ValueExpected')) {
    const comma = previousNonSpace(text, offset);
    if (text[comma] === ',') {
      const at = where(comma);
      return {
        offset,
        message: `${said}: remove the trailing comma at ${at.line}:${at.column} (JSON allows none before '${closer}')`,
        repair: { does: 'remove the trailing comma', edit: { offset: comma, length: 1, content: '' } },
      };
    }
  }
  if (code === 'InvalidCommentToken') return { offset, message: said, ...commentRepair(text, offset) };
  if (code === 'CommaExpected') {
    const end = previousNonSpace(text, offset) + 1;
    if (end > 0) return { offset, message: said, repair: { does: "add the missing ','", edit: { offset: end, length: 0, content: ',' } } };
  }
  if (code === 'InvalidSymbol' || code === 'PropertyNameExpected') {
    const key = /^([A-Za-z_$][\w$-]*)([ \t]*):/.exec(text.slice(offset));
    const before = text[previousNonSpace(text, offset)];
    // In a key's place: after '{' or ',' (or after a value, when the comma before it is missing too).
    if (key && before !== ':' && before !== '[') {
      return { offset, message: `${said}: the key ${key[1]} needs double quotes`, repair: { does: `put the key ${key[1]} in double quotes`, edit: { offset, length: key[1]!.length, content: `"${key[1]}"` } } };
    }
  }
  if (offset >= text.trimEnd().length) return { offset, message: `${said.replace(/ \(the file may be truncated\)$/, '')}: the file ends in the middle of the document (truncated?)` };
  return { offset, message: said };
}

/** A `// …` comment to the end of its line, or a closed `/* … *\/` one; a line left empty goes too. */
function commentRepair(text: string, offset: number): Pick<Diagnosis, 'repair'> {
  let end: number;
  if (text.startsWith('//', offset)) {
    const nl = text.indexOf('\n', offset);
    end = nl < 0 ? text.length : text[nl - 1] === '\r' ? nl - 1 : nl;
  } else if (text.startsWith('/*', offset)) {
    const close = text.indexOf('*/', offset + 2);
    if (close < 0) return {};
    end = close + 2;
  } else return {};
  let start = offset;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  const lineStart = start === 0 || text[start - 1] === '\n';
  const nl = /^\r?\n/.exec(text.slice(end))?.[0] ?? '';
  // On a line of its own the whole line goes, its line ending included.
  if (lineStart && (nl || end === text.length)) end += nl.length;
  return { repair: { does: 'remove the comment', edit: { offset: start, length: end - start, content: '' } } };
}

/** Maps an offset in the edited text back to the text before `edits` (applied in order). */
function original(offset: number, edits: readonly Edit[]): number {
  let at = offset;
  for (let i = edits.length - 1; i >= 0; i--) {
    const e = edits[i]!;
    if (at >= e.offset + e.content.length) at -= e.content.length - e.length;
    else if (at > e.offset) at = e.offset;
  }
  return at;
}

const MAX_PROBLEMS = 50;

export function syntaxReport(text: string): SyntaxReport {
  const problems: SyntaxProblem[] = [];
  const edits: Edit[] = [];
  const where = (offset: number) => positionAt(text, original(offset, edits));
  const at = (offset: number, message: string, repair?: string): SyntaxProblem => {
    const pos = where(offset);
    return { message, ...pos, excerpt: caretExcerpt(text, pos), ...(repair ? { repair } : {}) };
  };
  if (text.trim() === '') return { problems: [{ message: 'the file is empty', ...positionAt(text, 0), excerpt: caretExcerpt(text, positionAt(text, 0)) }] };
  let current = text;
  while (problems.length < MAX_PROBLEMS) {
    const errors = strictErrors(current);
    const first = errors[0];
    if (!first) return problems.length === 0 ? { problems } : { problems, repaired: current };
    const d = diagnose(current, first.offset, printParseErrorCode(first.error), where);
    const next = d.repair ? apply(current, d.repair.edit) : undefined;
    // A repair that does not move the parser past this error is no repair.
    if (d.repair && next !== undefined && progressed(errors, strictErrors(next), d.repair.edit)) {
      problems.push(at(d.offset, d.message, d.repair.does));
      edits.push(d.repair.edit);
      current = next;
      continue;
    }
    problems.push(at(d.offset, d.message));
    // No obvious repair: the rest as the parser reports them, one per place.
    const seen = new Set([first.offset]);
    for (const e of errors.slice(1)) {
      if (seen.has(e.offset) || problems.length >= MAX_PROBLEMS) continue;
      seen.add(e.offset);
      problems.push(at(e.offset, diagnose(current, e.offset, printParseErrorCode(e.error), where).message));
    }
    return { problems };
  }
  return { problems };
}

function apply(text: string, e: Edit): string {
  return text.slice(0, e.offset) + e.content + text.slice(e.offset + e.length);
}

/**
 * The first error after the edit lies beyond the place it repaired, or is another error there (a
 * key given its quotes can still lack the comma before it), or there is none.
 */
function progressed(before: readonly ParseError[], after: readonly ParseError[], e: Edit): boolean {
  const next = after[0];
  if (!next) return true;
  const was = before[0]!;
  const at = original(next.offset, [e]);
  return at > was.offset || (at === was.offset && next.error !== was.error);
}
