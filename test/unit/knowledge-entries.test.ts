// Every knowledge-base entry recognises realistic messages (as the tools print them) and
// pulls out what the message says. Messages are written here, independent of the
// examples kept in the data, so a pattern that drifts from real wording fails.
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE, diagnose, findFailure, type DiagnosisFacts } from '../../src/knowledge/index.js';
import fromSources from '../fixtures/knowledge/sources.js';

interface Case {
  id: string;
  text: string;
  facts?: DiagnosisFacts;
}

const CASES: Case[] = [
  // STS
  {
    id: 'max-session-duration',
    text: "✔ SSO completed successfully\n✔ AWS Accounts / Roles validated successfully\nFailed to Assume Role 'admin' via STS: ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role",
    facts: { role: 'admin', code: 'ValidationError', operation: 'AssumeRoleWithSAML' },
  },
  {
    id: 'max-session-duration',
    text: 'An error occurred (ValidationError) when calling the AssumeRoleWithSAML operation: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    facts: { code: 'ValidationError', operation: 'AssumeRoleWithSAML' },
  },
  {
    id: 'role-chaining-limit',
    text: 'An error occurred (ValidationError) when calling the AssumeRole operation: The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    facts: { code: 'ValidationError', operation: 'AssumeRole' },
  },
  {
    id: 'expired-assertion',
    text: "Failed to Assume Role 'devops' via STS: ExpiredTokenException: Token must be redeemed within 5 minutes of issuance",
    facts: { role: 'devops', code: 'ExpiredTokenException' },
  },
  {
    id: 'access-denied-role',
    text: 'An error occurred (AccessDenied) when calling the AssumeRoleWithSAML operation: Not authorized to perform sts:AssumeRoleWithSAML',
    facts: { code: 'AccessDenied', operation: 'AssumeRoleWithSAML' },
  },
  {
    id: 'access-denied-role',
    text: 'User: arn:aws:sts::626007623524:assumed-role/readonly/jdoe is not authorized to perform: sts:AssumeRoleWithSAML on resource: arn:aws:iam::626007623524:role/admin',
    facts: { account: '626007623524', role: 'admin' },
  },
  {
    id: 'idp-rejected-claim',
    text: 'An error occurred (IDPRejectedClaim) (reached max retries: 2) when calling the AssumeRoleWithSAML operation: Error authenticating with the identity provider.',
    facts: { code: 'IDPRejectedClaim', maxRetries: 2 },
  },
  {
    id: 'invalid-identity-token',
    text: 'An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithSAML operation: Response signature invalid (Service: AWSSecurityTokenService; Status Code: 400)',
    facts: { code: 'InvalidIdentityToken' },
  },
  {
    id: 'clock-skew',
    text: 'An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation: Signature expired: 20261126T093000Z is now earlier than 20261126T094812Z (20261126T100312Z - 15 min.)',
    facts: { code: 'SignatureDoesNotMatch', operation: 'GetCallerIdentity', skewSeconds: 1992 },
  },
  {
    id: 'clock-skew',
    text: 'An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation: Signature not yet current: 20261126T110000Z is still later than 20261126T101500Z (20261126T100000Z + 15 min.)',
    facts: { skewSeconds: -3600 },
  },
  {
    id: 'region-disabled',
    text: 'An error occurred (RegionDisabledException) when calling the GetCallerIdentity operation: STS is not activated in this region for account:626007623524. Your account administrator can activate STS in this region using the IAM Console.',
    facts: { code: 'RegionDisabledException', account: '626007623524' },
  },
  {
    id: 'session-expired',
    text: 'An error occurred (ExpiredToken) when calling the GetCallerIdentity operation (reached max retries: 4): The security token included in the request is expired',
    facts: { code: 'ExpiredToken', maxRetries: 4 },
  },
  // The layer a network message names wins over the generic "STS unreachable".
  {
    id: 'network-timeout',
    text: "Failed to Assume Role 'admin' via STS: RequestError: send request failed\ncaused by: Post \"https://sts.amazonaws.com/\": dial tcp 52.94.241.129:443: i/o timeout",
    facts: { host: '52.94.241.129', port: 443 },
  },
  { id: 'sts-unreachable', text: "Failed to Assume Role 'admin' via STS: RequestError: send request failed", facts: { role: 'admin' } },
  { id: 'sts-unreachable', text: 'Could not connect to the endpoint URL: "https://sts.us-east-2.amazonaws.com/"' },
  { id: 'invalid-credentials', text: 'An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.' },
  // duo-sso
  { id: 'duo-sso-not-found', text: 'bash: duo-sso: command not found' },
  { id: 'duo-sso-not-found', text: 'zsh: command not found: duo-sso' },
  { id: 'duo-sso-not-found', text: "'duo-sso' is not recognized as an internal or external command,\noperable program or batch file." },
  { id: 'duo-sso-not-found', text: 'Error: spawn duo-sso ENOENT' },
  { id: 'profile-not-available', text: "Error: role 'devops' for profile 'scratch' is not available to you", facts: { profile: 'scratch' } },
  { id: 'first-run-client-certificate', text: 'Waiting for SSO page...\nError: net::ERR_BAD_SSL_CLIENT_AUTH_CERT at https://cloudsso.cisco.com/idp/startSSO.ping' },
  { id: 'first-run-client-certificate', text: 'The SSO page is asking for a client certificate; rerun with -interactive to select one.' },
  // the duo-sso stand-in's wording (test/support/duo-sso-sim) for the first-run prompt
  { id: 'first-run-client-certificate', text: 'Error: timed out waiting for SSO login: the browser is asking to select a client certificate. Run duo-sso -interactive once to answer it.' },
  { id: 'credentials-under-default', text: '\nThe config profile (eticloud) could not be found\n', facts: { profile: 'eticloud' } },
  { id: 'credentials-under-default', text: "✔ Assume role 'admin' completed successfully\n✔ AWS Credentials saved for profile 'default'" },
  // AWS CLI
  { id: 'aws-cli-v1-shadowing', text: 'aws-cli/1.18.69 Python/3.8.10 Linux/5.15.0-91-generic botocore/1.16.19' },
  {
    id: 'aws-cli-v1-shadowing',
    text: 'Note: AWS CLI version 2, the latest major version of the AWS CLI, is now stable and recommended for general use. For more information, see the AWS CLI version 2 installation instructions at: https://docs.aws.amazon.com/cli/latest/userguide/install-cliv2.html',
  },
  { id: 'aws-cli-not-found', text: '/bin/sh: 1: aws: not found' },
  { id: 'no-credentials', text: 'Unable to locate credentials. You can configure credentials by running "aws configure".' },
  // pass and gpg
  { id: 'pass-not-initialised', text: 'Error: You must run:\n    pass init your-gpg-id\nbefore you may use the password store.\n' },
  { id: 'pass-not-initialised', text: 'Error: password store is empty. Try "pass init".' },
  { id: 'pass-missing', text: 'failed to save: exec: "pass": executable file not found in $PATH' },
  { id: 'pass-missing', text: 'bash: pass: command not found' },
  { id: 'pass-key-missing', text: 'gpg: 4E1D2C3B4A596877: skipped: No public key\ngpg: [stdin]: encryption failed: No public key\nPassword encryption aborted.' },
  { id: 'gpg-no-tty', text: 'gpg: public key decryption failed: Inappropriate ioctl for device\ngpg: decryption failed: No secret key' },
  { id: 'gpg-no-tty', text: 'gpg: signing failed: Inappropriate ioctl for device' },
  // A passphrase-protected key gpg-agent has not unlocked: the key is there, only locked.
  { id: 'gpg-key-locked', text: 'gpg: encrypted with 255-bit ECDH key, ID 7D10AE04436D9843, created 2026-12-03\n      "Ann <ann@example.com>"\ngpg: public key decryption failed: No pinentry\ngpg: decryption failed: No secret key' },
  { id: 'gpg-key-locked', text: 'pass: store initialised for 36EDC16BEA57519E6483ABA4E49D1B6BF5D27E15; your gpg key is locked (gpg-agent has no cached passphrase)' },
  { id: 'gpg-no-secret-key', text: 'gpg: encrypted with rsa3072 key, ID 9C8E7D6F0D3F1B2A, created 2025-01-10\n      "Old Laptop <jdoe@example.com>"\ngpg: decryption failed: No secret key' },
  {
    id: 'gpg-key-expired',
    text: 'gpg: 5AD5ADDDEDD4710790636724D95AD1FA5E02E571: skipped: Unusable public key\ngpg: [stdin]: encryption failed: Unusable public key\nPassword encryption aborted.',
    facts: { fingerprint: '5AD5ADDDEDD4710790636724D95AD1FA5E02E571' },
  },
  { id: 'secret-service-not-running', text: "failed to unlock correct collection '/org/freedesktop/secrets/aliases/default': The name org.freedesktop.secrets was not provided by any .service files" },
  { id: 'secret-service-missing', text: 'secret-tool: Cannot autolaunch D-Bus without X11 $DISPLAY' },
  { id: 'secret-service-missing', text: 'Error: exec: "dbus-launch": executable file not found in $PATH' },
  // The failures issue 12 was filed with, as engineers paste them.
  { id: 'dns-failure', text: 'dial tcp: lookup cloudsso.cisco.com: no such host', facts: { host: 'cloudsso.cisco.com' } },
  { id: 'dns-failure', text: 'Post "https://sts.amazonaws.com/": dial tcp: lookup sts.amazonaws.com on 127.0.0.53:53: server misbehaving', facts: { host: 'sts.amazonaws.com' } },
  { id: 'tls-untrusted-ca', text: 'Get "https://cloudsso.cisco.com/idp/startSSO.ping": tls: failed to verify certificate: x509: certificate signed by unknown authority', facts: { host: 'cloudsso.cisco.com' } },
  { id: 'connection-refused', text: 'Post "https://127.0.0.1:4566/": dial tcp 127.0.0.1:4566: connect: connection refused', facts: { host: '127.0.0.1', port: 4566 } },
  { id: 'connection-reset', text: 'Error: read ECONNRESET\n    at TLSWrap.onStreamRead (node:internal/stream_base_commons:218:20)' },
  { id: 'proxy-failure', text: 'tunneling socket could not be established, cause=connect ECONNREFUSED 10.0.0.1:3128' },
  { id: 'partial-credentials', text: 'Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY' },
  { id: 'secret-service-no-interface', text: 'failed to open keyring: No such interface “org.freedesktop.Secret.Service” on object at path /org/freedesktop/secrets' },
  { id: 'secret-service-locked', text: 'org.freedesktop.Secret.Error.IsLocked: Cannot create an item in a locked collection' },
  {
    id: 'brew-stale-tap-dsl',
    text: 'Error: Invalid formula: /opt/homebrew/Library/Taps/ats-operations/homebrew-tap/Formula/duo-sso.rb\nduo-sso: Calling depends_on :java is disabled! Use "depends_on "openjdk"" instead.\nError: Cannot tap ats-operations/homebrew-tap: invalid syntax in tap!',
  },
  {
    id: 'brew-tap-clone-failed',
    text: "fatal: could not read Username for 'https://wwwin-github.cisco.com': terminal prompts disabled\nError: Failure while executing; `git clone https://wwwin-github.cisco.com/ATS-operations/homebrew-tap /opt/homebrew/Library/Taps/ats-operations/homebrew-tap` exited with 128.",
    facts: { host: 'wwwin-github.cisco.com' },
  },
  // Homebrew
  {
    id: 'brew-no-available-formula',
    text: 'Warning: No available formula with the name "duo-sso". Did you mean duo-sso-setup?\n==> Searching for similarly named formulae and casks...',
    facts: { formula: 'duo-sso' },
  },
  { id: 'brew-no-available-formula', text: 'Error: No formulae or casks found for duo-sso.', facts: { formula: 'duo-sso' } },
  {
    id: 'brew-tap-trust',
    text: 'Error: Refusing to load formula ats-operations/homebrew-tap/duo-sso from untrusted tap ats-operations/homebrew-tap.\nRun `brew trust --formula ats-operations/homebrew-tap/duo-sso` or `brew trust ats-operations/homebrew-tap` to trust it.',
    facts: { tap: 'ats-operations/homebrew-tap' },
  },
  {
    id: 'brew-tap-trust',
    text: 'Warning: The following taps are not trusted:\n  ats-operations/tap\n\nHomebrew is currently ignoring formulae, casks and commands from these taps because tap trust is required.',
  },
  { id: 'brew-tap-broken', text: 'Error: Cannot tap ats-operations/homebrew-tap: invalid syntax in tap!', facts: { tap: 'ats-operations/homebrew-tap' } },
  { id: 'brew-tap-broken', text: "==> Tapping ats-operations/homebrew-tap\nfatal: couldn't find remote ref refs/heads/master\nError: Failure while executing; `git fetch` exited with 128." },
];

describe('knowledge base entries', () => {
  it.each(CASES)('$id recognises: $text', ({ id, text, facts }) => {
    const found = diagnose(text);
    expect(found.map((d) => d.id)).toEqual([id]);
    if (facts) expect(found[0]!.facts).toMatchObject(facts);
  });

  it('has a case here, or phrasings from the emitters\' sources, for every entry', () => {
    const covered = new Set([...CASES, ...fromSources].map((c) => c.id));
    expect(KNOWLEDGE.map((e) => e.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each(KNOWLEDGE.map((e) => [e.id, e] as const))('%s recognises its own documented example, and only it matches', (id, entry) => {
    expect(diagnose(entry.example).map((d) => d.id)).toEqual([id]);
  });

  it('has the entries the issue requires, with unique ids and complete fixes', () => {
    const required = [
      'max-session-duration', 'role-chaining-limit', 'expired-assertion', 'access-denied-role', 'idp-rejected-claim', 'invalid-identity-token',
      'clock-skew', 'region-disabled', 'duo-sso-not-found', 'first-run-client-certificate', 'credentials-under-default', 'aws-cli-v1-shadowing',
      'pass-not-initialised', 'pass-missing', 'gpg-no-tty', 'gpg-no-secret-key', 'gpg-key-expired', 'secret-service-missing',
      'brew-no-available-formula', 'brew-tap-trust', 'brew-tap-broken',
    ];
    for (const id of required) expect(findFailure(id), id).toBeDefined();
    const ids = KNOWLEDGE.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of KNOWLEDGE) {
      expect(entry.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(entry.fix.description.length, entry.id).toBeGreaterThan(10);
      expect(entry.explanation.length, entry.id).toBeGreaterThan(40);
      for (const p of entry.patterns) expect(p.global || p.sticky, `${entry.id} ${p}`).toBe(false);
      for (const s of entry.supersedes ?? []) expect(findFailure(s), `${entry.id} supersedes ${s}`).toBeDefined();
    }
  });

  it('does not recognise a successful login or unrelated noise', () => {
    const ok = "✔ SSO completed successfully\n✔ AWS Accounts / Roles validated successfully\n✔ Assume role 'admin' completed successfully\n✔ AWS Credentials saved for profile 'eticloud'\n";
    expect(diagnose(ok)).toEqual([]);
    expect(diagnose('{\n    "UserId": "AROAEXAMPLE:jdoe@example.com",\n    "Account": "626007623524"\n}')).toEqual([]);
    expect(diagnose('')).toEqual([]);
  });
});
