// The slice of a process runner the pass backend needs. ctx.runner satisfies it; the
// credential-process fast path passes spawnExec (node:child_process) instead, see there.
export interface ExecOptions {
  input?: string;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  mutates?: boolean;
}

export interface ExecResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  spawnError?: string;
}

export type Exec = (file: string, args: readonly string[], options?: ExecOptions) => Promise<ExecResult>;
