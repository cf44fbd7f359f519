// Logs pasted into `troubleshoot` may carry secrets; whatever we echo back goes through here.

const RULES: readonly [RegExp, string][] = [
  [/(aws_secret_access_key|aws_session_token|aws_security_token|SecretAccessKey|SessionToken)(["']?\s*[:=]\s*["']?)[^\s"',]+/gi, '$1$2[redacted]'],
  // STS's XML answer (duo-sso prints it in debug mode): a 40-character secret key is too
  // short for the base64 rule below. Up to the next tag or the end: a line cut short
  // (a prompt shown before its newline) must not show the start of a key either.
  [/<((?:\w+:)?(?:SecretAccessKey|SessionToken|SAMLAssertion|SAMLResponse))>[^<]*/g, '<$1>[redacted]'],
  [/\b(ASIA|AKIA)[A-Z0-9]{12,}\b/g, '$1[redacted]'],
  // A signed request quoted back (SignatureDoesNotMatch's canonical string, debug logs).
  [/(x-amz-security-token\s*[:=]\s*)[^\s'"&]+/gi, '$1[redacted]'],
  [/(SAMLResponse=|-saml[= ]|SAMLAssertion=)[^\s&]+/g, '$1[redacted]'],
  // The user's identity in a SAML assertion (usually their e-mail address).
  [/(<(?:\w+:)?NameID\b[^>]*>)[^<]*/g, '$1[redacted]'],
  // A long unbroken base64 run is an assertion or a token, never a readable message.
  [/[A-Za-z0-9+/]{200,}={0,2}/g, '[redacted]'],
  // A bare AWS secret access key (40 characters of base64, mixed case and digits), where no
  // key name announces it: a capture, a pasted credentials line. Hex fingerprints (no lower
  // case) and words (no digits) do not have that shape.
  [/(?<![A-Za-z0-9+/=])(?=[A-Za-z0-9+/]{0,39}[a-z])(?=[A-Za-z0-9+/]{0,39}[A-Z])(?=[A-Za-z0-9+/]{0,39}\d)[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/=])/g, '[redacted]'],
  // Credentials in a URL (a proxy in HTTPS_PROXY, a git remote): http://user:password@host.
  [/\b([a-z][\w+.-]*:\/\/)[^\s/@:"'`]+:[^\s/@"'`]+@/gi, '$1[redacted]@'],
  // The same with the user:password quoted inside the URL (npm's "invalid config proxy=http://'DOMAIN\\user:pw'@host"
  // echoes such a value back), where the quotes stop the rule above.
  [/\b([a-z][\w+.-]*:\/\/)(['"])[^'"\n@]*:[^'"\n]*\2@/gi, '$1[redacted]@'],
];

export function redactSecrets(text: string): string {
  return RULES.reduce((t, [re, to]) => t.replace(re, to), text);
}

// An option quoted back with its value (`unknown option '--aws-secret-access-key SECRET'`,
// `--password=hunter2`): the name is what the user needs to see, the value may be the secret.
// So is a short option's attached value (`-pSECRET`). A usage pattern (`'--profile <name>'`)
// is our own text and stays.
const OPTION_WITH_VALUE = /'(--?[A-Za-z0-9][\w-]*)(?:=|\s+)(?!<|\[)[^']*'|'(-[A-Za-z0-9])[^'\s-][^'\s]*'/g;

/** What an error may echo of the user's input (arguments, values): secrets redacted, option values dropped. */
export function redactUserInput(text: string): string {
  return redactSecrets(text).replace(OPTION_WITH_VALUE, (_, long?: string, short?: string) => `'${long ?? short} [value not shown]'`);
}
