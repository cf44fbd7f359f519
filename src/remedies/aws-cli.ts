// What to do about the AWS CLI on PATH, decided in one place: the doctor's aws-cli check,
// setup's and install's plans and `upgrade --check` all name the same remedy for the same
// finding. Pure: the installations found on PATH (in PATH order) in, a finding and its fix out.
import { dirname } from 'node:path';
import type { Fix } from '../check/types.js';

export interface AwsCliOnPath {
  path: string;
  /** undefined: it did not run or printed no version. */
  major: number | undefined;
  version?: string | undefined;
}

export type AwsCliFinding =
  | { kind: 'missing' }
  | { kind: 'v2-first'; first: AwsCliOnPath }
  /** The only AWS CLI is a v1: install v2 (removing v1 is a separate, explicit choice). */
  | { kind: 'v1-only'; v1: AwsCliOnPath; pip: boolean }
  /** A v1 (or an aws that does not run) comes before a v2 on PATH. */
  | { kind: 'shadowed'; first: AwsCliOnPath; v2: AwsCliOnPath; pip: boolean }
  | { kind: 'broken'; first: AwsCliOnPath };

/** pip and pyenv put v1 here; removing it is `pip uninstall awscli`. */
export function isPipInstalled(path: string): boolean {
  return /pyenv|site-packages|\.local\/bin|python/i.test(path);
}

export function classifyAwsCli(found: readonly AwsCliOnPath[]): AwsCliFinding {
  const first = found[0];
  if (!first) return { kind: 'missing' };
  if (first.major !== undefined && first.major >= 2) return { kind: 'v2-first', first };
  const v2 = found.find((f) => f.major === 2);
  if (v2) return { kind: 'shadowed', first, v2, pip: first.major === 1 && isPipInstalled(first.path) };
  if (first.major === 1) return { kind: 'v1-only', v1: first, pip: isPipInstalled(first.path) };
  return { kind: 'broken', first };
}

/** The flag that asks setup and install to remove a pip-installed AWS CLI v1 (never a default). */
export const REMOVE_V1_FLAG = '--remove-aws-cli-v1';
/** What that removal runs (approved beforehand, so pip must not ask again). */
export const PIP_UNINSTALL_V1 = ['pip', 'uninstall', '--yes', 'awscli'] as const;

export const INSTALL_V2: Fix = {
  description: 'Install the AWS CLI v2',
  commands: [['duo-sso-setup', 'install', 'aws-cli']],
  automatic: true,
  needsConfirmation: true,
};

/** The remedy for a finding, or undefined when there is nothing to do. */
export function awsCliRemedy(finding: AwsCliFinding): Fix | undefined {
  switch (finding.kind) {
    case 'v2-first': return undefined;
    case 'missing':
    case 'v1-only':
      return INSTALL_V2;
    case 'broken': return INSTALL_V2;
    case 'shadowed': {
      const v1 = finding.first.path;
      const reorder = `put ${dirname(finding.v2.path)} before ${dirname(v1)} in PATH`;
      // Software we did not install is never removed by a fix that runs on its own.
      return finding.pip
        ? {
          description: `Remove the pip-installed v1 (${v1}) — setup and install do it only with ${REMOVE_V1_FLAG} — or ${reorder}`,
          commands: [[...PIP_UNINSTALL_V1]],
          automatic: false,
          needsConfirmation: true,
        }
        : { description: `${reorder[0]!.toUpperCase()}${reorder.slice(1)}, or remove ${v1}`, commands: [], automatic: false, needsConfirmation: true };
    }
  }
}

/** The pip-installed v1 a plan may offer to remove (never by default), if the finding has one. */
export function pipAwsCliV1(finding: AwsCliFinding): string | undefined {
  if (finding.kind === 'shadowed' && finding.pip) return finding.first.path;
  if (finding.kind === 'v1-only' && finding.pip) return finding.v1.path;
  return undefined;
}

/** The doctor check's --json `installations` back into what classifyAwsCli reads. */
export function fromInstallations(installations: unknown): AwsCliOnPath[] {
  if (!Array.isArray(installations)) return [];
  return installations.flatMap((i: { path?: unknown; version?: unknown }) => typeof i?.path === 'string'
    ? [{ path: i.path, version: typeof i.version === 'string' ? i.version : undefined, major: typeof i.version === 'string' ? Number(i.version.split('.')[0]) : undefined }]
    : []);
}
