import { describe, expect, it } from 'vitest';
import { diagnose, parseAwsErrors, redactSecrets } from '../../src/knowledge/index.js';

describe('parseAwsErrors', () => {
  it('reads the AWS CLI line, with and without the retries note', () => {
    const text = [
      'some noise',
      'An error occurred (Throttling) when calling the AssumeRoleWithSAML operation (reached max retries: 4): Rate exceeded',
      '',
      'An error occurred (AccessDenied) when calling the GetRole operation: User: arn:aws:sts::123456789012:assumed-role/admin/jdoe is not authorized to perform: iam:GetRole',
    ].join('\n');
    expect(parseAwsErrors(text)).toEqual([
      { source: 'aws-cli', code: 'Throttling', operation: 'AssumeRoleWithSAML', maxRetries: 4, message: 'Rate exceeded', line: 2 },
      { source: 'aws-cli', code: 'AccessDenied', operation: 'GetRole', message: expect.stringContaining('iam:GetRole'), line: 4 },
    ]);
  });

  it('reads the retries note placed before the operation', () => {
    expect(parseAwsErrors('An error occurred (ExpiredToken) (reached max retries: 2) when calling the GetCallerIdentity operation: expired')).toEqual([
      { source: 'aws-cli', code: 'ExpiredToken', operation: 'GetCallerIdentity', maxRetries: 2, message: 'expired', line: 1 },
    ]);
  });

  it("reads duo-sso's Failed to Assume Role line, CRLF line ends included", () => {
    const text = "✔ SSO completed successfully\r\nFailed to Assume Role 'power-user' via STS: ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role\r\n";
    expect(parseAwsErrors(text)).toEqual([
      {
        source: 'duo-sso', code: 'ValidationError', operation: 'AssumeRoleWithSAML', role: 'power-user',
        message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role', line: 2,
      },
    ]);
  });

  it('finds nothing in ordinary output', () => {
    expect(parseAwsErrors('An error occurred while reading the file\nFailed to Assume Role')).toEqual([]);
  });
});

describe('diagnose', () => {
  it('reports several failures in the order they appear, each with its line', () => {
    const text = [
      'gpg: decryption failed: No secret key',
      "Failed to Assume Role 'admin' via STS: ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role",
      'bash: duo-sso: command not found',
    ].join('\n');
    expect(diagnose(text).map((d) => [d.id, d.line])).toEqual([['gpg-no-secret-key', 1], ['max-session-duration', 2], ['duo-sso-not-found', 3]]);
  });

  it('reports an entry once even when it matches several times', () => {
    const line = "Failed to Assume Role 'admin' via STS: ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role";
    expect(diagnose(`${line}\n${line.replace('admin', 'devops')}`).map((d) => d.id)).toEqual(['max-session-duration']);
  });

  it('lets the more specific entry hide the one it explains', () => {
    const text = 'gpg: public key decryption failed: Inappropriate ioctl for device\ngpg: decryption failed: No secret key';
    expect(diagnose(text).map((d) => d.id)).toEqual(['gpg-no-tty']);
    const brew = 'Refusing to load formula ats-operations/homebrew-tap/duo-sso from untrusted tap ats-operations/homebrew-tap.\nError: Cannot tap ats-operations/homebrew-tap: invalid syntax in tap!';
    expect(diagnose(brew).map((d) => d.id)).toEqual(['brew-tap-trust']);
  });

  it('fills placeholders in the fix from what the message named, and says what it learned', () => {
    const [d] = diagnose('The config profile (scratch) could not be found');
    expect(d!.fix.commands).toEqual([['duo-sso-setup', 'login', '--profile', 'scratch']]);
    expect(d!.detail).toBe("The AWS tools looked for profile 'scratch'.");
    const [unnamed] = diagnose("AWS Credentials saved for profile 'default'");
    expect(unnamed!.fix.commands).toEqual([['duo-sso-setup', 'login', '--profile', '<profile>']]);
    expect(unnamed!.detail).toBeUndefined();
    const [gpg] = diagnose('gpg: 5AD5ADDDEDD4710790636724D95AD1FA5E02E571: skipped: Unusable public key');
    expect(gpg!.fix.commands.slice(0, 2)).toEqual([['gpg', '--list-keys', '5AD5ADDDEDD4710790636724D95AD1FA5E02E571'], ['gpg', '--quick-set-expire', '5AD5ADDDEDD4710790636724D95AD1FA5E02E571', '1y']]);
  });

  it('describes the role that failed and the clock skew in words', () => {
    const [max] = diagnose("Failed to Assume Role 'admin' via STS: ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role");
    expect(max!.detail).toBe("Role 'admin' refused the requested duration.");
    expect(max!.fix.automatic).toBe(true);
    const [skew] = diagnose('Signature expired: 20261126T093000Z is now earlier than 20261126T094812Z (20261126T100312Z - 15 min.)');
    expect(skew!.detail).toBe("This machine's clock is about 33 minutes behind AWS.");
  });

  it('picks the fix commands for the OS', () => {
    const text = 'An error occurred (RequestTimeTooSkewed) when calling the GetCallerIdentity operation: The difference between the request time and the current time is too large.';
    expect(diagnose(text, { os: 'darwin' })[0]!.fix.commands).toEqual([['sudo', 'sntp', '-sS', 'time.apple.com']]);
    expect(diagnose(text, { os: 'linux' })[0]!.fix.commands).toEqual([['sudo', 'timedatectl', 'set-ntp', 'true']]);
    expect(diagnose(text)[0]!.fix.commands).toEqual([['sudo', 'timedatectl', 'set-ntp', 'true']]);
  });

  it('never echoes secrets from the log in its evidence', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const text = `aws_secret_access_key = ${secret} An error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired`;
    const [d] = diagnose(text);
    expect(d!.id).toBe('session-expired');
    expect(d!.evidence).not.toContain(secret);
    expect(d!.evidence).toContain('aws_secret_access_key = [redacted]');
  });

  it('clips long evidence lines', () => {
    const [d] = diagnose(`${'x '.repeat(400)}bash: duo-sso: command not found`);
    expect(d!.evidence).toBe(`${'x '.repeat(149)}x…`);
  });
});

describe('redactSecrets', () => {
  it.each([
    ['aws_session_token=IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ', 'aws_session_token=[redacted]'],
    ['"SecretAccessKey": "abc/def+ghi"', '"SecretAccessKey": "[redacted]"'],
    ['key ASIAIOSFODNN7EXAMPLE used', 'key ASIA[redacted] used'],
    ['duo-sso -saml PHNhbWxwOlJlc3BvbnNlIHhtbG5zOnNhbWxwPQ== -profile x', 'duo-sso -saml [redacted] -profile x'],
    [`blob ${'QUJD'.repeat(80)} end`, 'blob [redacted] end'],
    ['<Credentials><SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY</SecretAccessKey>', '<Credentials><SecretAccessKey>[redacted]</SecretAccessKey>'],
    ['<sts:SessionToken>IQoJb3JpZ2luX2Vj</sts:SessionToken> <SAMLAssertion>PHNhbWw+</SAMLAssertion>', '<sts:SessionToken>[redacted]</sts:SessionToken> <SAMLAssertion>[redacted]</SAMLAssertion>'],
    ["host:sts.amazonaws.com\nx-amz-security-token:FwoGZXIvYXdzE/short+token=\n'", "host:sts.amazonaws.com\nx-amz-security-token:[redacted]\n'"],
    ['<SecretAccessKey>wJalrXUt', '<SecretAccessKey>[redacted]'], // a line cut short
  ])('%s', (input, output) => {
    expect(redactSecrets(input)).toBe(output);
  });
});

describe('network facts', () => {
  it('names the host and what it is to us', () => {
    expect(diagnose('dial tcp: lookup cloudsso.cisco.com: no such host')[0]!.detail).toBe('Could not resolve cloudsso.cisco.com (the SSO page, reached over the VPN).');
    expect(diagnose('getaddrinfo ENOTFOUND sts.eu-west-1.amazonaws.com')[0]!.detail).toBe('Could not resolve sts.eu-west-1.amazonaws.com (AWS STS).');
    const [refused] = diagnose('connect ECONNREFUSED 10.1.2.3:8443');
    expect(refused!.facts).toStrictEqual({ host: '10.1.2.3', port: 8443 });
    expect(refused!.detail).toBe('Refused: 10.1.2.3:8443.');
    expect(diagnose('dial tcp: lookup cloudsso.cisco.com: no such host')[0]!.fix.commands).toContainEqual(['nslookup', 'cloudsso.cisco.com']);
  });
});

// npm echoes an invalid proxy setting back with the user:password quoted inside the URL (issue 18,
// secrets2 batch): the quotes used to stop the URL-credentials rule and let the password through.
describe('redactSecrets on quoted URL credentials', () => {
  it.each([
    ["npm warn invalid config proxy=\"http://'CORP\\\\jdoe:Hunter2pass'@127.0.0.1:8080\" set in cli", 'npm warn invalid config proxy="http://[redacted]@127.0.0.1:8080" set in cli'],
    ['proxy http://"jdoe:Hunter2pass"@proxy.example.com:8080', 'proxy http://[redacted]@proxy.example.com:8080'],
  ])('%s', (input, output) => {
    expect(redactSecrets(input)).toBe(output);
  });
});
