// Issue 18 item 4: precision. An entry that answers text it has nothing to do with gives wrong,
// possibly harmful advice. Two guards: (1) a negative corpus generated at test time from what
// is installed (test/support/negative-corpus.ts; third-party text is read, never committed):
// the output of programs that succeeded gets no diagnosis at all, and documentation (man pages,
// changelogs, READMEs) only the few quotations of a failure's own message listed below;
// (2) hand-written look-alikes (test/support/look-alikes.ts) get none of the entries whose
// words they share. `node scripts/kb-precision.mjs -v` prints the per-entry figures.
import { beforeAll, describe, expect, it } from 'vitest';
import { inContext } from '../../src/knowledge/context.js';
import { diagnose } from '../../src/knowledge/index.js';
import { LOOK_ALIKES } from '../support/look-alikes.js';
import { buildNegativeCorpus, chunkText, isSuccessSource, type NegativeCorpus } from '../support/negative-corpus.js';

/**
 * Documentation that describes a failure in the failing program's own words (curl's manual
 * listing its exit codes). The entry is right about what the words mean; nothing to narrow.
 */
const QUOTATIONS: readonly { id: string; evidence: RegExp }[] = [
  { id: 'dns-failure', evidence: /^\d+\s+Could not resolve host\. The given remote host could not be resolved\.$/ },
  { id: 'connection-refused', evidence: /consider ECONNREFUSED as a transient error/ },
];

describe('precision: text that is not a known failure gets no diagnosis', () => {
  let corpus: NegativeCorpus;
  beforeAll(async () => {
    corpus = await buildNegativeCorpus();
    for (const [source, why] of Object.entries(corpus.skipped)) process.stderr.write(`negative corpus: skipped ${source}: ${why}\n`);
  }, 180_000);

  it('success output of aws (help, a --debug call against the loopback STS), gpg, pass, git, node, npm, and unrelated Python errors: nothing', () => {
    const success = corpus.chunks.filter((c) => isSuccessSource(c.source));
    // Skip-with-reason rather than pass-on-nothing: on a machine without these programs the
    // corpus is empty and the assertion below would hold vacuously.
    if (success.length === 0) {
      process.stderr.write('negative corpus: SKIPPED success outputs: none of aws, gpg, pass, git, node is installed here\n');
      return;
    }
    expect(success.length).toBeGreaterThan(100);
    const hits = success.flatMap((c) => diagnose(c.text).map((d) => `${d.id} <- ${c.source}: ${d.evidence}`));
    expect(hits).toEqual([]);
  }, 120_000);

  it('the AWS CLI debug log of a call that worked is not an instance-metadata failure (it names 169.254.169.254)', () => {
    const debug = corpus.chunks.filter((c) => c.source.startsWith('aws sts get-caller-identity --debug'));
    if (corpus.skipped['aws --debug'] !== undefined) {
      process.stderr.write(`negative corpus: SKIPPED the aws --debug check: ${corpus.skipped['aws --debug']}\n`);
      return;
    }
    expect(debug.some((c) => c.text.includes('169.254.169.254'))).toBe(true);
    expect(debug.flatMap((c) => diagnose(c.text).map((d) => d.id))).toEqual([]);
  });

  it('man pages, changelogs, READMEs and logs: only the listed quotations of a failure\'s own message', () => {
    const docs = corpus.chunks.filter((c) => !isSuccessSource(c.source));
    if (docs.length === 0) {
      process.stderr.write('negative corpus: SKIPPED documentation: no man pages, /usr/share/doc changelogs or node_modules READMEs here\n');
      return;
    }
    expect(docs.length).toBeGreaterThan(100);
    const unexplained = docs.flatMap((c) => diagnose(c.text)
      .filter((d) => !QUOTATIONS.some((q) => q.id === d.id && q.evidence.test(d.evidence)))
      .map((d) => `${d.id} <- ${c.source}: ${d.evidence}`));
    expect(unexplained).toEqual([]);
  }, 240_000);
});

describe('precision: look-alikes (other programs\' failures sharing words with ours)', () => {
  it('has look-alikes for every narrowed entry', () => {
    const named = new Set(LOOK_ALIKES.map((l) => l.not));
    for (const id of ['first-run-client-certificate', 'imds-fallback', 'brew-tap-clone-failed', 'aws-throttled', 'token-invalid-or-expired', 'secret-service-not-running', 'gpg-no-tty', 'profile-not-available', 'web-identity-rejected', 'node-too-old', 'native-binding-missing', 'brew-checksum-mismatch', 'macos-keychain', 'aws-cli-install-failed', 'eks-unauthorized', 'macos-killed-code-signature', 'windows-credential-manager', 'idp-login-failed']) {
      expect(named, id).toContain(id);
    }
  });

  it.each(LOOK_ALIKES.map((l) => [l.not, l.text.split('\n')[0]!.slice(0, 70), l] as const))('not %s: %s', (_not, _first, l) => {
    const found = diagnose(l.text).map((d) => d.id);
    expect(found).not.toContain(l.not);
    expect(found).toEqual(l.expected ?? []);
  });
});

describe('the narrowed patterns still answer their failure where it is', () => {
  it.each([
    ['brew-tap-clone-failed', "==> Tapping ats-operations/tap\nCloning into '/opt/homebrew/Library/Taps/ats-operations/homebrew-tap'...\nremote: Repository not found.\nfatal: repository 'https://github.example.com/ats-operations/homebrew-tap/' not found"],
    ['brew-tap-clone-failed', "remote: Repository not found.\nfatal: repository 'https://github.example.com/ats-operations/homebrew-tap/' not found\nError: Failure while executing; `git clone https://github.example.com/ats-operations/homebrew-tap /opt/homebrew/Library/Taps/ats-operations/homebrew-tap` exited with 128."],
    ['brew-tap-clone-failed', "$ brew tap ats-operations/tap\nfatal: could not read Username for 'https://github.example.com': terminal prompts disabled"],
    ['gpg-no-tty', 'gpg: signing failed: Inappropriate ioctl for device'],
    ['gpg-no-tty', "Inappropriate ioctl for device\ngpg: decryption failed: No secret key"],
    ['imds-fallback', 'Error: connect ECONNREFUSED 169.254.169.254:80'],
    ['imds-fallback', 'botocore.exceptions.ConnectTimeoutError: Connect timeout on endpoint URL: "http://169.254.169.254/latest/api/token"'],
    ['aws-throttled', 'An error occurred (Throttling) when calling the AssumeRoleWithSAML operation (reached max retries: 4): Rate exceeded'],
    ['aws-throttled', 'operation error STS: GetCallerIdentity, https response error StatusCode: 400, RequestID: 1, api error Throttling: Rate exceeded'],
    ['aws-throttled', "  name: 'ThrottlingException',"],
    ['secret-service-not-running', 'GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files'],
    ['secret-service-not-running', 'org.freedesktop.DBus.Error.ServiceUnknown'],
    ['web-identity-rejected', 'AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity\n\tstatus code: 403'],
    ['profile-not-available', "Error: AWS account 123456789012 / role 'admin' for profile 'prod' is not available to you"],
    ['token-invalid-or-expired', 'Error: The security token included in the request is invalid or has expired'],
    ['token-invalid-or-expired', 'error: invalid or expired token for profile dev'],
    ['first-run-client-certificate', 'The SSO page is asking for a client certificate; rerun with -interactive to select one.'],
    ['first-run-client-certificate', 'duo-sso: the browser shows a certificate selection dialog nobody can answer (headless)'],
    ['node-too-old', "/usr/local/lib/node_modules/duo-sso-setup/dist/cli.js:2\nconst a = b?.c;\n             ^\nSyntaxError: Unexpected token '.'"],
    ['native-binding-missing', 'Error: /usr/local/lib/node_modules/duo-sso-setup/node_modules/keyring/keyring.linux-x64-gnu.node: invalid ELF header'],
    ['brew-checksum-mismatch', 'Error: SHA256 mismatch\nExpected: 0c3b\n  Actual: 5c5c\n    File: /tmp/duo-sso.tar.gz'],
    ['brew-checksum-mismatch', '==> Downloading https://github.example.com/duo-sso/releases/duo-sso.tar.gz\nError: SHA-256 mismatch'],
    ['macos-keychain', 'security: SecKeychainSearchCopyNext: The specified item could not be found in the keychain. (-25300)'],
    ['macos-keychain', 'The operation couldn’t be completed. (OSStatus error -25293.)'],
    ['brew-tap-clone-failed', "==> Tapping ats-operations/tap\nCloning into '/opt/homebrew/Library/Taps/ats-operations/homebrew-tap'...\ngit@github.example.com: Permission denied (publickey).\nfatal: Could not read from remote repository."],
    ['aws-cli-install-failed', '$ pip install awscli\nerror: externally-managed-environment'],
    ['eks-unauthorized', "couldn't get current server API group list: Get \"https://ABC.gr7.eu-west-1.eks.amazonaws.com/api\"\nerror: You must be logged in to the server (Unauthorized)"],
    ['eks-unauthorized', 'could not get token: aws-iam-authenticator\nerror: You must be logged in to the server (the server has asked for the client to provide credentials)'],
    ['windows-credential-manager', "pywintypes.error: (1168, 'CredRead', 'Element not found.')"],
    ['windows-credential-manager', 'keyring: Element not found.'],
    ['idp-login-failed', '$ saml2aws login\nInvalid username or password.'],
  ])('%s: %s', (id, text) => {
    expect(diagnose(text).map((d) => d.id)).toContain(id);
  });
});

describe('inContext', () => {
  const p = inContext(/\bgpg\b/, /Inappropriate ioctl for device/);
  it('matches where the context comes before or after the pattern, at the pattern (so the evidence line is the failing one)', () => {
    expect(p.exec('gpg: x\nInappropriate ioctl for device')?.index).toBe(7);
    expect(p.exec('Inappropriate ioctl for device\ngpg: y')?.index).toBe(0);
    expect(p.test('stty: Inappropriate ioctl for device')).toBe(false);
  });
  it('keeps the pattern\'s flags and named groups', () => {
    const q = inContext(/brew/, /repository '(?<host>[\w.]+)' not found/i);
    expect(q.flags).toBe('i');
    expect(q.exec("brew tap\nREPOSITORY 'github.example.com' NOT FOUND")?.groups?.host).toBe('github.example.com');
  });
});

describe('chunkText', () => {
  it('cuts at blank lines and into windows of at most 20 lines', () => {
    const long = Array.from({ length: 45 }, (_, i) => `line ${i}`).join('\n');
    const chunks = chunkText(`a\nb\n\n  \n${long}\n\n`);
    expect(chunks.map((c) => c.split('\n').length)).toEqual([2, 20, 20, 5]);
    expect(chunks[0]).toBe('a\nb');
    expect(chunks[3]).toBe('line 40\nline 41\nline 42\nline 43\nline 44');
  });
});
