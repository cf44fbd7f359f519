// The default region: `config init` (flag, or the organisation policy's) and `setup` write
// `region` into ~/.aws/config for config.json's profiles that have none, never touching one
// that has; the dry run shows it and writes nothing. The real AWS CLI reads the result.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { chmod, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Sandbox } from '../support/sandbox.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

const isRoot = process.getuid?.() === 0;
const EXISTING = '# mine\n[profile b]\noutput = json\nregion = us-west-2\n\n[profile other]\noutput = text\n';

async function machine(): Promise<Sandbox> {
  const box = await Sandbox.create({ tools: ['/usr/bin/aws'] });
  cleanups.push(() => box.cleanup());
  await box.write('.aws/config', EXISTING);
  return box;
}

async function awsRegion(box: Sandbox, profile: string): Promise<string> {
  const r = await box.exec('/usr/bin/aws', ['configure', 'get', 'region', '--profile', profile]);
  return r.stdout.trim();
}

const PROFILES = ['--profile', 'a=111111111111:admin', '--profile', 'b=222222222222:admin'];

describe('default region', () => {
  it('config init --region: sets it for the profile without one, keeps the other\'s, leaves the rest byte for byte; --dry-run writes nothing', async () => {
    const box = await machine();
    const dry = await box.run(['config', 'init', '--yes', '--dry-run', ...PROFILES, '--region', 'eu-west-1']);
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/would set region eu-west-1 for a in \S+\/\.aws\/config; kept b's us-west-2/);
    expect(await box.read('.aws/config')).toBe(EXISTING);

    const r = await box.run(['config', 'init', '--yes', '--json', ...PROFILES, '--region', 'eu-west-1']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.region).toMatchObject({ region: 'eu-west-1', set: ['a'], kept: [{ profile: 'b', region: 'us-west-2' }], dryRun: false });
    expect(await box.read('.aws/config')).toBe(`${EXISTING}\n[profile a]\nregion = eu-west-1\n`);
    expect(await readdir(box.path('.aws'))).toContainEqual(expect.stringMatching(/^config\..*\.bak$/));
    expect([await awsRegion(box, 'a'), await awsRegion(box, 'b'), await awsRegion(box, 'other')]).toEqual(['eu-west-1', 'us-west-2', '']);
  });

  it('refuses a name that is not a region (exit 2) and a ~/.aws/config the AWS CLI cannot read, changing nothing', async () => {
    const box = await machine();
    const bad = await box.run(['config', 'init', '--yes', ...PROFILES, '--region', 'Frankfurt']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--region Frankfurt: not an AWS region name');
    const broken = '[profile b]\nregion = us-west-2\n[profile b]\n';
    await box.write('.aws/config', broken);
    const r = await box.run(['config', 'init', '--yes', '--force', ...PROFILES, '--region', 'eu-west-1']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/cannot set the region in \S+: ~\/\.aws\/config does not parse as the AWS CLI reads it \(line 3\)/);
    expect(await box.read('.aws/config')).toBe(broken);
    expect(existsSync(box.path('.config/duo-sso/config.json'))).toBe(false);
  });

  it.runIf(isRoot)('config init takes the organisation policy\'s region when none is given', async () => {
    const box = await machine();
    const policy = join(box.root, 'policy.json');
    await writeFile(policy, JSON.stringify({ region: 'ap-south-1' }));
    await chmod(policy, 0o644);
    const r = await box.run(['config', 'init', '--yes', ...PROFILES], { env: { DUO_SSO_SETUP_POLICY: policy } });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await awsRegion(box, 'a')).toBe('ap-south-1');
    expect(await awsRegion(box, 'b')).toBe('us-west-2');
  });

  it('config init without --region or a policy leaves ~/.aws/config alone', async () => {
    const box = await machine();
    const r = await box.run(['config', 'init', '--yes', ...PROFILES]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await box.read('.aws/config')).toBe(EXISTING);
  });

  it('setup with an existing config.json: its region step shows in the dry run what it would set, and writes nothing', async () => {
    const box = await machine();
    await box.write('.config/duo-sso/config.json', JSON.stringify({ session_duration_seconds: 3600, profiles: { a: { aws_account_id: '111111111111', aws_role_name: 'admin' }, b: { aws_account_id: '222222222222', aws_role_name: 'admin' } } }));
    const r = await box.run(['setup', '--dry-run', '--json', '--no-login', '--no-completion', '--region', 'eu-north-1'], { timeoutMs: 120_000 });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.steps.find((st: any) => st.id === 'region')).toMatchObject({ status: 'done', detail: expect.stringMatching(/^would set region eu-north-1 for a in \S+; kept b's us-west-2$/) });
    expect(await box.read('.aws/config')).toBe(EXISTING);
    const human = await box.run(['setup', '--dry-run', '--no-login', '--no-completion'], { timeoutMs: 120_000 });
    expect(human.stdout).toMatch(/Default AWS region: would set region us-east-1 for a in \S+; kept b's us-west-2 \(default; --region to choose another\)/);
    // Without a terminal and without --yes, the region is among what setup would do, and nothing changes.
    const ask = await box.run(['setup', '--no-login', '--no-completion'], { timeoutMs: 120_000 });
    expect(ask.exitCode).toBe(1);
    expect(ask.stderr).toMatch(/nothing was changed: setup would .*set a region for a/);
    expect(await box.read('.aws/config')).toBe(EXISTING);
  }, 300_000);

  it('doctor names a profile the AWS CLI finds no region for; --fix shows the plan, --dry-run writes nothing, --yes writes it and the AWS CLI reads it', async () => {
    const box = await machine();
    await box.write('.config/duo-sso/config.json', JSON.stringify({ session_duration_seconds: 3600, profiles: { a: { aws_account_id: '111111111111', aws_role_name: 'admin' }, b: { aws_account_id: '222222222222', aws_role_name: 'admin' } } }));
    const found = await box.run(['doctor', '--json', '--only', 'region']);
    expect(found.exitCode, found.stderr).toBe(0);
    expect(found.json.checks[0]).toMatchObject({ id: 'region', status: 'warn', summary: 'no region for a: the AWS CLI refuses its commands ("You must specify a region")', fix: { automatic: true, commands: [['aws', 'configure', 'set', 'region', 'us-east-1', '--profile', 'a']] } });
    // No terminal, no --yes: the plan is shown and refused.
    const plan = await box.run(['doctor', '--fix', '--only', 'region']);
    expect(plan.exitCode).not.toBe(0);
    expect(plan.stderr).toMatch(/Plan \(not carried out\):\nwould fix region: Set region us-east-1 for a in \S+\/\.aws\/config \(backup first[^\n]*\n {2}\$ aws configure set region us-east-1 --profile a\n/);
    const dry = await box.run(['doctor', '--fix', '--dry-run', '--only', 'region']);
    expect(dry.stderr).toMatch(/would fix region: Set region us-east-1 for a/);
    expect(await box.read('.aws/config')).toBe(EXISTING);
    const fixed = await box.run(['doctor', '--fix', '--yes', '--json', '--only', 'region']);
    expect(fixed.exitCode, fixed.stderr).toBe(0);
    expect(fixed.json.checks[0]).toMatchObject({ id: 'region', status: 'ok', fixed: true });
    expect(await box.read('.aws/config')).toBe(`${EXISTING}\n[profile a]\nregion = us-east-1\n`);
    expect(await readdir(box.path('.aws'))).toContainEqual(expect.stringMatching(/^config\..*\.bak$/));
    expect([await awsRegion(box, 'a'), await awsRegion(box, 'b')]).toEqual(['us-east-1', 'us-west-2']);
  }, 120_000);
});
