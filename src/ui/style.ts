// Terminal styling decisions, made once from the environment: colour only on a TTY
// without NO_COLOR, Unicode symbols only where the terminal says it speaks UTF-8.
import type { Env } from '../platform/paths.js';

export interface Style {
  color: boolean;
  unicode: boolean;
}

export function detectStyle(env: Env, isTTY: boolean, opts: { noColor?: boolean; platform?: NodeJS.Platform } = {}): Style {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  // no-color.org: NO_COLOR counts when present and not empty (NO_COLOR= leaves colour on).
  const color = !opts.noColor && !env.NO_COLOR && env.TERM !== 'dumb' && (isTTY || forced);
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  const platform = opts.platform ?? process.platform;
  const unicode = /utf-?8/i.test(locale)
    || (platform === 'win32' && Boolean(env.WT_SESSION || env.TERM_PROGRAM === 'vscode'))
    || (platform === 'darwin' && locale === '');
  return { color, unicode };
}

const CODES = { red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39], dim: [2, 22], bold: [1, 22] } as const;
export type Tone = keyof typeof CODES;

export function paint(style: Style, tone: Tone, text: string): string {
  if (!style.color) return text;
  const [open, close] = CODES[tone];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}

export function symbols(style: Style) {
  return style.unicode
    ? { ok: '✓', warn: '!', fail: '✗', skip: '-', arrow: '→', bullet: '•', dollar: '$' }
    : { ok: '[ok]', warn: '[!]', fail: '[x]', skip: '[-]', arrow: '->', bullet: '*', dollar: '$' };
}

/** Quote an argv for display (copy-pasteable into a POSIX shell). */
export function shellQuote(argv: readonly string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./~-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
