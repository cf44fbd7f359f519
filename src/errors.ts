// Errors meant for the user: what is wrong, where, and the command that fixes it.
// Anything else that escapes a command is a bug and is reported as one.

export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class UserError extends Error {
  constructor(
    message: string,
    readonly opts: { hint?: string; exitCode?: ExitCode; where?: string } = {},
  ) {
    super(message);
    this.name = 'UserError';
  }
  get exitCode(): ExitCode {
    return this.opts.exitCode ?? ExitCode.failure;
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
