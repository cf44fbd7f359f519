// The terminal reporter: each step is a listr2 task whose output stays visible under it.
// Steps are decided one at a time by the ladder, so each gets its own one-task list.
import { DefaultRenderer, Listr, ListrLogger, ProcessOutput } from 'listr2';
import type { Reporter, StepHandle, StepStatus } from './reporter-types.js';
import { oneLine } from '../ui/text.js';
import { wrapText } from '../ui/wrap.js';

// listr2's default renderer indents each level of tasks and output by this much.
const INDENT = 2;

/**
 * listr2's default renderer with its line formatting done by ui/wrap.ts at `width` (the one
 * rule: COLUMNS, else the terminal's), between words, continuing under the text after the
 * icon. Its own formatting wraps at process.stdout.columns (80 when stdout is a pipe, though
 * these lines go to stderr) and breaks words with wrap-ansi's hard wrap.
 */
function wrappingRenderer(width: number): typeof DefaultRenderer {
  return class WrappingRenderer extends DefaultRenderer {
    protected override format(message: string, icon: string, level: number): string[] {
      if (message.trim() === '') return [];
      const indent = ' '.repeat(Math.max(level, 0) * INDENT);
      const text = wrapText(icon ? `${icon} ${message}` : message, Math.max(width - indent.length, 1));
      // As listr's removeEmptyLines (its default) does.
      return text.split('\n').map((l) => l.trimEnd()).filter(Boolean).map((l) => indent + l);
    }
  };
}

/** `width`: the width stderr wraps at (IO.errWidth). */
export function listrReporter(width: number): Reporter {
  return {
    async step(title, command) {
      let settle: (v: { status: StepStatus; note?: string }) => void = () => undefined;
      const finished = new Promise<{ status: StepStatus; note?: string }>((resolve) => (settle = resolve));
      const pending: string[] = [];
      let push: (line: string) => void = (line) => void pending.push(line);
      const list = new Listr([{
        title: command ? `${title}: ${command}` : title,
        rendererOptions: { persistentOutput: true, outputBar: 12 },
        task: async (_ctx, task) => {
          // One line per update: the output bar keeps the last twelve.
          push = (line) => {
            task.output = line;
          };
          for (const line of pending) push(line);
          const { status, note } = await finished;
          // listr2 prints the message inside `[FAILED: …]`: one line.
          if (status === 'fail') throw new Error(oneLine(note ?? 'failed'));
          task.title = `${command ? `${title}: ${command}` : title}${note ? ` (${note})` : ''}`;
          if (status === 'warn') task.skip(oneLine(note ?? 'failed, continuing'));
        },
      }], {
        exitOnError: false,
        // Ctrl-C is platform/interrupt.ts's: listr's own handler would exit 127 on the spot.
        registerSignalListeners: false,
        renderer: wrappingRenderer(width),
        // We are here only when stderr is a terminal; stdout may well be a pipe or a file.
        forceTTY: true,
        fallbackRendererCondition: false,
        // Progress belongs on stderr; stdout carries only the result.
        rendererOptions: { collapseErrors: false, logger: new ListrLogger({ useIcons: true, processOutput: new ProcessOutput(process.stderr, process.stderr) }) },
      });
      const done = list.run().catch(() => undefined);
      const handle: StepHandle = {
        line: (text) => {
          if (text.trim()) push(text);
        },
        async end(status, note) {
          settle({ status, ...(note ? { note } : {}) });
          await done;
        },
      };
      return handle;
    },
  };
}
