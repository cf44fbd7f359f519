import type { Context } from '../context.js';

/**
 * Wraps a command's work for commander: builds the Context from the global options and
 * records the exit code. Only cli.ts decides what happens with it.
 */
export type CommandRunner = <O>(work: (ctx: Context, options: O, ...args: string[]) => Promise<number>) => (...args: unknown[]) => Promise<void>;
