// When no known failure matches, the message still resembles a kind of problem. Each family
// is data: the words that point at it and the doctor checks that look into it. The guess is
// honest about being one: it names the words it went by. Pure.
import { redactSecrets } from './redact.js';

export type Family = 'network' | 'authentication' | 'permissions' | 'configuration' | 'tooling';

export interface FamilyGuess {
  family: Family;
  title: string;
  /** The words in the message that pointed here; empty when nothing did (the fallback). */
  signals: string[];
  /** The first line showing a signal (redacted, clipped), with its 1-based number. */
  evidence?: { line: number; text: string };
  /** Next steps, `doctor` always among them. */
  commands: string[][];
}

interface FamilyRule {
  family: Family;
  title: string;
  signals: readonly RegExp[];
  commands: string[][];
}

const DOCTOR = ['duo-sso-setup', 'doctor'];

// Order breaks ties: a refused connection is network before it is permissions.
const RULES: readonly FamilyRule[] = [
  {
    family: 'network',
    title: 'a network problem (VPN, DNS, proxy, firewall or TLS)',
    signals: [
      /\b(?:timed? ?out|timeout|deadline exceeded)\b/i, /\bunreachable\b/i, /\bconnection (?:refused|reset|closed|aborted)\b/i,
      /\b(?:dns|resolve|resolution|lookup|getaddrinfo|no such host)\b/i, /\bE(?:CONNREFUSED|CONNRESET|TIMEDOUT|AI_AGAIN|NOTFOUND|HOSTUNREACH|NETUNREACH)\b/,
      /\bproxy\b/i, /\b(?:tls|ssl|x509|certificate|handshake)\b/i, /\b(?:dial tcp|socket|network|vpn|offline)\b/i,
    ],
    commands: [['duo-sso-setup', 'doctor', '--only', 'network'], DOCTOR],
  },
  {
    family: 'authentication',
    title: 'an authentication problem (credentials, tokens, the SSO login)',
    signals: [
      /\b(?:unauthori[sz]ed|401|authentication|authenticate|login|log in|sign[- ]?in)\b/i, /\b(?:credentials?|token|session)\b/i,
      /\b(?:expired|invalid (?:key|token|signature|credentials))\b/i, /\b(?:password|passphrase|mfa|saml|assertion)\b/i, /\bduo (?:push|prompt|approval)\b/i,
    ],
    commands: [['duo-sso-setup', 'doctor', '--only', 'credentials,clock'], DOCTOR],
  },
  {
    family: 'permissions',
    title: 'a permissions problem (a file, a folder, an AWS policy)',
    signals: [
      /\bpermission denied\b/i, /\baccess ?denied\b/i, /\b(?:forbidden|403)\b/i, /\bnot (?:authori[sz]ed|permitted|allowed)\b/i,
      /\bE(?:ACCES|PERM|ROFS)\b/, /\bread-only file system\b/i, /\boperation not permitted\b/i,
    ],
    commands: [DOCTOR],
  },
  {
    family: 'configuration',
    title: 'a configuration problem (config.json, ~/.aws, environment variables)',
    signals: [
      /\bconfig(?:uration|\.json)?\b/i, /\bprofile\b/i, /\bregion\b/i, /\b(?:invalid|malformed|unexpected) (?:value|json|syntax|character|token|option)\b/i,
      /\b(?:parse|parsing) error\b/i, /\b(?:missing|not set|unset|unknown option|no such file)\b/i, /\bENOENT\b/, /\.aws\//,
    ],
    commands: [['duo-sso-setup', 'doctor', '--only', 'config,profiles'], ['duo-sso-setup', 'config', 'validate'], DOCTOR],
  },
  {
    family: 'tooling',
    title: 'a problem with one of the tools (duo-sso, the AWS CLI, Homebrew, gpg, pass)',
    signals: [
      /\bcommand not found\b/i, /\bnot found\b/i, /\bexit(?:ed)? (?:code|status|with)\b/i, /\b(?:panic|traceback|segmentation fault|exception)\b/i,
      /\b(?:brew|homebrew|gpg|pass|aws-cli|duo-sso|python|node)\b/i, /\bversion\b/i,
    ],
    commands: [DOCTOR],
  },
];

const MAX_EVIDENCE = 200;

/** The family `text` most resembles; `tooling` (with no signals) when nothing points anywhere. */
export function resembles(text: string): FamilyGuess {
  const lines = text.split(/\r?\n/);
  let best: { rule: FamilyRule; signals: string[] } | undefined;
  for (const rule of RULES) {
    const signals = rule.signals.map((re) => re.exec(text)?.[0]).filter((m): m is string => m !== undefined);
    if (signals.length > 0 && (!best || signals.length > best.signals.length)) best = { rule, signals };
  }
  const rule = best?.rule ?? RULES.find((r) => r.family === 'tooling')!;
  const signals = best ? [...new Set(best.signals.map((s) => s.toLowerCase()))] : [];
  const index = best ? lines.findIndex((l) => rule.signals.some((re) => re.test(l))) : -1;
  const evidence = index >= 0 ? { line: index + 1, text: clip(redactSecrets(lines[index]!.trim())) } : undefined;
  return { family: rule.family, title: rule.title, signals: signals.map(redactSecrets), ...(evidence ? { evidence } : {}), commands: rule.commands };
}

function clip(s: string): string {
  return s.length > MAX_EVIDENCE ? `${s.slice(0, MAX_EVIDENCE - 1)}…` : s;
}
