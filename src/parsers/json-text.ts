// A JSON document's text, parsed the way duo-sso's config.json and the organisation policy
// are read: every syntax error with its line:column, a leading BOM flagged, nesting bounded.
// Below config/ and policy/, which both read JSON this way.
import type { Node } from 'jsonc-parser';
import { MAX_JSON_DEPTH, tooDeepAt } from './json-depth.js';
import { caretExcerpt, positionAt } from './json-position.js';
import { strictParse, syntaxReport, type SyntaxProblem } from './json-syntax.js';

export type JsonText =
  // message/line/column/excerpt: the first of `problems` (every syntax error, in file order);
  // `repaired`: the text with each of them repaired, when every one has an obvious repair.
  | { kind: 'invalid-json'; path: string; text: string; message: string; line: number; column: number; excerpt: string; problems: SyntaxProblem[]; repaired?: string; bom?: true }
  | { kind: 'parsed'; path: string; text: string; value: unknown; tree: Node; bom?: true };

export function parseConfigText(path: string, text: string): JsonText {
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    const pos = positionAt(text, deep);
    const problem = { message: `nested more than ${MAX_JSON_DEPTH} levels deep (duo-sso's config is 3 levels deep)`, ...pos, excerpt: caretExcerpt(text, pos) };
    return { kind: 'invalid-json', path, text, ...problem, problems: [problem] };
  }
  const { tree, errors } = strictParse(text);
  if (errors.length > 0 || !tree) {
    const { problems, repaired } = syntaxReport(text);
    const first = problems[0]!;
    return { kind: 'invalid-json', path, text, message: first.message, line: first.line, column: first.column, excerpt: first.excerpt, problems, ...(repaired !== undefined ? { repaired } : {}) };
  }
  return { kind: 'parsed', path, text, value: JSON.parse(text) as unknown, tree };
}

/** Like parseConfigText, for a file's whole text: a leading BOM is left out of `text` and flagged as `bom` (duo-sso's Go decoder refuses it). */
export function parseWithBom(path: string, text: string): JsonText {
  if (!text.startsWith('\uFEFF')) return parseConfigText(path, text);
  const read = parseConfigText(path, text.slice(1));
  return read.kind === 'parsed' || read.kind === 'invalid-json' ? { ...read, bom: true } : read;
}
