// The terminal reporter: each step is a listr2 task whose output stays visible under it.
// Steps are decided one at a time by the ladder, so each gets its own one-task list.
import { Listr } from 'listr2';
import type { Reporter, StepHandle, StepStatus } from './reporter.js';

export function listrReporter(): Reporter {
  return {
    async step(title, command) {
      let settle: (v: { status: StepStatus; note?: string }) => void = () => undefined;
      const finished = new Promise<{ status: StepStatus; note?: string }>((resolve) => (settle = resolve));
      const pending: string[] = [];
      let push: (line: string) => void = (line) => void pending.push(line);
      const list = new Listr([{
        title: `${title}: ${command}`,
        rendererOptions: { persistentOutput: true, outputBar: 12 },
        task: async (_ctx, task) => {
          const lines: string[] = [...pending];
          push = (line) => {
            lines.push(line);
            task.output = lines.slice(-12).join('\n');
          };
          if (lines.length) task.output = lines.join('\n');
          const { status, note } = await finished;
          if (status === 'fail') throw new Error(note ?? 'failed');
          task.title = `${title}: ${command}${note ? ` (${note})` : ''}`;
          if (status === 'warn') task.skip(note ?? 'failed, continuing');
        },
      }], { exitOnError: false, rendererOptions: { collapseErrors: false }, renderer: 'default' });
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
