// When no known failure matches, the message still resembles a kind of problem. Each family
// is data: the words that point at it and the doctor checks that look into it. The guess is
// honest about being one: it names the words it went by, and says it does not know when the
// words point two ways or nowhere (a wrong family sends the user down the wrong road). Pure.
import { redactSecrets } from './redact.js';

export type Family = 'network' | 'authentication' | 'permissions' | 'configuration' | 'secret-store' | 'tooling' | 'unknown';

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
  family: Exclude<Family, 'unknown'>;
  title: string;
  /**
   * Names only one family's programs use (a D-Bus error name, an errno, gpg's prefix): when
   * exactly one family shows such a name it wins, whatever ordinary words say ("password" in a
   * D-Bus error does not make it an authentication problem).
   */
  strong: readonly RegExp[];
  signals: readonly RegExp[];
  commands: string[][];
}

const DOCTOR = ['duo-sso-setup', 'doctor'];

const RULES: readonly FamilyRule[] = [
  {
    family: 'network',
    title: 'a network problem (VPN, DNS, proxy, firewall or TLS)',
    strong: [
      /\bE(?:CONNREFUSED|CONNRESET|TIMEDOUT|AI_AGAIN|NOTFOUND|HOSTUNREACH|NETUNREACH|PROTO|ADDRNOTAVAIL|PIPE)\b/, /\bdial tcp\b/, /\bgetaddrinfo\b/,
      /\bno such host\b/i, /\bx509:/, /\b(?:SSL|TLS)(?:Error|_ERROR|V1_ALERT)|\bSSL routines\b/, /\bcurl: \(\d+\)/, /\bproxyconnect\b/,
      /\bNewConnectionError\b|\bMaxRetryError\b|\bConnectTimeout\b|\bReadTimeout\b/, /\bsocket (?:hang up|timeout)\b/i,
    ],
    signals: [
      /\b(?:timed? ?out|timeout|deadline exceeded)\b/i, /\bunreachable\b/i, /\bconnection (?:refused|reset|closed|aborted)\b/i,
      /\b(?:dns|resolve|resolution|lookup)\b/i, /\bproxy\b/i, /\b(?:tls|ssl|certificate|handshake)\b/i, /\b(?:socket|network|vpn|offline)\b/i,
    ],
    commands: [['duo-sso-setup', 'doctor', '--only', 'network'], DOCTOR],
  },
  {
    family: 'secret-store',
    title: 'a problem with a secret store (gpg and pass, the Secret Service keyring over D-Bus, the macOS keychain, Windows Credential Manager)',
    strong: [
      /\borg\.(?:freedesktop|gnome|kde)\.\w+/, /\bD-?Bus\b/i, /\bdbus-\w+/, /\bsecret ?service\b/i, /\bgnome[-.]keyring\b/i, /\bkwallet\w*/i, /\bkeyring\b/i, /\bkeepassxc\b/i,
      /^gpg(?:-agent|conf)?: /m, /\bpinentry\b/i, /\bGPG_ERR_\w+/, /\bpassword[- ]store\b/i, /\bSecKeychain\w*|\berrSec\w+/, /\bCredential Manager\b|\bCred(?:Read|Write)\w*\b/,
      /\blibsecret\b|\bsecret-tool\b|\bsecretstorage\b|\bkeyring\.errors\b/i,
    ],
    signals: [/\bkeychain\b/i, /\b(?:gpg|gnupg|pass)\b/i, /\bcollection\b/i, /\bsecret key\b/i],
    commands: [['duo-sso-setup', 'doctor', '--only', 'gpg,pass,secret-store'], DOCTOR],
  },
  {
    family: 'permissions',
    title: 'a permissions problem (a file, a folder, an AWS policy)',
    strong: [/\bE(?:ACCES|PERM|ROFS)\b/, /\bpermission denied\b/i, /\boperation not permitted\b/i, /\bis not authorized to perform\b/, /\bAccessDenied(?:Exception)?\b/],
    signals: [
      /\bpermission denied\b/i, /\baccess ?denied\b/i, /\b(?:forbidden|403)\b/i, /\bnot (?:authori[sz]ed|permitted|allowed)\b/i,
      /\bread-only file system\b/i, /\boperation not permitted\b/i, /\bnot writable\b/i, /\bowned by\b/i,
    ],
    commands: [['duo-sso-setup', 'doctor', '--only', 'permissions'], DOCTOR],
  },
  {
    family: 'authentication',
    title: 'an authentication problem (credentials, tokens, the SSO login)',
    strong: [/\b(?:InvalidClientTokenId|ExpiredToken\w*|UnrecognizedClientException|InvalidIdentityToken|IDPRejectedClaim|SignatureDoesNotMatch)\b/, /\b401\b/],
    signals: [
      /\b(?:unauthori[sz]ed|authentication|authenticate|login|log in|sign[- ]?in)\b/i, /\b(?:credentials?|token|session)\b/i,
      /\b(?:expired|invalid (?:key|token|signature|credentials))\b/i, /\b(?:password|passphrase|mfa|saml|assertion)\b/i, /\bduo (?:push|prompt|approval)\b/i,
    ],
    commands: [['duo-sso-setup', 'doctor', '--only', 'credentials,clock'], DOCTOR],
  },
  {
    family: 'configuration',
    title: 'a configuration problem (config.json, ~/.aws, environment variables)',
    strong: [/\b(?:ConfigParseError|MissingSectionHeaderError|Duplicate(?:Option|Section)Error|ProfileNotFound|NoRegionError|JSONDecodeError)\b/, /\.aws\/(?:config|credentials)\b/],
    signals: [
      /\bconfig(?:uration|\.json)?\b/i, /\bprofile\b/i, /\bregion\b/i, /\b(?:invalid|malformed|unexpected) (?:value|json|syntax|character|token|option)\b/i,
      /\b(?:parse|parsing) error\b/i, /\b(?:missing|not set|unset|unknown option|no such file)\b/i, /\bENOENT\b/,
    ],
    commands: [['duo-sso-setup', 'doctor', '--only', 'config,profiles'], ['duo-sso-setup', 'config', 'validate'], DOCTOR],
  },
  {
    family: 'tooling',
    title: 'a problem with one of the tools (duo-sso, the AWS CLI, Homebrew, npm, Node)',
    strong: [/\bcommand not found\b/i, /\bnpm (?:ERR!|error)\b/, /^Error: .*\bbrew\b/m, /\bHomebrew\b/, /\bpanic: /, /\bTraceback \(most recent call last\)/, /\bSegmentation fault\b/i],
    signals: [/\bnot found\b/i, /\bexit(?:ed)? (?:code|status|with)\b/i, /\bexception\b/i, /\b(?:brew|aws-cli|duo-sso|python|node|npm|deno)\b/i, /\bversion\b/i],
    commands: [DOCTOR],
  },
];

const UNKNOWN = {
  family: 'unknown' as const,
  title: 'not a kind of problem this message makes clear',
  commands: [DOCTOR],
};

const MAX_EVIDENCE = 200;

/**
 * The family `text` most resembles. A name only one family's programs print (strong) decides;
 * otherwise the most ordinary words do, and a tie, or nothing at all, is `unknown`.
 */
export function resembles(text: string): FamilyGuess {
  const found = RULES.map((rule) => ({
    rule,
    strong: rule.strong.map((re) => re.exec(text)?.[0]).filter((m): m is string => m !== undefined),
    weak: rule.signals.map((re) => re.exec(text)?.[0]).filter((m): m is string => m !== undefined),
  }));
  const strong = found.filter((f) => f.strong.length > 0);
  let pick: (typeof found)[number] | undefined;
  if (strong.length === 1) pick = strong[0];
  else if (strong.length > 1) {
    // Two families named outright: the one named more often wins; a tie is honest doubt.
    const ranked = [...strong].sort((a, b) => b.strong.length - a.strong.length);
    pick = ranked[0]!.strong.length > ranked[1]!.strong.length ? ranked[0] : undefined;
    if (!pick) return unknownGuess(text, ranked.flatMap((f) => f.strong));
  } else {
    const ranked = found.filter((f) => f.weak.length > 0).sort((a, b) => b.weak.length - a.weak.length);
    if (ranked.length === 0) return { ...UNKNOWN, signals: [] };
    if (ranked.length > 1 && ranked[0]!.weak.length === ranked[1]!.weak.length) return unknownGuess(text, [...ranked[0]!.weak, ...ranked[1]!.weak]);
    pick = ranked[0];
  }
  const { rule } = pick!;
  const words = [...pick!.strong, ...pick!.weak];
  return { family: rule.family, title: rule.title, signals: unique(words), ...evidenceFor(text, [...rule.strong, ...rule.signals]), commands: rule.commands };
}

function unknownGuess(text: string, words: string[]): FamilyGuess {
  const res = words.map((w) => new RegExp(w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'));
  return { ...UNKNOWN, signals: unique(words), ...evidenceFor(text, res) };
}

function unique(words: string[]): string[] {
  return [...new Set(words.map((s) => s.toLowerCase()))].map(redactSecrets);
}

function evidenceFor(text: string, res: readonly RegExp[]): { evidence?: { line: number; text: string } } {
  const lines = text.split(/\r?\n/);
  const index = lines.findIndex((l) => res.some((re) => re.test(l)));
  return index >= 0 ? { evidence: { line: index + 1, text: clip(redactSecrets(lines[index]!.trim())) } } : {};
}

function clip(s: string): string {
  return s.length > MAX_EVIDENCE ? `${s.slice(0, MAX_EVIDENCE - 1)}…` : s;
}
