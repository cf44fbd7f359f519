// The vocabulary of installation: a recipe turns OS facts and the user's options into a
// Plan, a list of typed steps. The same plan is printed by --dry-run (human or --json)
// and run by the executor, so what the user previews is exactly what runs.
import type { PlatformFacts } from '../platform/facts.js';
import type { Paths } from '../platform/paths.js';

export const COMPONENTS = ['aws-cli', 'duo-sso', 'pass-gpg'] as const;
export type Component = (typeof COMPONENTS)[number];

/** Where a downloaded file's trust comes from. */
export type Verification =
  | { kind: 'sha256'; sha256: string }
  | { kind: 'signature'; signatureUrl: string; fingerprint: string; keyFile: string | undefined }
  /** A goreleaser checksums.txt beside the asset, trusted only with a minisign signature by one of `keys`. */
  | { kind: 'signed-checksums'; checksumsUrl: string; asset: string; keys: string[]; keySource: 'pinned' | 'flag' }
  /** Used unverified: the user said so (--allow-unverified), or the signature is checked by the next step. */
  | { kind: 'none'; why: string }
  /** Nothing can vouch for it: refused before anything is downloaded. */
  | { kind: 'unverifiable'; why: string; retry: string[] };

/**
 * Paths inside a plan may start with `{work}/`: the executor's private temporary folder,
 * created per run and removed afterwards.
 */
export type Step =
  | { kind: 'download'; title: string; url: string; to: string; verify: Verification; maxBytes: number }
  /** `expect`: text the output must contain as well as the exit code 0 (e.g. who signed a package). */
  | { kind: 'run'; title: string; argv: string[]; sudo: boolean; mutates: boolean; interactive?: boolean; timeoutMs?: number; env?: Record<string, string>; expect?: string }
  | { kind: 'install-binary'; title: string; from: string; to: string; sudo: boolean; versionArgs: string[] }
  | { kind: 'write-file'; title: string; path: string; content: string; mode: number }
  | { kind: 'add-to-path'; title: string; dir: string }
  | { kind: 'gpg-key'; title: string; name: string; email: string; passphrase: boolean }
  | { kind: 'pass-init'; title: string; fingerprint: string | 'new-key' }
  | { kind: 'pass-round-trip'; title: string }
  | { kind: 'profile-line'; title: string; purpose: 'gpg-tty' | 'completion' }
  | { kind: 'verify'; title: string; argv: string[]; expect: string }
  /**
   * Removes software this tool did not install (pip's AWS CLI v1). Never part of a plain yes:
   * it runs only when `consent.flag` was given, or at a terminal after its own question (default No).
   */
  | { kind: 'remove-software'; title: string; argv: string[]; consent: { flag: string; requested: boolean } };

export type StepKind = Step['kind'];

export interface Plan {
  /** `path`: only the PATH line for ~/.local/bin (the doctor's path fix); `completion`: setup's completion line. */
  component: Component | 'path' | 'completion';
  method: string;
  /** One line: what this plan does and why this method was chosen. */
  summary: string;
  steps: Step[];
  /** Things the user should know (unverified download, sudo needed, already installed). */
  notes: string[];
}

export interface InstallOptions {
  method?: string;
  system: boolean;
  update: boolean;
  /** duo-sso: a file or URL the user already has. */
  from?: string;
  sha256?: string;
  /** duo-sso: install a release binary nothing verifies (printed in the plan). */
  allowUnverified?: boolean;
  /** duo-sso: a minisign public key trusted for this run besides the pinned ones. */
  releaseKey?: string;
  /** duo-sso release folder URL (flag or DUO_SSO_RELEASE_URL). */
  releaseUrl?: string;
  /** Homebrew tap URL for duo-sso (state.json's tapUrl, or the guide's). */
  tapUrl?: string;
  /** AWS CLI download base (AWS_CLI_DOWNLOAD_URL), for mirrors and tests. */
  awsCliUrl?: string;
  /** A different signing key and pin for the AWS CLI zip (mirrors that re-sign, tests). */
  awsCliKeyFile?: string;
  awsCliFingerprint?: string;
  gpgName?: string;
  gpgEmail?: string;
  passphrase: boolean;
  /** --remove-aws-cli-v1: the user asks us to remove a pip-installed AWS CLI v1. */
  removeAwsCliV1: boolean;
}

/** Facts a recipe may read; gathered before planning so recipes stay pure. */
export interface PlanInput {
  facts: PlatformFacts;
  paths: Paths;
  options: InstallOptions;
  /** We run as root (no sudo needed). */
  isRoot: boolean;
  /** A pip-installed AWS CLI v1 on PATH, if any (the plan offers to remove it, never by default). */
  awsCliV1?: string;
  /** A usable gpg secret key that already exists, if any. */
  existingGpgKey?: string;
  /** Does this path exist? (for --update decisions); absent means "no". */
  exists?: (path: string) => boolean;
  /** Is this program on PATH? (prerequisites such as unzip); absent means "yes". */
  onPath?: (name: string) => boolean;
}

export interface Recipe {
  component: Component;
  method: string;
  /** Methods the planner picks without --method, in order of preference. */
  applies(input: PlanInput): boolean;
  plan(input: PlanInput): Plan;
}

export const WORK = '{work}';
