// Prose wrapped to the terminal's width. A terminal breaks an over-long line wherever the
// column ends, mid-word; we break between words, and keep the shape of what we print: a
// report line's continuation sits under its text, not under its mark or its name column.
// Pure: text and a width in, text out. Where the width comes from: terminalWidth below.
import type { Env } from '../platform/paths.js';
import { visible } from './visible.js';
import { TOOL_NAME } from '../platform/self.js';

// Our colours (ui/style.ts `paint`) take no room on the screen.
const SGR = /\u001b\[[0-9;]*m/g;
// Characters a terminal draws two columns wide: East Asian wide and fullwidth forms, emoji.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]|\p{Emoji_Presentation}/u;
// Characters that take no column: combining marks, zero-width joiners, variation selectors.
const ZERO = /[\p{M}\u200b-\u200d\u2060\ufe00-\ufe0f]/u;

/**
 * The columns `text` takes on a terminal: colour codes excluded, a control character counted
 * as the `\uXXXX` it is shown as (ui/visible.ts), wide characters as two.
 */
export function displayWidth(text: string): number {
  let n = 0;
  for (const c of visible(text.replace(SGR, ''))) n += ZERO.test(c) ? 0 : WIDE.test(c) ? 2 : 1;
  return n;
}

// A list or report mark that the text after it hangs under: ✓ ✗ ! • * - → ? $ >, the ASCII
// forms ([ok] [!] [x] [-] ->), "1." and "2)", and listr's step and output icons (✔ ✖ ↓ ❯ ›,
// ◼ waiting, a braille spinner frame while running).
const MARK = /^(?:[✓✗!•*\-→?$>✔✖↓❯›◼\u2800-\u28ff]|->|\[(?:ok|!|x|-)\]|\d{1,2}[.)])$/;
// A word that ends a sentence or a label: the double space after it is prose, not a column.
const ENDS_PROSE = /[.!?:;,]$/;
// A word, or a `quoted command` with its spaces: never broken.
const WORD = /(?:`[^`\n]*`|[^\s`]+|`)+/g;
// Our own command quoted in prose without backquotes ("Install it: duo-sso-setup install
// duo-sso"): the tool's name and the words after it that read as its arguments stay together,
// up to a word that ends a sentence or a parenthesis, so the command can be copied whole.
const COMMAND_START = new RegExp(`^[("']?${TOOL_NAME}$`);
const ARGUMENT = /^(?:-{1,2}[a-z0-9][\w-]*(?:=\S*)?|[a-z0-9~.\/][\w.\/@:~-]*|[A-Z][A-Z0-9_]+|<[^>\s]+>|\[[^\]\s]+\])[.,;:)'"]*$/;
const ENDS_COMMAND = /[.,;:)'"]$/;
// The fewest columns worth wrapping text into beside a name column; fewer, and the text goes
// on the lines below instead.
const MIN_TEXT = 20;
// How far text that moved below its name column is indented, past the line's own indentation.
const BELOW = 4;

interface Piece { gap: string; word: string; width: number }

/**
 * `text` with every line longer than `width` broken between words. A continuation line is
 * indented to where the line's text starts: past its indentation, its mark (`✓ `, `→ `, `- `)
 * and a name column (`aws-cli     `, a help option's term), so it reads as the same item.
 * Never breaks inside a word: a word (a URL, a path) or a `backquoted command` longer than
 * the width stays whole on its own line, and a command line (`$ …`, `PS> …`, and the lines that
 * continue it after a trailing backslash) stays one line, so both
 * can be copied. `width` undefined: unchanged (output that is not for a terminal).
 */
export function wrapText(text: string, width: number | undefined): string {
  if (width === undefined || !(width > 0)) return text;
  let continued = false;
  return text.split('\n').map((line) => {
    const plain = line.replace(SGR, '');
    // A command line (`$ …`, PowerShell's `PS> …`), and each line that continues one after a
    // trailing backslash: a continuation broken in two would run as two commands when pasted.
    const command = continued || COMMAND_LINE.test(plain);
    continued = command && plain.trimEnd().endsWith('\\');
    return command ? line : wrapLine(line, width).join('\n');
  }).join('\n');
}

const COMMAND_LINE = /^\s*(?:\$|PS>) /;

function wrapLine(line: string, width: number): string[] {
  if (displayWidth(line) <= width) return [line];
  const leading = /^\s*/.exec(line)![0];
  const pieces: Piece[] = [];
  let last = leading.length;
  for (const m of line.slice(leading.length).matchAll(WORD)) {
    const at = leading.length + m.index;
    pieces.push({ gap: line.slice(last, at), word: m[0], width: displayWidth(m[0]) });
    last = at + m[0].length;
  }
  gluedCommands(pieces);
  // What stays at the start of the first line, and the column the rest of the text starts at.
  let head = 0;
  let hang = leading.length;
  let column = false;
  if (pieces.length > 1 && MARK.test(pieces[0]!.word.replace(SGR, ''))) {
    head = 1;
    hang += pieces[0]!.width + pieces[1]!.gap.length;
  }
  // A name column: a few words, then two or more spaces (padding), then the text.
  for (let i = head + 1; i < Math.min(pieces.length, head + 5); i++) {
    if (pieces[i]!.gap.length < 2) continue;
    const before = pieces.slice(head, i);
    const columnAt = hang + before.reduce((n, p, k) => n + (k === 0 ? 0 : p.gap.length) + p.width, 0) + pieces[i]!.gap.length;
    if (!ENDS_PROSE.test(pieces[i - 1]!.word.replace(SGR, '')) && columnAt - pieces[i]!.gap.length <= width) {
      head = i;
      hang = columnAt;
      column = true;
    }
    break;
  }
  const fits = (n: number) => width - n >= Math.min(MIN_TEXT, width / 2);
  // Too narrow beside the name column: the text goes below it, indented a little.
  const below = column && !fits(hang);
  const indent = ' '.repeat(fits(hang) ? hang : column && fits(leading.length + BELOW) ? leading.length + BELOW : fits(leading.length) ? leading.length : 0);
  const lines: string[] = [];
  // The head: indentation, mark and name column as they were.
  let current = leading + pieces.slice(0, head).map((p, k) => (k === 0 ? '' : p.gap) + p.word).join('');
  let used = displayWidth(current);
  // A mark alone is no line: the first word after it stays with it.
  let hasText = column;
  // The padding after the name column goes with it when the text moves below.
  let dropGap = false;
  if (below) {
    lines.push(current);
    current = indent;
    used = indent.length;
    hasText = false;
    dropGap = true;
  }
  for (const p of pieces.slice(head)) {
    const gap = dropGap ? '' : p.gap;
    dropGap = false;
    if (!hasText || used + gap.length + p.width <= width) {
      current += gap + p.word;
      used += gap.length + p.width;
    } else {
      lines.push(current);
      current = indent + p.word;
      used = indent.length + p.width;
    }
    hasText = true;
  }
  lines.push(current);
  return lines;
}

/** Joins `duo-sso-setup` and its arguments into one piece (COMMAND_START). */
function gluedCommands(pieces: Piece[]): void {
  for (let i = 0; i < pieces.length; i++) {
    if (!COMMAND_START.test(pieces[i]!.word.replace(SGR, ''))) continue;
    while (i + 1 < pieces.length && !ENDS_COMMAND.test(pieces[i]!.word) && ARGUMENT.test(pieces[i + 1]!.word)) {
      const next = pieces.splice(i + 1, 1)[0]!;
      pieces[i] = { gap: pieces[i]!.gap, word: pieces[i]!.word + next.gap + next.word, width: pieces[i]!.width + next.gap.length + next.width };
    }
  }
}

/**
 * The width to wrap at for one output stream: COLUMNS when set to a number (the user asked for
 * it, as Python's and clap's terminal size do), else the terminal's columns; undefined when the
 * stream is not a terminal (piped or redirected output keeps one line per line, as git and gh
 * do, so grep and logs see whole lines).
 */
export function terminalWidth(env: Env, stream: { isTTY?: boolean; columns?: number }): number | undefined {
  const fromEnv = /^\d+$/.test(env.COLUMNS ?? '') ? Number(env.COLUMNS) : 0;
  if (fromEnv > 0) return fromEnv;
  return stream.isTTY && stream.columns && stream.columns > 0 ? stream.columns : undefined;
}

/** Help is for reading, also through `| less`: off a terminal it wraps at 80, commander's width. */
export function helpWidth(env: Env, stream: { isTTY?: boolean; columns?: number }): number {
  return terminalWidth(env, stream) ?? 80;
}

/**
 * The help width commander is given: wide enough that it wraps nothing, so that one function
 * (wrapText) wraps all help, the pre-rendered top-level help included (scripts/build.mjs).
 */
export const HELP_UNWRAPPED = 100_000;
