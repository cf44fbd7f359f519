// Checks run concurrently and several ask the same question (`aws --version` for the aws-cli
// check and the updates check). On two cores, two Python start-ups at once cost more than
// twice one: read-only commands run once per doctor run and every check shares the answer.
import type { Runner } from '../platform/process.js';
import type { CheckContext } from '../check/types.js';

export function sharedRunner(ctx: Pick<CheckContext, 'runner' | 'probe'>): Runner {
  return {
    get recorded() {
      return ctx.runner.recorded;
    },
    dryRun: ctx.runner.dryRun,
    run(file, args, options = {}) {
      // Anything that writes, feeds input or streams lines is run as asked, every time.
      if (options.mutates || options.input !== undefined || options.interactive || options.onLine) return ctx.runner.run(file, args, options);
      return ctx.probe(`run:${JSON.stringify([file, ...args, options.env ?? {}, options.cwd ?? ''])}`, () => ctx.runner.run(file, args, options));
    },
  };
}
