// Issue 20 (9): text wraps at the terminal's width. The wrap function's properties over
// generated report-like text, its indentation rule on the shapes we print, and where the
// width comes from.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { displayWidth, helpWidth, terminalWidth, wrapText } from '../../src/ui/wrap.js';
import { wrapQuestion } from '../../src/ui/prompt.js';

const words = (text: string) => text.split(/\s+/).filter(Boolean);
const lines = (text: string) => text.split('\n');
const GREEN = (t: string) => `\u001b[32m${t}\u001b[39m`;

// Report-like lines: indentation, maybe a mark, maybe a padded name column, then words of
// every length (a long path or URL among them), coloured words, wide characters, `commands`.
const word = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z]{1,9}[.,:]?$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^\/[a-z/._-]{20,70}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z]{1,6}$/).map(GREEN) },
  { weight: 1, arbitrary: fc.constantFrom('日本語', '设置', '✓', '→', '—') },
  { weight: 1, arbitrary: fc.array(fc.stringMatching(/^[a-z-]{1,12}$/), { minLength: 1, maxLength: 6 }).map((w) => `\`${w.join(' ')}\``) },
);
const line = fc.record({
  indent: fc.constantFrom('', '  ', '    ', '      '),
  mark: fc.constantFrom('', '✓ ', GREEN('✗') + ' ', '→ ', '- ', '1. ', '$ '),
  name: fc.option(fc.tuple(fc.stringMatching(/^[a-z][a-z-]{0,15}$/), fc.integer({ min: 2, max: 12 })), { nil: undefined }),
  text: fc.array(word, { minLength: 1, maxLength: 40 }),
}).map(({ indent, mark, name, text }) => `${indent}${mark}${name ? name[0] + ' '.repeat(name[1]) : ''}${text.join(' ')}`);
const text = fc.array(line, { minLength: 1, maxLength: 6 }).map((l) => l.join('\n'));

/** A line that may run past the width: a command line, or one unbreakable word (after a mark). */
function unbreakable(out: string): boolean {
  const plain = out.replace(/\u001b\[[0-9;]*m/g, '').trim();
  if (plain.startsWith('$ ')) return true;
  const units = plain.match(/(?:`[^`\n]*`|[^\s`]+|`)+/g) ?? [];
  return units.length === 1 || (units.length === 2 && /^(?:[✓✗!•*\-→?$>✔✖↓❯›◼\u2800-\u28ff]|\d{1,2}[.)])$/.test(units[0]!));
}

describe('wrapText: properties', () => {
  it('keeps every word, in order, and breaks no word', () => {
    fc.assert(fc.property(text, fc.integer({ min: 10, max: 140 }), (t, width) => {
      expect(words(wrapText(t, width))).toEqual(words(t));
    }), { numRuns: 400 });
  });

  it('no line is wider than the width unless it is one unbreakable word or a command line', () => {
    fc.assert(fc.property(text, fc.integer({ min: 10, max: 140 }), (t, width) => {
      const over = lines(wrapText(t, width)).filter((l) => displayWidth(l) > width);
      expect(over.filter((l) => !unbreakable(l))).toEqual([]);
    }), { numRuns: 400 });
  });

  it('a line that fits is left exactly as it was (padding and all)', () => {
    fc.assert(fc.property(text, (t) => {
      const width = Math.max(...lines(t).map(displayWidth));
      expect(wrapText(t, width)).toBe(t);
    }), { numRuns: 200 });
  });

  it('the continuation lines of an item share one indentation: under a word of its first line (its text), or its own indentation', () => {
    fc.assert(fc.property(line, fc.integer({ min: 30, max: 140 }), (l, width) => {
      const out = lines(wrapText(l, width));
      const rest = out.slice(1).map((o) => /^ */.exec(o)![0].length);
      expect(new Set(rest).size).toBeLessThanOrEqual(1);
      const leading = /^ */.exec(l)![0].length;
      // Where the words of the item start, as far as its first line reaches.
      const plain = l.replace(/\u001b\[[0-9;]*m/g, '');
      const starts = [...plain.matchAll(/(?:^|\s)(?=\S)/g)].map((m) => displayWidth(plain.slice(0, m.index + (m[0] ? 1 : 0)))).filter((c) => c < width);
      // Under a word of the first line (after a mark, a name column), or, too narrow for that,
      // the line's own indentation (+4 below a name column).
      for (const r of rest) expect([...starts, leading, leading + 4, 0]).toContain(r);
      // A mark without a name column: the text hangs right after the mark.
      const mark = /^( *)(✓|→|- |1\.) /.exec(l);
      if (mark && !/ {2}/.test(l.trim()) && rest.length > 0 && width >= 40) expect(rest[0]).toBe(displayWidth(/^ *\S+ /.exec(l)![0]));
    }), { numRuns: 300 });
  });
});

describe('wrapText: the shapes we print', () => {
  it('a report line hangs under its text, past the mark and the name column', () => {
    const out = wrapText('✗ aws-cli           aws-cli 1.45.11 (v1) at /root/.pyenv/shims/aws shadows v2 at /usr/bin/aws', 50);
    expect(out).toBe([
      '✗ aws-cli           aws-cli 1.45.11 (v1) at',
      '                    /root/.pyenv/shims/aws shadows',
      '                    v2 at /usr/bin/aws',
    ].join('\n'));
  });

  it('a fix under a check hangs under the text after its arrow; its command stays one line', () => {
    const out = wrapText('    → Remove the pip-installed v1 — setup and install do it only with --remove-aws-cli-v1\n      $ pip uninstall --yes awscli and a long tail of arguments', 40);
    expect(lines(out)).toEqual([
      '    → Remove the pip-installed v1 —',
      '      setup and install do it only with',
      '      --remove-aws-cli-v1',
      '      $ pip uninstall --yes awscli and a long tail of arguments',
    ]);
  });

  it('a command continued after a trailing backslash stays whole, line by line; the prose after it wraps', () => {
    const text = '  $ duo-sso-setup setup --yes --from ~/Downloads/duo-sso_linux_amd64 \\\n      --gpg-name "Ann Example" --gpg-email ann@example.com \\\n      --profile eticloud=626007623524:admin\nRerunning skips what is already done and more words';
    expect(lines(wrapText(text, 40))).toEqual([
      '  $ duo-sso-setup setup --yes --from ~/Downloads/duo-sso_linux_amd64 \\',
      '      --gpg-name "Ann Example" --gpg-email ann@example.com \\',
      '      --profile eticloud=626007623524:admin',
      'Rerunning skips what is already done and',
      'more words',
    ]);
    // A backslash ending prose continues nothing.
    expect(lines(wrapText('a path like C:\\\nand this line is long enough to wrap somewhere', 20))).toEqual(['a path like C:\\', 'and this line is', 'long enough to wrap', 'somewhere']);
  });

  it("PowerShell's PS> command lines stay whole", () => {
    const line = '  PS> duo-sso-setup completion powershell | Out-String | Invoke-Expression   # in $PROFILE';
    expect(wrapText(line, 40)).toBe(line);
  });

  it('a name column too wide for the width: the text goes below it, indented', () => {
    expect(lines(wrapText('  --remove-aws-cli-v1 <yes>        remove the pip AWS CLI v1 that shadows v2', 40))).toEqual([
      '  --remove-aws-cli-v1 <yes>',
      '      remove the pip AWS CLI v1 that',
      '      shadows v2',
    ]);
  });

  it('a word longer than the width, and a `quoted command`, stay whole on a line of their own', () => {
    const url = 'https://github.com/ats-operations/homebrew-tap/releases/download/v3.4.1/duo-sso_linux_amd64.tar.gz';
    expect(lines(wrapText(`Download it from ${url} and run it.`, 30))).toEqual(['Download it from', url, 'and run it.']);
    expect(lines(wrapText('raise it (`aws iam update-role --role-name ROLE --max-session-duration 14400`, with approval)', 30)))
      .toEqual(['raise it', '(`aws iam update-role --role-name ROLE --max-session-duration 14400`,', 'with approval)']);
  });

  it('our own command in a sentence stays whole: the tool and its arguments, to the end of the sentence', () => {
    expect(lines(wrapText('duo-sso-setup: error: duo-sso is not installed\nInstall it: duo-sso-setup install duo-sso', 30)))
      .toEqual(['duo-sso-setup: error: duo-sso', 'is not installed', 'Install it:', 'duo-sso-setup install duo-sso']);
    expect(lines(wrapText('Profiles are taken from there instead (see duo-sso-setup config validate --json). Then more words follow', 40)))
      .toEqual(['Profiles are taken from there instead', '(see', 'duo-sso-setup config validate --json).', 'Then more words follow']);
    expect(lines(wrapText('Run duo-sso-setup login. Then wait for the push on the phone', 20)))
      .toEqual(['Run', 'duo-sso-setup login.', 'Then wait for the', 'push on the phone']);
  });

  it('a mark is never left alone on its line', () => {
    expect(lines(wrapText('→ /a/very/long/path/that/does/not/fit/anywhere then words', 20))).toEqual(['→ /a/very/long/path/that/does/not/fit/anywhere', '  then words']);
  });

  it("listr's output lines (› under a step, as upgrade shows a tool's output) hang under their text", () => {
    expect(lines(wrapText('  › ==> Fetching downloads for: duo-sso from the tap', 30))).toEqual(['  › ==> Fetching downloads', '    for: duo-sso from the tap']);
  });

  it('colour codes take no room; wide characters take two columns', () => {
    expect(displayWidth(GREEN('✓'))).toBe(1);
    expect(displayWidth('设置')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    // A control character is shown as its escape (ui/visible.ts): six columns.
    expect(displayWidth('\u0007')).toBe(6);
    expect(lines(wrapText(`${GREEN('✓')} ${GREEN('ok')} aaaa bbbb`, 12))).toEqual([`${GREEN('✓')} ${GREEN('ok')} aaaa`, '  bbbb']);
    expect(lines(wrapText('设置 设置 设置', 10))).toEqual(['设置 设置', '设置']);
  });

  it('a double space after a sentence is prose, not a name column', () => {
    expect(lines(wrapText('It failed.  Run the doctor to see why it failed and what to do', 30))).toEqual(['It failed.  Run the doctor to', 'see why it failed and what to', 'do']);
  });

  it('no width (not a terminal): unchanged', () => {
    const long = `${'word '.repeat(60)}end`;
    expect(wrapText(long, undefined)).toBe(long);
  });
});

describe('wrapQuestion', () => {
  it('breaks a question between words, continuing past the mark, with room left for the answer', () => {
    const question = 'Move the keys of dev, long from /home/ann/.aws/credentials into the pass store /home/ann/.password-store?';
    const out = wrapQuestion(question, 80);
    expect(out.split('\n')).toEqual([
      'Move the keys of dev, long from /home/ann/.aws/credentials into',
      '  the pass store /home/ann/.password-store?',
    ]);
    // As enquirer shows it: "? " before the first line, " (Y/n) ‣ yes" after the last.
    const shown = `? ${out} (Y/n) ‣ yes`.split('\n');
    expect(shown.every((l) => displayWidth(l) <= 80)).toBe(true);
    expect(words(out)).toEqual(words(question));
    expect(wrapQuestion('Add profile dev?', 80)).toBe('Add profile dev?');
  });
});

describe('the width', () => {
  it('COLUMNS when it is a number, else the terminal\'s columns, else none', () => {
    expect(terminalWidth({ COLUMNS: '72' }, { isTTY: true, columns: 120 })).toBe(72);
    expect(terminalWidth({ COLUMNS: '72' }, { isTTY: false })).toBe(72);
    expect(terminalWidth({}, { isTTY: true, columns: 120 })).toBe(120);
    expect(terminalWidth({ COLUMNS: '' }, { isTTY: true, columns: 90 })).toBe(90);
    expect(terminalWidth({ COLUMNS: 'wide' }, { isTTY: true, columns: 90 })).toBe(90);
    expect(terminalWidth({ COLUMNS: '0' }, { isTTY: true, columns: 90 })).toBe(90);
    expect(terminalWidth({}, { isTTY: false, columns: 120 })).toBeUndefined();
    expect(terminalWidth({}, { isTTY: true, columns: 0 })).toBeUndefined();
  });

  it('help off a terminal wraps at 80', () => {
    expect(helpWidth({}, { isTTY: false })).toBe(80);
    expect(helpWidth({}, { isTTY: true, columns: 132 })).toBe(132);
    expect(helpWidth({ COLUMNS: '50' }, { isTTY: false })).toBe(50);
  });
});
