// Issue 20 (9): output wraps at the terminal's width, help included. On a real terminal of 50,
// 80 and 132 columns (COLUMNS unset: the terminal's own size), under Node and Deno, `--help`
// (pre-rendered) and `setup --help` (commander's, long option names),
// `doctor` and `troubleshoot` print no line wider than the terminal but a command or a single
// word too long to fit, split no word, lose none (the words are those of the same command's
// output to a pipe, which is not wrapped), and use the width they have.
import { describe, expect, it } from 'vitest';
import { type Runtime, sandboxPerTest } from '../support/sandbox.js';
import { runInPty } from '../support/pty.js';
import { displayWidth } from '../../src/ui/wrap.js';

const sandbox = sandboxPerTest();
const MESSAGE = 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.';
const COMMANDS: [string, string[]][] = [['--help', ['--help']], ['setup --help', ['setup', '--help']], ['doctor', ['doctor']], ['troubleshoot', ['troubleshoot', MESSAGE]]];
const WIDTHS = [50, 80, 132];

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** A line allowed past the width: a command to copy (`$ …`), or one word (after a mark) too long for any line. */
function unbreakable(line: string): boolean {
  const text = line.trim();
  if (text.startsWith('$ ')) return true;
  const units = text.match(/(?:`[^`\n]*`|[^\s`]+|`)+/g) ?? [];
  return units.length === 1 || (units.length === 2 && /^(?:[✓✗!•*\-→?$>✔✖↓❯]|\d{1,2}[.)])$/.test(units[0]!));
}

describe.each<Runtime>(['node', 'deno'])('at a terminal under %s', (runtime) => {
  it.each(COMMANDS)('%s wraps to 50, 80 and 132 columns, between words', async (_name, args) => {
    const box = await sandbox({ tools: ['/usr/bin/aws', 'gpg', 'pass'] });
    const piped = await box.run(args, { runtime });
    expect(piped.stdout.length).toBeGreaterThan(200);
    for (const width of WIDTHS) {
      const r = await runInPty(box, args, { runtime, steps: [], columns: width, env: { COLUMNS: undefined } });
      expect(r.exitCode, r.screen).toBe(piped.exitCode);
      // Every word, in order: none split by a break, none lost.
      expect(words(r.screen), `${width} columns`).toEqual(words(piped.stdout));
      const lines = r.screen.split('\n');
      const over = lines.filter((l) => displayWidth(l) > width);
      expect(over.filter((l) => !unbreakable(l)), `${width} columns:\n${r.screen}`).toEqual([]);
      // The width is used: text is broken close to it, not at a fixed narrower one.
      const widest = Math.max(...lines.filter((l) => !unbreakable(l)).map(displayWidth));
      expect(widest, `${width} columns:\n${r.screen}`).toBeGreaterThan(width - 20);
      expect(widest).toBeLessThanOrEqual(width);
    }
  }, 180_000);

  it("setup's steps (listr's lines) wrap too, continuing under the step's text", async () => {
    const box = await sandbox({ tools: ['/usr/bin/aws', 'gpg', 'pass'] });
    const run = (columns: number) => runInPty(box, ['setup', '--dry-run', '--yes'], { runtime, steps: [], columns, env: { COLUMNS: undefined } });
    /** Each finished step ("✔ …" or "↓ …") with the lines that continue it. */
    const stepLines = (screen: string) => {
      const out: string[][] = [];
      let current: string[] | undefined;
      for (const l of screen.split('\n')) {
        if (/^[✔↓] /.test(l)) out.push((current = [l]));
        // Continued two columns in, under the text after the icon.
        else if (current && /^ {2}\S/.test(l)) current.push(l);
        else current = undefined;
      }
      return out;
    };
    const wide = stepLines((await run(200)).screen);
    const narrow = stepLines((await run(50)).screen);
    expect(wide.length).toBeGreaterThanOrEqual(5);
    // At 200 columns each step is one line; at 50 the same words, no line past 50, continued under the text.
    expect(wide.every((s) => s.length === 1)).toBe(true);
    expect(narrow.map((s) => words(s.join(' ')))).toEqual(wide.map((s) => words(s[0]!)));
    const lines = narrow.flat();
    expect(lines.filter((l) => displayWidth(l) > 50 && !unbreakable(l))).toEqual([]);
    expect(narrow.some((s) => s.length > 1)).toBe(true);
  }, 120_000);
});
