// What one component's upgrade produced. The same object feeds the human report and --json.

export type Component = 'duo-sso' | 'aws-cli' | 'self';
export const COMPONENTS: readonly Component[] = ['duo-sso', 'aws-cli', 'self'];

export type ReportStatus =
  /** Changed and verified. */
  | 'upgraded'
  /** Nothing to do. */
  | 'current'
  /** --dry-run, or no --yes without a terminal: the plan was shown, nothing ran. */
  | 'planned'
  /** Not installed / not applicable here. */
  | 'skipped'
  | 'failed';

/** One step that ran: the ladder's rungs, or a binary upgrade's download/replace/check. */
export interface StepLog {
  rung: string;
  command: string;
  exitCode: number | null;
  outcome: string;
  output: string;
  note?: string;
}

export interface PlanStep {
  /** `upgrade` runs first; `repair` only if it fails; `when-needed` on a specific message. */
  phase: 'upgrade' | 'repair' | 'when-needed';
  title: string;
  /** Empty for steps done in-process (download, checksum, replace). */
  command: string[];
  when?: string;
}

export interface ComponentReport {
  component: Component;
  /** How it is installed, and therefore upgraded: homebrew, binary, zip, winget, apt, npm, deno… */
  method: string;
  status: ReportStatus;
  summary: string;
  from?: string | undefined;
  to?: string | undefined;
  details?: string[];
  plan?: PlanStep[];
  steps?: StepLog[];
  /** On failure: the step that failed. */
  failedStep?: StepLog | undefined;
  /** What to do next, in words and as commands. */
  next?: { advice: string; commands: string[][] };
}
