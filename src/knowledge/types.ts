// A known failure is data: how to recognise it in output, why it happens and what fixes it.
// `login`, `doctor` and `troubleshoot` share these entries; docs/troubleshooting.md is
// rendered from them, so the catalogue and the behaviour cannot drift apart.
import type { OsName } from '../platform/facts.js';

export type KnowledgeGroup = 'network' | 'sts' | 'credentials' | 'duo-sso' | 'aws-cli' | 'pass-gpg' | 'secret-service' | 'brew' | 'node';

/**
 * What to do about a failure. `commands` are steps in order; a step may hold placeholders
 * such as `<profile>` or `<role>` that a diagnosis fills in when the message names them.
 */
export interface KnowledgeFix {
  description: string;
  commands: string[][];
  /** Where the steps differ by OS; `commands` is the fallback. */
  platformCommands?: Partial<Record<OsName, string[][]>>;
  /** `login` or `doctor --fix` repairs it without the user typing anything. */
  automatic: boolean;
}

/** What a message told us, gathered from named regex groups and parsed AWS error lines. */
export interface DiagnosisFacts {
  code?: string;
  operation?: string;
  role?: string;
  account?: string;
  provider?: string;
  profile?: string;
  region?: string;
  tap?: string;
  formula?: string;
  fingerprint?: string;
  /** A file or folder the message names. */
  path?: string;
  /** The host a network failure names (DNS name or address), and its port when given. */
  host?: string;
  port?: number;
  maxRetries?: number;
  /** Positive when this machine's clock is behind AWS's. */
  skewSeconds?: number;
}

export interface KnownFailure {
  id: string;
  title: string;
  group: KnowledgeGroup;
  /** Matched against the whole text (multi-line messages are fine). Named groups become facts. */
  patterns: readonly RegExp[];
  explanation: string;
  fix: KnowledgeFix;
  /** Less specific entries this one explains: when both match, only this one is reported. */
  supersedes?: readonly string[];
  /**
   * A wrapper's words (an SDK's "failed to retrieve credentials: <the real error>"): reported
   * only when no other entry recognises anything in the text, since the wrapped error, when
   * known, is the answer.
   */
  fallback?: boolean;
  /** One sentence specific to this occurrence, from the facts the message gave. */
  describe?(facts: DiagnosisFacts): string | undefined;
  /** A realistic message (shown in the docs; the tests check every entry recognises its own). */
  example: string;
}
