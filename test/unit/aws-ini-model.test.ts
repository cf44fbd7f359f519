// The INI model's own promises, stated exactly: where a parse error is (line, column, text;
// the line numbers judged by Python's configparser, which botocore reads the files with),
// and what every edit writes, byte for byte (continuation lines, first/middle/last sections,
// files without a final newline, CRLF and CR files).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { appendSection, decodeAwsFile, dropLines, fileEol, findSection, isPySpace, parseIni, pyRstrip, pyStrip, removeOptions, removeSectionLines, setOption, splitLines, type IniFile } from '../../src/aws/ini-model.js';
import { oracleAvailable, PYTHON } from '../support/botocore-oracle.js';

function ini(text: string): IniFile {
  const p = parseIni(text);
  if (!p.ok) throw new Error(`test input does not parse: ${JSON.stringify(p.error)}`);
  return p.file;
}
function section(file: IniFile, header: string) {
  const s = findSection(file, header);
  if (!s) throw new Error(`no [${header}] in the test input`);
  return s;
}
const set = (text: string, header: string, key: string, value: string) => { const f = ini(text); return setOption(f, section(f, header), key, value); };
const remove = (text: string, header: string, keys: string[]) => { const f = ini(text); return removeOptions(f, section(f, header), keys); };
const removeSection = (text: string, header: string) => { const f = ini(text); return removeSectionLines(f, section(f, header)); };
const append = (text: string, header: string, options: [string, string][]) => appendSection(ini(text), header, options);

const BROKEN: { text: string; line: number; reason: string }[] = [
  { text: 'x = 1\n[a]\n', line: 1, reason: 'comes before any [section] header' },
  { text: '# c\n\n  \nk=v\n', line: 4, reason: 'comes before any [section] header' },
  { text: '\ufeff[a]\nx = 1\n', line: 1, reason: 'comes before any [section] header' },
  { text: '[a]\nx = 1\n\n[b]\n[a]\n', line: 5, reason: 'repeats the section [a]' },
  { text: '[a]\njunk\n[a]\n', line: 3, reason: 'repeats the section [a]' },
  { text: '[a]\nRegion = x\n; c\nregion: y\n', line: 4, reason: 'repeats the option region in [a]' },
  { text: '[DEFAULT]\na=1\n[b]\n[DEFAULT]\nA = 2\n', line: 5, reason: 'repeats the option a in [DEFAULT]' },
  { text: '[a]\nx = 1\njunk\n[b]\n', line: 3, reason: 'is neither [section], option = value, a comment nor an indented continuation' },
  { text: '[a]\n = 2\nalso junk\n', line: 2, reason: 'has no option name before its = or :' },
  // An option without a name takes no continuation lines (its name is falsy in Python too), and a repeated option fails at once.
  { text: '[a]\n = 2\n  x = 1\n x=3\n', line: 4, reason: 'repeats the option x in [a]' },
  // An option without a name is still an option: it can repeat, and it ends the option before it.
  { text: '[a]\n = 1\n = 2\n', line: 3, reason: 'repeats the option  in [a]' },
  { text: '[a]\nx=1\n= 2\n  x = 3\n', line: 4, reason: 'repeats the option x in [a]' },
  { text: '[a]\nx = 1\nstill junk\n : 2\n', line: 3, reason: 'is neither [section], option = value, a comment nor an indented continuation' },
  { text: '[a]\r\nx=1\r\rjunk\r\n', line: 4, reason: 'is neither [section], option = value, a comment nor an indented continuation' },
  { text: '[a]\rx=1\r\n\r\n[b]\nk\n', line: 5, reason: 'is neither [section], option = value, a comment nor an indented continuation' },
];

describe('parse errors: the line and the text', () => {
  it.each(BROKEN)('$text', ({ text, line, reason }) => {
    expect(parseIni(text)).toEqual({ ok: false, error: { line, reason } });
  });

  it.skipIf(!oracleAvailable())('on the line Python\'s configparser reports for the same file', () => {
    // configparser's own line numbers (botocore's ConfigParseError carries only the path).
    const script = [
      'import configparser, json, os, sys, tempfile',
      'out = []',
      'for text in json.load(sys.stdin):',
      '    fd, path = tempfile.mkstemp()',
      '    os.write(fd, text.encode("utf-8")); os.close(fd)',
      '    try:',
      '        configparser.RawConfigParser().read([path], encoding="utf-8"); out.append(None)',
      '    except (configparser.DuplicateSectionError, configparser.DuplicateOptionError, configparser.MissingSectionHeaderError) as e:',
      '        out.append(e.lineno)',
      '    except configparser.ParsingError as e:',
      '        out.append(e.errors[0][0])',
      '    os.unlink(path)',
      'print(json.dumps(out))',
    ].join('\n');
    const r = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(BROKEN.map((b) => b.text)), env: { PATH: '/usr/bin:/bin', LC_ALL: 'C.UTF-8' } });
    expect(r.stderr.toString()).toBe('');
    expect(JSON.parse(r.stdout.toString())).toEqual(BROKEN.map((b) => b.line));
  });

  it('bytes that are not UTF-8: the line and the byte column of the first bad byte', () => {
    const reason = 'is not UTF-8 (the AWS CLI cannot read the file)';
    const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
    expect(decodeAwsFile(bytes('[a]\r\nx = caf', [0xe9], '\n'))).toEqual({ ok: false, error: { line: 2, column: 8, reason } });
    expect(decodeAwsFile(bytes('[a]\rx\r', [0xff]))).toEqual({ ok: false, error: { line: 3, column: 1, reason } });
    expect(decodeAwsFile(bytes('[a]\n# 😀 ', [0xff]))).toEqual({ ok: false, error: { line: 2, column: 8, reason } });
    expect(decodeAwsFile(bytes('[a]\nk=€é', [0xc3, 0x28], '\n'))).toEqual({ ok: false, error: { line: 2, column: 8, reason } });
    expect(decodeAwsFile(bytes('[a]\nk=\u0800\u07ff', [0xff]))).toEqual({ ok: false, error: { line: 2, column: 8, reason } });
    expect(decodeAwsFile(bytes('[a]\n', [0xe2, 0x82]))).toEqual({ ok: false, error: { line: 2, column: 1, reason } });
    expect(decodeAwsFile(bytes('[a]\n\n', [0x80]))).toEqual({ ok: false, error: { line: 3, column: 1, reason } });
    expect(decodeAwsFile(bytes([0xfe], '[a]\n'))).toEqual({ ok: false, error: { line: 1, column: 1, reason } });
  });

  it('a byte-order mark stays a character of the text', () => {
    expect(decodeAwsFile(Buffer.from('\ufeff[a]\n', 'utf8'))).toEqual({ ok: true, text: '\ufeff[a]\n' });
  });
});

describe('what a file parses into', () => {
  it('lines cut at \\r\\n, \\r and \\n with their offsets and endings', () => {
    expect(splitLines('a\r\r\nb\n\nc')).toEqual([
      { start: 0, text: 'a', eol: '\r' },
      { start: 2, text: '', eol: '\r\n' },
      { start: 4, text: 'b', eol: '\n' },
      { start: 6, text: '', eol: '\n' },
      { start: 7, text: 'c', eol: '' },
    ]);
    expect(splitLines('')).toEqual([]);
    expect(splitLines('x\n')).toEqual([{ start: 0, text: 'x', eol: '\n' }]);
  });

  it('sections, lower-cased keys, multi-line values and [DEFAULT]', () => {
    const f = ini('# top\n[a]\nMy Key  : a = b\nk = first\n\n  second  \n# c\n  third\n\n[ profile x ] ; t\nv = x ; y\n[DEFAULT]\nr=1\n[a]b]\n');
    expect(f.sections.map((s) => [s.header, s.line])).toEqual([['a', 1], [' profile x ', 9], ['a]b', 13]]);
    const a = f.sections[0]!.options;
    expect([...a.keys()]).toEqual(['my key', 'k']);
    expect(a.get('my key')).toEqual({ key: 'my key', lines: [2], value: 'a = b' });
    expect(a.get('k')).toEqual({ key: 'k', lines: [3, 5, 7], value: 'first\n\nsecond\nthird' });
    expect(f.sections[1]!.options.get('v')!.value).toBe('x ; y');
    expect(f.defaults).toEqual({ header: 'DEFAULT', line: 11, options: new Map([['r', { key: 'r', lines: [12], value: '1' }]]) });
    expect(f.sections[2]!.options.size).toBe(0);
  });

  it('a header ends the option before it: an indented line after it is an option of the new section', () => {
    const f = ini('[a]\nk=1\n[b]\n\n  x=2\n');
    expect(f.sections[0]!.options.get('k')).toEqual({ key: 'k', lines: [1], value: '1' });
    expect(f.sections[1]!.options.get('x')).toEqual({ key: 'x', lines: [4], value: '2' });
  });

  it('# and ; comment lines are skipped everywhere: before the first header and inside a value', () => {
    const f = ini('; top\n# top\n[a]\nk = 1\n; c\n  more\n# c\n  most\n');
    expect(f.sections.map((s) => s.header)).toEqual(['a']);
    expect(f.sections[0]!.options.get('k')).toEqual({ key: 'k', lines: [3, 5, 7], value: '1\nmore\nmost' });
  });

  it('the indent level is the last option line\'s: a line less indented than it starts an option', () => {
    const f = ini('[a]\n  x = 1\n   cont\n y = 2\n');
    expect([...f.sections[0]!.options.values()]).toEqual([{ key: 'x', lines: [1, 2], value: '1\ncont' }, { key: 'y', lines: [3], value: '2' }]);
  });

  it('[DEFAULT] twice is one section', () => {
    const f = ini('[DEFAULT]\na=1\n[b]\n[DEFAULT]\nc=2\n');
    expect([...f.defaults!.options.keys()]).toEqual(['a', 'c']);
    expect(f.defaults!.line).toBe(0);
    expect(f.sections.map((s) => s.header)).toEqual(['b']);
  });

  it('blank means Python\'s str.isspace(), nothing more', () => {
    expect(pyStrip('\x85\u3000 a b\xa0\t')).toBe('a b');
    expect(pyStrip('\u200bx\u200b')).toBe('\u200bx\u200b');
    expect(pyStrip(' \t ')).toBe('');
    expect(pyRstrip(' a \u2028\x1c')).toBe(' a');
    expect(pyRstrip('\v')).toBe('');
  });

  it.skipIf(!oracleAvailable())('isPySpace is exactly str.isspace() over the Basic Multilingual Plane', () => {
    const r = spawnSync(PYTHON, ['-c', 'import json; print(json.dumps([c for c in range(0x10000) if chr(c).isspace()]))']);
    const python: number[] = JSON.parse(r.stdout.toString());
    const ours: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isPySpace(String.fromCharCode(c))) ours.push(c);
    expect(ours).toEqual(python);
    expect(python.length).toBeGreaterThan(20);
  });

  it('new lines take the file\'s first line ending, else LF', () => {
    expect(fileEol(ini(''))).toBe('\n');
    expect(fileEol(ini('[a]'))).toBe('\n');
    expect(fileEol(ini('[a]\rx=1\r\n'))).toBe('\r');
    expect(fileEol(ini('[a]\r\nx=1\n'))).toBe('\r\n');
  });
});

describe('setOption: byte for byte', () => {
  it('rewrites an option in place and drops its continuation lines (the blank line between stays)', () => {
    expect(set('[a]\nk = 1\n  more\n\n  more2\nz = 2\n', 'a', 'k', 'new')).toBe('[a]\nk = new\n\nz = 2\n');
    expect(set('[a]\nK: 1\n  more\nz = 2\n', 'a', 'k', 'v')).toBe('[a]\nk = v\nz = 2\n');
    expect(set('[a]\r\nk = 1\r\n  more\r\nz = 2\r\n', 'a', 'k', 'v')).toBe('[a]\r\nk = v\r\nz = 2\r\n');
  });

  it('keeps the option line\'s indentation and the neighbours\' bytes', () => {
    expect(set('[a]\n  k=1\n    more\n[b]\nk=2\n', 'a', 'k', 'v')).toBe('[a]\n  k = v\n[b]\nk=2\n');
    expect(set('[a]\rk=1\rz=2', 'a', 'K', 'v')).toBe('[a]\rK = v\rz=2');
    expect(set('[a]\nk=1\n[b]\nk=2\n', 'b', 'k', 'v')).toBe('[a]\nk=1\n[b]\nk = v\n');
  });

  it('a continuation on the last line, no final newline: the file still ends without one', () => {
    expect(set('[a]\nk = 1\n  more', 'a', 'k', 'v')).toBe('[a]\nk = v');
    expect(set('[a]\r\nk = 1\r\n  more\r\n  more', 'a', 'k', 'v')).toBe('[a]\r\nk = v');
  });

  it('a new option goes after the section\'s last option line (continuations included), in its own ending', () => {
    expect(set('[a]\nx = 1\n  cont\n# c\n[b]\n', 'a', 'y', 'v')).toBe('[a]\nx = 1\n  cont\ny = v\n# c\n[b]\n');
    expect(set('[a]\nx = 1\r\n[b]\n', 'a', 'y', 'v')).toBe('[a]\nx = 1\r\ny = v\r\n[b]\n');
    expect(set('[a]\n[b]\nx=1\n', 'a', 'y', 'v')).toBe('[a]\ny = v\n[b]\nx=1\n');
  });

  it('a new option takes the indentation of the line that set the indent level, so it is read as an option', () => {
    expect(set('[a]\n  x = 1\n[b]\n', 'a', 'y', 'v')).toBe('[a]\n  x = 1\n  y = v\n[b]\n');
    expect(set('  [a]\n[b]\n', 'a', 'y', 'v')).toBe('  [a]\n  y = v\n[b]\n');
    const out = set('[a]\n x=1\ny=2\n', 'a', 'z', 'v');
    expect(out).toBe('[a]\n x=1\ny=2\nz = v\n');
    expect(section(ini(out), 'a').options.get('z')?.value).toBe('v');
  });

  it('in a section without options before an indented header: indented as deep, so the header stays a header', () => {
    // Found by the property test (the migrate plan refused it): at the header's own depth the
    // new option made the indented `[b]` below it a continuation of its value.
    const out = set('[a]\n# c\n  [b]\nx=1\n', 'a', 'y', 'v');
    expect(out).toBe('[a]\n  y = v\n# c\n  [b]\nx=1\n');
    expect(ini(out).sections.map((s) => [s.header, Object.fromEntries([...s.options].map(([k, o]) => [k, o.value]))])).toEqual([['a', { y: 'v' }], ['b', { x: '1' }]]);
    expect(set(' [a]\n[DEFAULT]\n', 'a', 'y', 'v')).toBe(' [a]\n y = v\n[DEFAULT]\n');
    expect(set('[a]\n\t[DEFAULT]\n', 'a', 'y', 'v')).toBe('[a]\n\ty = v\n\t[DEFAULT]\n');
    // The next header counts, not a later one; as deep as the header's own: its own indentation.
    expect(set('[a]\n  [b]\n[c]\n', 'a', 'y', 'v')).toBe('[a]\n  y = v\n  [b]\n[c]\n');
    expect(set('\t[a]\n [b]\n', 'a', 'y', 'v')).toBe('\t[a]\n\ty = v\n [b]\n');
  });

  it('a value that would break the file replaces only the option line: its continuation lines stay, for the caller\'s check to refuse', () => {
    const out = set('[a]\nk = 1\n  more\nz = 2\n', 'a', 'k', 'x\njunk');
    expect(out).toBe('[a]\nk = x\njunk\n  more\nz = 2\n');
    expect(parseIni(out)).toEqual({ ok: false, error: { line: 3, reason: 'is neither [section], option = value, a comment nor an indented continuation' } });
  });

  it('a file without a final newline: the new line gets the file\'s ending and the file still ends open', () => {
    expect(set('[a]\r\nx = 1', 'a', 'y', 'v')).toBe('[a]\r\nx = 1\r\ny = v');
    expect(set('[a]', 'a', 'y', 'v')).toBe('[a]\ny = v');
  });
});

describe('removeOptions: byte for byte', () => {
  it('removes options in any case with their continuation lines, and nothing else', () => {
    expect(remove('[a]\nk = 1\n  more\nz = 2\n  zz\n# kept\n[b]\nk = 3\n', 'a', ['K', 'z'])).toBe('[a]\n# kept\n[b]\nk = 3\n');
    expect(remove('[a]\nk = 1\n[b]\nk = 3\n', 'b', ['k'])).toBe('[a]\nk = 1\n[b]\n');
  });

  it('an absent option leaves the text as it is', () => {
    const text = '[a]\nk = 1\n';
    expect(remove(text, 'a', ['nope'])).toBe(text);
    expect(remove(text, 'a', [])).toBe(text);
  });

  it('removing the last line of a file without a final newline adds no newline', () => {
    expect(remove('[a]\nx=1\nk = 1\n  more', 'a', ['k'])).toBe('[a]\nx=1');
    expect(remove('[a]\r\nk=1\r\nx=2', 'a', ['x'])).toBe('[a]\r\nk=1');
    expect(remove('[a]\nk=1', 'a', ['k'])).toBe('[a]');
    expect(remove('[a]\rk=1\rx=2', 'a', ['x'])).toBe('[a]\rk=1');
  });

  it('dropLines keeps a final newline the file had', () => {
    const f = ini('[a]\nk=1\nx=2\n');
    expect(dropLines(f, new Set([2]))).toBe('[a]\nk=1\n');
    expect(dropLines(f, new Set([0, 1, 2]))).toBe('');
    expect(dropLines(ini(''), new Set())).toBe('');
    expect(dropLines(ini('[a]\nk=1'), new Set([0]))).toBe('k=1');
  });
});

describe('removeSectionLines: byte for byte', () => {
  const FOUR = '# top\n[a]\nx = 1\n\n[b]\ny = 2\n  cont\n\n[c]\nz = 3\n[d]\nw = 4\n';

  it('the first section: its header and lines up to the next section, the lines before it kept', () => {
    expect(removeSection(FOUR, 'a')).toBe('# top\n[b]\ny = 2\n  cont\n\n[c]\nz = 3\n[d]\nw = 4\n');
    expect(removeSection('[a]\nx=1\n[b]\n', 'a')).toBe('[b]\n');
  });

  it('a section followed by several: only up to the next one', () => {
    expect(removeSection(FOUR, 'b')).toBe('# top\n[a]\nx = 1\n\n[c]\nz = 3\n[d]\nw = 4\n');
    expect(removeSection(FOUR, 'c')).toBe('# top\n[a]\nx = 1\n\n[b]\ny = 2\n  cont\n\n[d]\nw = 4\n');
  });

  it('the last section takes the blank lines before it along', () => {
    expect(removeSection(FOUR, 'd')).toBe('# top\n[a]\nx = 1\n\n[b]\ny = 2\n  cont\n\n[c]\nz = 3\n');
    expect(removeSection('[a]\nx=1\n\n  \n[b]\ny=2\n', 'b')).toBe('[a]\nx=1\n');
    expect(removeSection('[a]\nx=1\n\n  \n[b]\ny=2', 'b')).toBe('[a]\nx=1');
    expect(removeSection('\n\n[a]\nx=1\n', 'a')).toBe('');
    expect(removeSection('[a]\nx=1', 'a')).toBe('');
  });

  it('[DEFAULT] counts as the next section', () => {
    expect(removeSection('[a]\nx=1\n[DEFAULT]\nr=1\n[b]\n', 'a')).toBe('[DEFAULT]\nr=1\n[b]\n');
    expect(removeSection('[a]\nx=1\n[DEFAULT]\nr=1\n[b]\n', 'b')).toBe('[a]\nx=1\n[DEFAULT]\nr=1\n');
  });

  it('appendSection then removeSectionLines gives back the bytes', () => {
    for (const text of ['[a]\nx=1\n', '[a]\nx=1', '[a]\r\nx=1\r\n', '[a]\nx=1\n\n']) {
      const added = append(text, 'h', [['k', 'v']]);
      expect(removeSection(added, 'h')).toBe(text.replace(/\n\n$/, '\n'));
    }
  });
});

describe('appendSection: byte for byte', () => {
  it('an empty file', () => {
    expect(append('', 'h', [['k', 'v'], ['j', 'w']])).toBe('[h]\nk = v\nj = w\n');
    expect(append('', 'h', [])).toBe('[h]\n');
  });

  it('after a blank line, in the file\'s first ending', () => {
    expect(append('[a]\nx=1\n', 'h', [['k', 'v']])).toBe('[a]\nx=1\n\n[h]\nk = v\n');
    expect(append('[a]\r\nx=1\n', 'h', [['k', 'v']])).toBe('[a]\r\nx=1\n\r\n[h]\r\nk = v\r\n');
    expect(append('[a]\rx=1\r', 'h', [['k', 'v']])).toBe('[a]\rx=1\r\r[h]\rk = v\r');
  });

  it('a file that already ends in a blank line gets no second one', () => {
    expect(append('[a]\nx=1\n\n', 'h', [['k', 'v']])).toBe('[a]\nx=1\n\n[h]\nk = v\n');
  });

  it('a file without a final newline keeps ending without one', () => {
    expect(append('[a]\nx=1', 'h', [['k', 'v']])).toBe('[a]\nx=1\n\n[h]\nk = v');
    expect(append('[a]\r\nx=1', 'h', [['k', 'v']])).toBe('[a]\r\nx=1\r\n\r\n[h]\r\nk = v');
    expect(append('[a]\nx=1\n  ', 'h', [['k', 'v']])).toBe('[a]\nx=1\n  \n[h]\nk = v');
  });
});
