// Every syntax error of a broken config.json at once, positioned in the file as it is, and the
// repair of the common ones: checked on exact texts and over generated damage of valid files,
// where the repair must give back the original bytes and name each damage at its line.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { syntaxReport } from '../../src/parsers/json-syntax.js';
import { parseConfigText } from '../../src/parsers/json-text.js';
import { validateText } from '../../src/config/validate.js';
import { lineDiff } from '../../src/config/line-diff.js';

const brief = (text: string) => syntaxReport(text).problems.map((p) => `${p.line}:${p.column} ${p.message}${p.repair ? ` [${p.repair}]` : ''}`);

describe('syntaxReport', () => {
  it('lists every error with its position in the file as it is, mapped back through the earlier repairs', () => {
    const text = '{\n  // a comment\n  "url": "x",\n  "profiles": {\n    "a": {"aws_account_id": 012345678901, "aws_role_name": "admin",},\n    b: {"aws_role_name": "x" "aws_account_id": "123456789012"}\n  },\n}\n';
    expect(brief(text)).toEqual([
      '2:3 comments are not allowed in JSON [remove the comment]',
      '5:29 the number 012345678901 starts with 0, which JSON numbers cannot: write it as the string "012345678901" (an account id keeps its leading zero only as a string) [write 012345678901 as the string "012345678901"]',
      "5:68 expected a property name in double quotes: remove the trailing comma at 5:67 (JSON allows none before '}') [remove the trailing comma]",
      '6:5 unexpected character: the key b needs double quotes [put the key b in double quotes]',
      "6:30 expected ',' (a missing comma?) [add the missing ',']",
      "8:1 expected a property name in double quotes: remove the trailing comma at 7:4 (JSON allows none before '}') [remove the trailing comma]",
    ]);
    expect(syntaxReport(text).repaired).toBe('{\n  "url": "x",\n  "profiles": {\n    "a": {"aws_account_id": "012345678901", "aws_role_name": "admin"},\n    "b": {"aws_role_name": "x", "aws_account_id": "123456789012"}\n  }\n}\n');
  });

  it('offers no repaired text when one error has no obvious repair, and still lists the errors after it', () => {
    const r = syntaxReport('{\n  "a": 1,\n  "b": ,\n  "c": 2\n  "d": 3\n}\n');
    expect(r.repaired).toBeUndefined();
    expect(r.problems.map((p) => [p.line, p.column, p.repair])).toEqual([[3, 8, undefined], [5, 3, undefined]]);
  });

  it.each([
    ['a block comment', '{"a": 1 /* why */}', '{"a": 1}'],
    ['a comment at the end of a line, CRLF kept', '{\r\n  "a": 1, // why\r\n  "b": 2\r\n}\r\n', '{\r\n  "a": 1,\r\n  "b": 2\r\n}\r\n'],
    ['a comment on the last line of the file', '{"a": 1}\n// end', '{"a": 1}\n'],
    ['a trailing comma in an array', '{"a": [1, 2, ]}', '{"a": [1, 2 ]}'],
    ['a key without quotes after a comma', '{"a": 1, b_2-c: 2}', '{"a": 1, "b_2-c": 2}'],
  ])('repairs %s byte for byte', (_what, text, repaired) => {
    expect(syntaxReport(text).repaired).toBe(repaired);
    expect(parseConfigText('c.json', repaired).kind).toBe('parsed');
  });

  it.each([
    ['an unterminated block comment', '{"a": 1 /* why }'],
    ['a truncated file', '{"a": {"b": 1'],
    ['a negative number with a leading zero', '{"a": -012}'],
    ['a value missing', '{"a": }'],
    ['an identifier as a value', '{"a": yes}'],
  ])('does not guess at %s', (_what, text) => {
    const r = syntaxReport(text);
    expect(r.repaired).toBeUndefined();
    expect(r.problems.length).toBeGreaterThan(0);
  });

  it('says an empty file is empty', () => {
    expect(brief('  \n')).toEqual(['1:1 the file is empty']);
  });

  it('gives validate one json-syntax finding per error, automatic only when every one can be repaired', () => {
    const repairable = validateText('{"a": 1,}\n{', {}, 'c.json');
    expect(repairable.map((f) => [f.id, f.fix?.automatic])).toEqual([['json-syntax', false], ['json-syntax', false]]);
    const all = validateText('{\n  "a": 1,\n  // x\n  "b": 2,\n}\n', {}, 'c.json');
    expect(all.map((f) => [f.message, f.fix?.automatic])).toEqual([
      ['c.json:3:3: comments are not allowed in JSON', true],
      ["c.json:5:1: expected a property name in double quotes: remove the trailing comma at 4:9 (JSON allows none before '}')", true],
    ]);
  });
});

/**
 * Damage a pretty-printed valid document in up to six places: a comma removed between entries,
 * a trailing comma added, a key's quotes removed, a comment line inserted. Each damage is one
 * error at a known line (the comma ones where the parser notices: the next token's line).
 */
type Damage = 'drop-comma' | 'trailing-comma' | 'unquote' | 'comment';
const docs = fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), fc.oneof(
  fc.integer(), fc.string({ maxLength: 8 }), fc.boolean(),
  fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), fc.oneof(fc.integer(), fc.string({ maxLength: 8 })), { minKeys: 1, maxKeys: 3 }),
), { minKeys: 1, maxKeys: 6 });

function damage(text: string, picks: readonly { line: number; kind: Damage }[]): { damaged: string; expectedLines: number[] } | undefined {
  const lines = text.split('\n');
  const used = new Set<number>();
  const marks: { at: number; kind: Damage }[] = [];
  for (const { line, kind } of picks) {
    const i = line % lines.length;
    if (used.has(i)) continue;
    const l = lines[i]!;
    const next = lines[i + 1] ?? '';
    if (kind === 'drop-comma' && l.endsWith(',')) lines[i] = l.slice(0, -1);
    else if (kind === 'trailing-comma' && /["\d el]$/.test(l) && /^\s*[}\]]/.test(next)) lines[i] = `${l},`;
    else if (kind === 'unquote' && /^\s*"[a-z][a-z0-9_]*": /.test(l)) lines[i] = l.replace(/"([a-z][a-z0-9_]*)": /, '$1: ');
    else if (kind === 'comment' && i > 0) { /* inserted below, so line numbers above stay */ } else continue;
    used.add(i);
    marks.push({ at: i, kind });
  }
  if (marks.length === 0) return undefined;
  // Insert the comment lines bottom-up before their line; then find every damage's reported line.
  const tagged = lines.map((l) => ({ l, comment: false, mark: undefined as Damage | undefined }));
  for (const m of marks) if (m.kind !== 'comment') tagged[m.at]!.mark = m.kind;
  for (const m of [...marks].filter((x) => x.kind === 'comment').sort((a, b) => b.at - a.at)) tagged.splice(m.at, 0, { l: '  // note', comment: true, mark: 'comment' });
  const expectedLines: number[] = [];
  tagged.forEach((t, i) => {
    if (t.mark === 'comment' || t.mark === 'unquote') expectedLines.push(i + 1);
    else if (t.mark) {
      // The parser notices a missing or extra comma at the next token, past any comment lines.
      let j = i + 1;
      while (tagged[j]?.comment) j++;
      expectedLines.push(j + 1);
    }
  });
  return { damaged: tagged.map((t) => t.l).join('\n'), expectedLines: expectedLines.sort((a, b) => a - b) };
}

describe('syntaxReport over damaged valid documents', () => {
  it('names each damage at its line, and the repair gives back the original bytes', () => {
    let checked = 0;
    fc.assert(fc.property(docs, fc.array(fc.record({ line: fc.nat(), kind: fc.constantFrom<Damage>('drop-comma', 'trailing-comma', 'unquote', 'comment') }), { minLength: 1, maxLength: 6 }), (doc, picks) => {
      const text = `${JSON.stringify(doc, null, 2)}\n`;
      const d = damage(text, picks);
      if (!d) return;
      checked++;
      const r = syntaxReport(d.damaged);
      expect(r.problems.map((p) => p.line).sort((a, b) => a - b)).toEqual(d.expectedLines);
      expect(r.repaired).toBe(text);
    }), { numRuns: 400 });
    // Most generated cases must be damaged at all, or the property says little.
    expect(checked).toBeGreaterThan(300);
  });
});

describe('lineDiff', () => {
  it('shows the removed and added lines with their numbers before and after', () => {
    expect(lineDiff('{\n  // x\n  "a": 1,\n}\n', '{\n  "a": 1\n}\n')).toBe('  -2:   // x\n  -3:   "a": 1,\n  +2:   "a": 1\n');
    expect(lineDiff('same\n', 'same\n')).toBe('');
  });
});
