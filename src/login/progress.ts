// Progress lines for the user: stderr, never stdout (which --json keeps for the result).
import type { Context } from '../context.js';
import { wrapText } from '../ui/wrap.js';

export function progress(ctx: Pick<Context, 'io'>, message: string): void {
  ctx.io.err(wrapText(`→ ${message}\n`, ctx.io.errWidth));
}
