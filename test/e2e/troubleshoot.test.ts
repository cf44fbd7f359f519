import { describe, expect, it } from 'vitest';
import { type Runtime, sandboxPerTest } from '../support/sandbox.js';

const sandbox = sandboxPerTest();

const MAX_DURATION = "Failed to Assume Role 'admin' via STS: ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role";

// A login log as duo-sso prints it, with a credentials dump someone pasted along.
const LOG = [
  '✔ SSO completed successfully',
  '✔ AWS Accounts / Roles validated successfully',
  "✔ Assume role 'admin' completed successfully",
  "✔ AWS Credentials saved for profile 'eticloud'",
  "Failed to Assume Role 'devops' via STS: AccessDenied: Not authorized to perform sts:AssumeRoleWithSAML",
  'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation: Signature expired: 20261126T093000Z is now earlier than 20261126T094812Z (20261126T100312Z - 15 min.)',
].join('\n');

describe.each<Runtime>(['node', 'deno'])('troubleshoot under %s', (runtime) => {
  it('explains a message given as an argument: what, why, and the command; exit 0', async () => {
    const box = await sandbox();
    const r = await box.run(['troubleshoot', MAX_DURATION], { runtime });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('max-session-duration: Requested session longer than the role allows');
    expect(r.stdout).toContain("Role 'admin' refused the requested duration.");
    expect(r.stdout).toMatch(/Why: duo-sso asked STS for a session longer/);
    expect(r.stdout).toMatch(/^ {6}\$ duo-sso-setup login$/m);
    expect(r.stderr).toBe('');
  });

  it('reads a log from standard input with -, in --json', async () => {
    const box = await sandbox();
    const r = await box.run(['troubleshoot', '--json', '-'], { runtime, input: LOG });
    expect(r.exitCode).toBe(0);
    expect(r.json.recognised).toBe(true);
    expect(r.json.diagnoses.map((d: any) => [d.id, d.line])).toEqual([['access-denied-role', 5], ['clock-skew', 7]]);
    expect(r.json.diagnoses[0].facts).toEqual({ code: 'AccessDenied', operation: 'AssumeRoleWithSAML', role: 'devops' });
    expect(r.json.diagnoses[1].facts.skewSeconds).toBe(1992);
    expect(r.stdout).not.toContain('wJalrXUtnFEMI');
  });

  it('reads standard input with --file - too (the command login suggests)', async () => {
    const box = await sandbox();
    const r = await box.run(['troubleshoot', '--json', '--file', '-'], { runtime, input: LOG });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.diagnoses.map((d: any) => d.id)).toEqual(['access-denied-role', 'clock-skew']);
  });
});

describe('troubleshoot', () => {
  it('reads --file and fills the profile the message named into the fix', async () => {
    const box = await sandbox();
    const log = await box.write('aws.log', 'running aws s3 ls --profile scratch\n\nThe config profile (scratch) could not be found\n');
    const r = await box.run(['troubleshoot', '--file', log, '--json']);
    expect(r.exitCode).toBe(0);
    expect(r.json.diagnoses).toHaveLength(1);
    expect(r.json.diagnoses[0]).toMatchObject({
      id: 'credentials-under-default',
      line: 3,
      fix: { commands: [['duo-sso-setup', 'login', '--profile', 'scratch']], automatic: true },
    });
  });

  it('never echoes the secrets of an STS answer that shares the line it quotes (duo-sso debug output)', async () => {
    const box = await sandbox();
    const line = 'DEBUG STS response: <Credentials><SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY</SecretAccessKey>'
      + '<SessionToken>IQoJb3JpZ2luX2VjEJr</SessionToken></Credentials> An error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired';
    for (const args of [['troubleshoot', line], ['troubleshoot', '--json', line]]) {
      const r = await box.run(args);
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toContain('<SecretAccessKey>[redacted]</SecretAccessKey>');
      expect(r.stdout).not.toContain('wJalrXUtnFEMI');
      expect(r.stdout).not.toContain('IQoJb3JpZ2luX2VjEJr');
    }
  });

  it('exits 1 on text it does not know, and still shows an AWS error it could parse', async () => {
    const box = await sandbox();
    // (Throttling was the example here until aws-throttled made it known.)
    const r = await box.run(['troubleshoot', 'An error occurred (LimitExceeded) when calling the CreateRole operation (reached max retries: 4): Cannot exceed quota for RolesPerAccount: 1000']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('Not a known failure.');
    expect(r.stdout).toContain('$ duo-sso-setup doctor');
    expect(r.stdout).toContain('line 1: AWS error LimitExceeded from CreateRole: Cannot exceed quota for RolesPerAccount: 1000');
    const plain = await box.run(['troubleshoot', '--json', 'everything', 'is', 'fine']);
    expect(plain.exitCode).toBe(1);
    expect(plain.json).toEqual({
      recognised: false, diagnoses: [], unrecognisedAwsErrors: [],
      family: { family: 'unknown', title: expect.any(String), signals: [], commands: [['duo-sso-setup', 'doctor']] },
    });
  });

  it('gives a clear error for a missing file, too big a log, or two inputs at once', async () => {
    const box = await sandbox();
    const missing = await box.run(['troubleshoot', '--file', box.path('nope.log')]);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain(`cannot read ${box.path('nope.log')}: no such file`);
    const big = await box.run(['troubleshoot', '-'], { input: 'x'.repeat(8 * 1024 * 1024 + 1) });
    expect(big.exitCode).toBe(1);
    expect(big.stderr).toContain('standard input is larger than 8 MiB');
    const both = await box.run(['troubleshoot', '--file', box.path('a.log'), 'some text']);
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toMatch(/not several/);
  });

  it('lists the known failures', async () => {
    const box = await sandbox();
    const r = await box.run(['troubleshoot', '--list', '--json']);
    expect(r.exitCode).toBe(0);
    expect(r.json.map((e: any) => e.id)).toContain('gpg-key-expired');
    expect(r.json.find((e: any) => e.id === 'max-session-duration')).toEqual({ id: 'max-session-duration', title: expect.any(String), group: 'sts', automatic: true });
  });
});
