// How a running step is shown: listr2 on a terminal, plain lines otherwise. Both write to
// stderr, so stdout stays free for the result (and for --json).
import type { Context } from '../context.js';
import { detectStyle, paint, symbols, type Style } from '../ui/style.js';
import type { Reporter } from './reporter-types.js';
import { wrapText } from '../ui/wrap.js';

export type { Reporter, StepHandle, StepStatus } from './reporter-types.js';

/** One header per step, its output indented under it, one closing line. */
export function plainReporter(write: (text: string) => void, style: Style): Reporter {
  const s = symbols(style);
  let n = 0;
  return {
    async step(title, command) {
      n += 1;
      write(`${paint(style, 'bold', `${n}. ${title}`)}\n${command ? `   ${s.dollar} ${command}\n` : ''}`);
      return {
        line: (text) => {
          if (text.trim()) write(`   ${paint(style, 'dim', `| ${text}`)}\n`);
        },
        async end(status, note) {
          const mark = status === 'ok' ? paint(style, 'green', s.ok) : status === 'warn' ? paint(style, 'yellow', s.warn) : paint(style, 'red', s.fail);
          write(`   ${mark} ${note ?? (status === 'ok' ? 'done' : 'failed')}\n`);
        },
      };
    },
  };
}

/** listr2 only on an interactive stderr (it redraws); --json keeps plain lines so logs stay readable. */
export async function createReporter(ctx: Pick<Context, 'io' | 'env' | 'options'>): Promise<Reporter> {
  // Lines wrap at the one width (IO.errWidth: COLUMNS, else the terminal's). Redrawing also
  // needs the terminal's own columns (log-update counts the lines to erase by them): a terminal
  // that reports none (some CI ptys) gets plain lines.
  const width = ctx.io.errWidth ?? 0;
  if (ctx.io.stderrIsTTY && !ctx.options.json && width > 20 && (process.stderr.columns ?? 0) > 20) {
    const { listrReporter } = await import('./reporter-listr.js');
    return listrReporter(width);
  }
  // Styled for stderr, which may be a terminal when stdout is not (and the other way round).
  return plainReporter((text) => ctx.io.err(wrapText(text, ctx.io.errWidth)), detectStyle(ctx.env, ctx.io.stderrIsTTY, { noColor: !ctx.options.color }));
}
