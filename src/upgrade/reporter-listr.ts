// The terminal reporter: each step is a listr2 task whose output stays visible under it.
// Steps are decided one at a time by the ladder, so each gets its own one-task list.
import { Listr, ListrLogger, ProcessOutput } from 'listr2';
import type { Reporter, StepHandle, StepStatus } from './reporter-types.js';
import { oneLine } from '../ui/text.js';

export function listrReporter(): Reporter {
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
        renderer: 'default',
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
