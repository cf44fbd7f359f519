// duo-sso's output, one line at a time, as events. Pure. duo-sso has no machine-readable
// output and its exact wording is only partly known (the setup guide's sample lines, the
// STS failure line), so matching is on phrases, tolerant of the check mark (✔, ✓, the
// guide's mis-encoded "âœ”", or none), colour codes and case; anything else is `other` and
// stays visible to the user.

export type LoginEvent =
  | { kind: 'sso-completed' }
  | { kind: 'roles-validated' }
  | { kind: 'role-assumed'; role: string }
  | { kind: 'profile-saved'; profile: string }
  /** `Failed to Assume Role 'R' via STS: CODE: MESSAGE` */
  | { kind: 'assume-failed'; role: string; code: string; message: string }
  /**
   * duo-sso's own check of a profile against what the SSO grants ("... is not available to you"),
   * before any STS call; the exact wording is not published, so any of the three may be missing.
   */
  | { kind: 'not-available'; profile?: string; role?: string; account?: string; message: string }
  /** The browser wants a client certificate chosen (first run without -interactive). */
  | { kind: 'certificate-prompt'; line: string }
  /** A line of an account/role listing (config without profiles). */
  | { kind: 'role-listed'; account: string; role: string }
  | { kind: 'error'; message: string }
  | { kind: 'other'; line: string };

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
const MARK = /^[\s✔✓✅☑√*•>-]*(?:âœ”|â\S{0,3})?\s*/u;

export function stripAnsi(line: string): string {
  return line.replace(ANSI, '');
}

export function parseLine(raw: string): LoginEvent {
  const line = stripAnsi(raw).replace(/\r/g, '').trim();
  const text = line.replace(MARK, '');
  let m: RegExpExecArray | null;
  if ((m = /Failed to Assume Role\s+'([^']*)'\s+via STS:\s*([A-Za-z][\w.]*):\s*(.*)$/i.exec(text))) {
    return { kind: 'assume-failed', role: m[1]!, code: m[2]!, message: m[3]!.trim() };
  }
  if (/\bnot available to you\b/i.test(text)) {
    const profile = /\bprofile\s+'([^']+)'/i.exec(text)?.[1] ?? /\bprofile\s+"([^"]+)"/i.exec(text)?.[1];
    const role = /\brole(?:\s+name)?\s+'([^']+)'/i.exec(text)?.[1] ?? /:role\/([\w+=,.@-]+)/.exec(text)?.[1];
    const account = /(?:^|\D)(\d{12})(?!\d)/.exec(text)?.[1];
    const message = text.replace(/^(?:error|fatal)\b[:\s]*/i, '');
    return { kind: 'not-available', ...(profile ? { profile } : {}), ...(role ? { role } : {}), ...(account ? { account } : {}), message };
  }
  if (/client[- ]certificate|ERR_BAD_SSL_CLIENT_AUTH_CERT|certificate (?:selection|prompt)/i.test(text)) return { kind: 'certificate-prompt', line };
  if (/^SSO completed successfully/i.test(text)) return { kind: 'sso-completed' };
  if (/^AWS Accounts?\s*\/\s*Roles? validated successfully/i.test(text)) return { kind: 'roles-validated' };
  if ((m = /^Assume role\s+'([^']*)'\s+completed successfully/i.exec(text))) return { kind: 'role-assumed', role: m[1]! };
  if ((m = /^AWS Credentials saved for profile\s+'([^']*)'/i.exec(text))) return { kind: 'profile-saved', profile: m[1]! };
  if ((m = /(?:^|\D)(\d{12})(?!\d)\D*?(?:role\/)?([A-Za-z][\w+=,.@-]*)\s*$/.exec(text)) && !/error|fail/i.test(text)) {
    return { kind: 'role-listed', account: m[1]!, role: m[2]! };
  }
  if ((m = /^(?:error|fatal|panic)\b[:\s]*(.*)$/i.exec(text))) return { kind: 'error', message: m[1]!.trim() || text };
  return { kind: 'other', line };
}

/** What one run of duo-sso told us, folded from its events. */
export interface RunSummary {
  ssoCompleted: boolean;
  rolesValidated: boolean;
  assumed: string[];
  /** Profile names, in the order duo-sso saved them. */
  saved: string[];
  failures: Extract<LoginEvent, { kind: 'assume-failed' }>[];
  notAvailable: Extract<LoginEvent, { kind: 'not-available' }>[];
  certificatePrompt: boolean;
  listed: { account: string; role: string }[];
  errors: string[];
}

export function emptySummary(): RunSummary {
  return { ssoCompleted: false, rolesValidated: false, assumed: [], saved: [], failures: [], notAvailable: [], certificatePrompt: false, listed: [], errors: [] };
}

export function fold(summary: RunSummary, event: LoginEvent): RunSummary {
  switch (event.kind) {
    case 'sso-completed': return { ...summary, ssoCompleted: true };
    case 'roles-validated': return { ...summary, rolesValidated: true };
    case 'role-assumed': return { ...summary, assumed: [...summary.assumed, event.role] };
    case 'profile-saved': return { ...summary, saved: [...summary.saved, event.profile] };
    case 'assume-failed': return { ...summary, failures: [...summary.failures, event] };
    case 'not-available': return { ...summary, notAvailable: [...summary.notAvailable, event] };
    case 'certificate-prompt': return { ...summary, certificatePrompt: true };
    case 'role-listed': return { ...summary, listed: [...summary.listed, { account: event.account, role: event.role }] };
    case 'error': return { ...summary, errors: [...summary.errors, event.message] };
    case 'other': return summary;
  }
}

export function summarise(lines: readonly string[]): RunSummary {
  return lines.map(parseLine).reduce(fold, emptySummary());
}
