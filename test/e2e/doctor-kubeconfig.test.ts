// The doctor's kubeconfig check on kubeconfigs the real AWS CLI wrote (`aws eks
// update-kubeconfig --profile P` against a loopback EKS DescribeCluster stand-in) and on
// aws-cli's own test data (../shared/corpus/project-fixtures/kubeconfig).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { stringify } from 'yaml';
import { join } from 'node:path';
import { sandboxPerTest, type Sandbox } from '../support/sandbox.js';
import { corpusPath, missingCorpus } from '../support/corpus.js';

const KUBE = corpusPath('project-fixtures', 'kubeconfig');
const KUBE_MISSING = missingCorpus('project-fixtures', 'kubeconfig');

const sandbox = sandboxPerTest();
let eks: Server;
let eksUrl = '';
beforeAll(async () => {
  // EKS DescribeCluster (GET /clusters/NAME), the one call update-kubeconfig makes.
  eks = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '').split('/').pop() ?? '');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ cluster: { name, arn: `arn:aws:eks:us-east-1:111122223333:cluster/${name}`, endpoint: 'https://ABC.gr7.us-east-1.eks.amazonaws.com', certificateAuthority: { data: 'LS0tCg==' }, status: 'ACTIVE', version: '1.29' } }));
  });
  await new Promise<void>((resolve) => eks.listen(0, '127.0.0.1', resolve));
  eksUrl = `http://127.0.0.1:${(eks.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => eks.close(() => resolve())));

const DUO_CONFIG = {
  url: 'https://cloudsso.cisco.com', partner_spid: 'https://signin.aws.amazon.com/saml', aws_urn: 'https://signin.aws.amazon.com/saml',
  session_duration_seconds: 3600, preferred_device: 'phone1', preferred_factor: 'push', debug: false,
  profiles: { eticloud: { aws_account_id: '111122223333', aws_role_name: 'admin' } },
};

async function box(): Promise<Sandbox> {
  const b = await sandbox({ tools: ['/usr/bin/aws'], env: { AWS_EC2_METADATA_DISABLED: 'true' } });
  await b.write('.config/duo-sso/config.json', JSON.stringify(DUO_CONFIG));
  // Keys for both profiles, so the AWS CLI can sign DescribeCluster; `legacy` is not duo-sso's.
  await b.write('.aws/credentials', '[eticloud]\naws_access_key_id = ASIAETICLOUD\naws_secret_access_key = x\naws_session_token = y\n\n[legacy]\naws_access_key_id = AKIALEGACY\naws_secret_access_key = x\n', 0o600);
  return b;
}

async function updateKubeconfig(b: Sandbox, cluster: string, profile: string): Promise<void> {
  const r = await b.exec(join(b.bin, 'aws'), ['eks', 'update-kubeconfig', '--name', cluster, '--region', 'us-east-1', '--profile', profile, '--endpoint-url', eksUrl]);
  expect(r.exitCode, r.stderr).toBe(0);
}

async function check(b: Sandbox, env: Record<string, string> = {}) {
  const r = await b.run(['doctor', '--json', '--only', 'kubeconfig'], { env });
  const found = r.json?.checks?.find((c: any) => c.id === 'kubeconfig');
  expect(found, r.stdout + r.stderr).toBeTruthy();
  return found;
}

describe('doctor kubeconfig check', () => {
  it('skips without a kubeconfig', async () => {
    expect((await check(await box())).status).toBe('skip');
  });

  it('ok for a cluster the AWS CLI pointed at a duo-sso profile', async () => {
    const b = await box();
    await updateKubeconfig(b, 'prod', 'eticloud');
    const c = await check(b);
    expect(c.status, JSON.stringify(c)).toBe('ok');
    expect(c.details).toEqual(['arn:aws:eks:us-east-1:111122223333:cluster/prod (cluster prod): profile eticloud']);
  });

  it('warns with the update-kubeconfig line when a user names a profile duo-sso does not log in', async () => {
    const b = await box();
    await updateKubeconfig(b, 'prod', 'eticloud');
    await updateKubeconfig(b, 'old', 'legacy');
    const c = await check(b);
    expect(c.status).toBe('warn');
    expect(c.details).toContain('arn:aws:eks:us-east-1:111122223333:cluster/old (cluster old): profile legacy is not one duo-sso logs in (config.json has eticloud)');
    expect(c.fix.commands).toEqual([['aws', 'eks', 'update-kubeconfig', '--name', 'old', '--region', 'us-east-1', '--profile', 'eticloud']]);
    const human = await b.run(['doctor', '--only', 'kubeconfig']);
    expect(human.stdout).toContain('$ aws eks update-kubeconfig --name old --region us-east-1 --profile eticloud');
  });

  it.skipIf(!KUBE)(`users that name no profile (aws-cli's combined kubeconfig, through KUBECONFIG) warn too${KUBE_MISSING}`, async () => {
    const b = await box();
    const path = await b.write('kube/combined', await readFile(join(KUBE!, 'output_combined'), 'utf8'));
    const c = await check(b, { KUBECONFIG: `${path}:${b.path('kube/absent')}` });
    expect(c.status).toBe('warn');
    // The current context's user first.
    expect(c.fix.commands).toEqual([
      ['aws', 'eks', 'update-kubeconfig', '--name', 'ExampleCluster', '--region', 'region', '--profile', 'eticloud'],
      ['aws', 'eks', 'update-kubeconfig', '--name', 'Existing', '--region', 'us-west-2', '--profile', 'eticloud'],
    ]);
  });

  it('expired credentials of a profile kubectl uses: the login line', async () => {
    const b = await box();
    await updateKubeconfig(b, 'prod', 'eticloud');
    await b.write('.aws/credentials', '[eticloud]\naws_access_key_id = ASIAETICLOUD\naws_secret_access_key = x\naws_session_token = y\nx_security_token_expires = 2020-01-01T00:00:00Z\n', 0o600);
    const c = await check(b);
    expect(c.status).toBe('warn');
    expect(c.fix.commands).toEqual([['duo-sso-setup', 'login', '--profile', 'eticloud']]);
  });

  it.skipIf(!KUBE)(`a kubeconfig that is not YAML: a warning naming the file and line${KUBE_MISSING}`, async () => {
    const b = await box();
    await b.write('.kube/config', await readFile(join(KUBE!, 'non_parsable_yaml'), 'utf8'));
    const c = await check(b);
    expect(c.status).toBe('warn');
    expect(c.summary).toMatch(new RegExp(`^${b.path('.kube/config')}:1:\\d+: not valid YAML`));
  });

  const golden = corpusPath('kube', 'files', 'eksctl-minikube_sample.golden');
  it.skipIf(!golden)(`eksctl's golden kubeconfig (a repeated top-level key, kubectl reads it: the last counts) is not "not valid YAML"${missingCorpus('kube', 'files', 'eksctl-minikube_sample.golden')}`, async () => {
    const b = await box();
    await b.write('.kube/config', await readFile(golden!, 'utf8'));
    const c = await check(b);
    expect(c.status, JSON.stringify(c)).toBe('skip');
    expect(c.summary).toBe('no kubeconfig context uses `aws eks get-token` or `aws-iam-authenticator`');
  });

  it('KUBECONFIG=a:b: an entry of b that a shadows is never judged (kubectl: first file wins), so a working setup gets no fix', async () => {
    const b = await box();
    await updateKubeconfig(b, 'prod', 'eticloud');
    const good = b.path('.kube/config');
    // The same names, an older copy pointing at a profile duo-sso does not log in.
    const stale = await b.write('kube/stale', (await b.read('.kube/config')).replaceAll('eticloud', 'legacy'));
    const c = await check(b, { KUBECONFIG: `${good}:${stale}` });
    expect(c.status, JSON.stringify(c)).toBe('ok');
    expect(c.data.users).toEqual([expect.objectContaining({ user: 'arn:aws:eks:us-east-1:111122223333:cluster/prod', profile: 'eticloud', file: good })]);
    // The other order: kubectl uses the stale entry, and so does the check.
    const reversed = await check(b, { KUBECONFIG: `${stale}:${good}` });
    expect(reversed.status).toBe('warn');
    expect(reversed.details).toContain('arn:aws:eks:us-east-1:111122223333:cluster/prod (cluster prod): profile legacy is not one duo-sso logs in (config.json has eticloud)');
  });

  it('aws-iam-authenticator users with AWS_PROFILE in their exec env are checked, the current context first', async () => {
    const b = await box();
    const user = (name: string, profile: string) => ({ name, user: { exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: 'aws-iam-authenticator', args: ['token', '-i', name], env: [{ name: 'AWS_PROFILE', value: profile }] } } });
    await b.write('.kube/config', stringify({
      apiVersion: 'v1', kind: 'Config', 'current-context': 'two',
      clusters: [{ name: 'k', cluster: { server: 'https://k.example' } }],
      contexts: [{ name: 'one', context: { cluster: 'k', user: 'c1' } }, { name: 'two', context: { cluster: 'k', user: 'c2' } }],
      users: [user('c1', 'eticloud'), user('c2', 'legacy'), user('unused', 'legacy')],
    }));
    const c = await check(b);
    expect(c.status).toBe('warn');
    expect(c.details).toEqual([
      'c2 (cluster c2) via aws-iam-authenticator: profile legacy is not one duo-sso logs in (config.json has eticloud)',
      'c1 (cluster c1) via aws-iam-authenticator: profile eticloud',
    ]);
    expect(c.data.users.map((u: any) => [u.user, u.contexts])).toEqual([['c2', ['two']], ['c1', ['one']]]);
  });

  it('a file kubectl refuses (a name twice in a list) is named, with the reason', async () => {
    const b = await box();
    await b.write('.kube/config', 'apiVersion: v1\nkind: Config\nusers:\n- name: u\n  user: {token: a}\n- name: u\n  user: {token: b}\n');
    const c = await check(b);
    expect(c.status).toBe('warn');
    expect(c.summary).toBe(`${b.path('.kube/config')}: kubectl refuses to load it (duplicate name "u" in users)`);
  });
});
