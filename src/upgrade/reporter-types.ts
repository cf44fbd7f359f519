// What a reporter is, apart from either implementation (plain lines, listr2), so neither
// imports the other.

export type StepStatus = 'ok' | 'warn' | 'fail';

export interface StepHandle {
  line(text: string): void;
  end(status: StepStatus, note?: string): Promise<void>;
}

export interface Reporter {
  /** `command` is shown as `$ …`; steps done in-process (download, checksum) have none. */
  step(title: string, command?: string): Promise<StepHandle>;
}
