// Finds and reads the organisation policy file. Like sudoers, a policy anybody but root
// (on Windows: anybody) could have written is no policy: it is ignored with a warning, so a
// user cannot raise their own session caps or point duo-sso at another SSO host by dropping
// a file, and a compromised account cannot either.
import { open, constants } from 'node:fs/promises';
import { POLICY_ENV, systemPolicyPath, type Paths } from '../platform/paths.js';
import { parsePolicy, type OrgPolicy, type PolicyProblem } from './policy.js';

/** A policy file is a few hundred bytes; a huge one is not ours. */
const MAX_BYTES = 256 * 1024;

/**
 * Which file was read, and why that one (the doctor says both): the system location when
 * anything is there, else the file DUO_SSO_SETUP_POLICY names.
 */
export interface PolicySource {
  source: 'system' | 'variable';
  because: string;
}

export type PolicyRead = PolicySource & (
  | { kind: 'none'; path: string }
  | { kind: 'ignored'; path: string; reason: string }
  | { kind: 'invalid'; path: string; problems: PolicyProblem[]; warnings: PolicyProblem[] }
  | { kind: 'applied'; path: string; policy: OrgPolicy; warnings: PolicyProblem[] });

type FileRead = PolicyRead extends infer R ? R extends PolicyRead ? Omit<R, keyof PolicySource> : never : never;

/** Why a file with these attributes may not act as policy, or undefined when it may. */
export function untrustedBecause(st: { uid: number; mode: number; isFile(): boolean }, os: NodeJS.Platform = process.platform): string | undefined {
  if (!st.isFile()) return 'it is not a regular file';
  // Windows has no uid/mode to speak of here; its ACLs are the MDM's business.
  if (os === 'win32') return undefined;
  if (st.uid !== 0) return `it is owned by uid ${st.uid}, not root`;
  if ((st.mode & 0o022) !== 0) return `it is ${(st.mode & 0o002) !== 0 ? 'world' : 'group'}-writable (mode ${(st.mode & 0o777).toString(8).padStart(4, '0')})`;
  return undefined;
}

/**
 * The policy in force. The system location (fixed per OS) always decides when anything is
 * there: DUO_SSO_SETUP_POLICY (`paths.policyFile` when set) is read only when the system
 * location holds nothing, so the user a policy constrains cannot switch it off by pointing
 * the variable at a missing or harmless file. `system` is for unit tests (code, not a setting).
 */
export async function readPolicy(paths: Pick<Paths, 'policyFile'>, os: NodeJS.Platform = process.platform, system: string = systemPolicyPath(process.env, os)): Promise<PolicyRead> {
  const named = paths.policyFile !== system ? paths.policyFile : undefined;
  const atSystem = await readPolicyFile(system, os);
  if (atSystem.kind !== 'none' || named === undefined) {
    const because = named === undefined
      ? `the system location ${system}`
      : `the system location ${system} always applies; ${POLICY_ENV}=${named} is not used`;
    return { ...atSystem, source: 'system', because };
  }
  return { ...(await readPolicyFile(named, os)), source: 'variable', because: `${POLICY_ENV}=${named}, as there is no policy at the system location ${system}` };
}

async function readPolicyFile(path: string, os: NodeJS.Platform): Promise<FileRead> {
  let handle;
  try {
    // O_NOFOLLOW: a link is refused by what it is, not followed to whatever it names; a FIFO
    // is opened non-blocking so it cannot hang us, then refused as not a regular file.
    handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'none', path };
    if (code === 'ELOOP') return { kind: 'ignored', path, reason: 'it is a symbolic link' };
    return { kind: 'ignored', path, reason: `it cannot be read (${code ?? String(error)})` };
  }
  try {
    const st = await handle.stat();
    const why = untrustedBecause(st, os);
    if (why) return { kind: 'ignored', path, reason: why };
    if (st.size > MAX_BYTES) return { kind: 'ignored', path, reason: `it is ${st.size} bytes, more than a policy file can be` };
    const text = (await handle.readFile()).toString('utf8');
    const parsed = parsePolicy(text, path);
    return parsed.kind === 'valid'
      ? { kind: 'applied', path, policy: parsed.policy, warnings: parsed.warnings }
      : { kind: 'invalid', path, problems: parsed.problems, warnings: parsed.warnings };
  } finally {
    await handle.close();
  }
}

/** The policy in force: only an applied one counts. */
export function appliedPolicy(read: PolicyRead): OrgPolicy | undefined {
  return read.kind === 'applied' ? read.policy : undefined;
}
