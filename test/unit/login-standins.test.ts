// The stand-ins must behave like the real things, or the login tests prove nothing:
// the real SDK and the real AWS CLI talk to the STS stand-in, and the duo-sso simulator
// produces what the guide shows.
import { afterEach, describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand, STSClient, AssumeRoleWithSAMLCommand } from '@aws-sdk/client-sts';
import { StsServer, MAX_DURATION_MESSAGE } from '../support/sts-server.js';
import { installDuoSsoSim } from '../support/duo-sso-sim/index.js';
import { Sandbox } from '../support/sandbox.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function sts(opts?: ConstructorParameters<typeof Object>[0]): Promise<StsServer> {
  const s = await StsServer.start(opts as never);
  cleanups.push(() => s.close());
  return s;
}
async function sandbox(): Promise<Sandbox> {
  const box = await Sandbox.create({ tools: ['/usr/bin/aws'] });
  cleanups.push(() => box.cleanup());
  return box;
}

const ROLE_A = 'arn:aws:iam::111111111111:role/admin';
const ROLE_B = 'arn:aws:iam::222222222222:role/admin';

async function config(box: Sandbox, profiles: Record<string, [string, string, number?]>): Promise<void> {
  await box.write('.config/duo-sso/config.json', JSON.stringify({
    url: 'https://cloudsso.cisco.com',
    session_duration_seconds: 3600,
    profiles: Object.fromEntries(Object.entries(profiles).map(([n, [a, r, d]]) => [n, { aws_account_id: a, aws_role_name: r, ...(d ? { session_duration_seconds: d } : {}) }])),
  }, null, 2));
}

describe('STS stand-in', () => {
  it('answers AWS-shaped errors to the real SDK', async () => {
    const server = await sts();
    const client = new STSClient({ region: 'us-east-1', endpoint: server.url, credentials: { accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'x' } });
    const err = await client.send(new GetCallerIdentityCommand({})).catch((e) => e);
    expect(err.name).toBe('InvalidClientTokenId');
    expect(err.message).toBe('The security token included in the request is invalid.');
    const bad = await client.send(new AssumeRoleWithSAMLCommand({ RoleArn: ROLE_A, PrincipalArn: 'arn:aws:iam::111111111111:saml-provider/x', SAMLAssertion: 'bm90IHhtbA==' })).catch((e) => e);
    expect(bad.name).toBe('InvalidIdentityTokenException'); // the SDK's name for code InvalidIdentityToken
  });

  it('is reached by the real AWS CLI and the SDK with credentials the simulator saved; refuses a duration above the role maximum', async () => {
    const server = await sts({ roles: { [ROLE_A]: { maxSessionDuration: 3600 }, [ROLE_B]: { maxSessionDuration: 14400 } } });
    const box = await sandbox();
    const sim = await installDuoSsoSim(box, { stsEndpoint: server.url });
    await config(box, { two: ['222222222222', 'admin', 14400], one: ['111111111111', 'admin', 14400] });
    const r = await box.exec(`${box.bin}/duo-sso`, ['--session-duration=14400']);
    expect(r.stdout).toBe([
      '✔ SSO completed successfully',
      '✔ AWS Accounts / Roles validated successfully',
      "✔ Assume role 'admin' completed successfully",
      "✔ AWS Credentials saved for profile 'two'",
      '',
    ].join('\n'));
    expect(r.stderr).toBe(`Failed to Assume Role 'admin' via STS: ValidationError: ${MAX_DURATION_MESSAGE.replace(/\.$/, '')}\n`);
    expect(r.exitCode).toBe(1);
    expect(server.actions('AssumeRoleWithSAML').map((a) => [a.params.RoleArn, a.params.DurationSeconds, a.errorCode])).toEqual([
      [ROLE_B, '14400', undefined],
      [ROLE_A, '14400', 'ValidationError'],
    ]);
    expect((await sim.runs()).map((x) => x.saved.map((s) => s.profile))).toEqual([['two']]);

    const aws = await box.exec(`${box.bin}/aws`, ['sts', 'get-caller-identity', '--profile', 'two', '--endpoint-url', server.url, '--region', 'us-east-1', '--output', 'json']);
    expect(aws.stderr).toBe('');
    expect(JSON.parse(aws.stdout)).toMatchObject({ Account: '222222222222', Arn: 'arn:aws:sts::222222222222:assumed-role/admin/jdoe@example.com' });
    expect(aws.exitCode).toBe(0);

    const text = await box.read('.aws/credentials');
    const key = /aws_access_key_id = (\S+)/.exec(text)![1]!;
    const secret = /aws_secret_access_key = (\S+)/.exec(text)![1]!;
    const token = /aws_session_token = (\S+)/.exec(text)![1]!;
    const sdk = new STSClient({ region: 'us-east-1', endpoint: server.url, credentials: { accessKeyId: key, secretAccessKey: secret, sessionToken: token } });
    expect((await sdk.send(new GetCallerIdentityCommand({}))).Account).toBe('222222222222');
    const wrongSecret = new STSClient({ region: 'us-east-1', endpoint: server.url, credentials: { accessKeyId: key, secretAccessKey: `${secret}x`, sessionToken: token } });
    expect((await wrongSecret.send(new GetCallerIdentityCommand({})).catch((e) => e)).name).toBe('SignatureDoesNotMatch');
    server.expire(key);
    const expired = await box.exec(`${box.bin}/aws`, ['sts', 'get-caller-identity', '--profile', 'two', '--endpoint-url', server.url, '--region', 'us-east-1']);
    expect(expired.stderr).toMatch(/An error occurred \(ExpiredToken\) when calling the GetCallerIdentity operation: The security token included in the request is expired/);
  });

  it('is found by the SDK through AWS_ENDPOINT_URL_STS alone', async () => {
    const server = await sts();
    const saved = process.env.AWS_ENDPOINT_URL_STS;
    process.env.AWS_ENDPOINT_URL_STS = server.url;
    try {
      const client = new STSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIANOBODY', secretAccessKey: 'x' }, maxAttempts: 1 });
      expect((await client.send(new GetCallerIdentityCommand({})).catch((e) => e)).name).toBe('InvalidClientTokenId');
      expect(server.actions('GetCallerIdentity')).toHaveLength(1);
    } finally {
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_STS;
      else process.env.AWS_ENDPOINT_URL_STS = saved;
    }
  });

  it('skews its Date header and refuses requests signed more than 15 minutes off', async () => {
    const server = await sts({ dateSkewSeconds: 3600 });
    const res = await fetch(server.url, { method: 'POST', body: 'Action=GetCallerIdentity&Version=2011-06-15' });
    expect(Math.round((Date.parse(res.headers.get('date')!) - Date.now()) / 1000)).toBeGreaterThan(3590);
    expect(await res.text()).toMatch(/<Code>MissingAuthenticationToken<\/Code>/);
    server.addCredentials({ accessKeyId: 'AKIASKEW', secretAccessKey: 's', expiration: new Date(Date.now() + 7200_000), arn: 'arn:aws:iam::1:user/x', userId: 'AIDA', account: '111111111111' });
    const client = new STSClient({ region: 'us-east-1', endpoint: server.url, credentials: { accessKeyId: 'AKIASKEW', secretAccessKey: 's' }, maxAttempts: 1 });
    const err = await client.send(new GetCallerIdentityCommand({})).catch((e) => e);
    expect(err.name).toBe('SignatureDoesNotMatch');
    expect(err.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than/);
  });
});

describe('duo-sso simulator', () => {
  it('takes Go-style flags, refuses unknown ones, and applies its failure knobs', async () => {
    const server = await sts({ roles: { [ROLE_A]: { maxSessionDuration: 14400 } } });
    const box = await sandbox();
    const sim = await installDuoSsoSim(box, { stsEndpoint: server.url, firstRunCertificatePrompt: true, credentialsUnderDefault: true, expiredAssertionRuns: 2 });
    await config(box, { one: ['111111111111', 'admin'] });
    expect((await box.exec(`${box.bin}/duo-sso`, ['--version'])).stdout).toBe('duo-sso v3.4.1\n');
    const unknown = await box.exec(`${box.bin}/duo-sso`, ['-nope']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toMatch(/^flag provided but not defined: -nope/);
    const cert = await box.exec(`${box.bin}/duo-sso`, ['-profile', 'one']);
    expect(cert.stderr).toMatch(/client certificate.*-interactive/);
    const expired = await box.exec(`${box.bin}/duo-sso`, ['-interactive', '-profile=one']);
    expect(expired.stderr).toBe("Failed to Assume Role 'admin' via STS: ExpiredTokenException: Token must be redeemed within 5 minutes of issuance\n");
    const ok = await box.exec(`${box.bin}/duo-sso`, ['--profile', 'one', '-session-duration', '7200']);
    expect(ok.exitCode).toBe(0);
    expect(await box.read('.aws/credentials')).toMatch(/^\[default\]\naws_access_key_id = ASIA/);
    expect((await sim.runs()).map((r) => r.exitCode)).toEqual([1, 1, 0]);
    expect(server.actions('AssumeRoleWithSAML').at(-1)!.params.DurationSeconds).toBe('7200'); // the flag beats the top-level default
  });

  it('uses an assertion given with -saml as it is', async () => {
    const server = await sts();
    const box = await sandbox();
    await installDuoSsoSim(box, { stsEndpoint: server.url });
    await config(box, { one: ['111111111111', 'admin'] });
    const r = await box.exec(`${box.bin}/duo-sso`, ['-saml', Buffer.from('<Response/>').toString('base64')]);
    expect(r.stderr).toMatch(/^Failed to Assume Role 'admin' via STS: InvalidIdentityToken: /);
  });

  it('asks STS for a role the assertion does not grant and reports AccessDenied', async () => {
    const server = await sts();
    const box = await sandbox();
    await installDuoSsoSim(box, { stsEndpoint: server.url, grants: [{ account: '111111111111', role: 'readonly' }] });
    await config(box, { one: ['111111111111', 'admin'] });
    const r = await box.exec(`${box.bin}/duo-sso`, []);
    expect(r.stderr).toBe("Failed to Assume Role 'admin' via STS: AccessDenied: Not authorized to perform sts:AssumeRoleWithSAML\n");
  });
});
