// The doctor's region check, judged by botocore itself (Debian's awscli under /usr/bin/python3):
// a profile is named as having no region exactly when botocore's own Session finds none (or an
// empty one) for it, with the environment variables it reads; the automatic fix writes the
// region into those profiles' sections only, backup first, and botocore then finds it.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PYTHON, oracleAvailable } from '../support/botocore-oracle.js';
import { regionCheck, regionResult } from '../../src/doctor/checks/region.js';
import { regionVariable } from '../../src/aws/region.js';
import { resolvePaths, type Env } from '../../src/platform/paths.js';
import type { CheckContext } from '../../src/check/types.js';

// For each case: botocore's region for each profile (null: none; a profile it cannot find has none either).
const ORACLE = `
import json, os, sys
import awscli.botocore  # noqa: F401 (puts Debian's botocore on the path as botocore)
import botocore.session, botocore.exceptions
out = []
for case in json.load(sys.stdin):
    for k in ('AWS_REGION', 'AWS_DEFAULT_REGION'):
        os.environ.pop(k, None)
    os.environ.update(case['env'])
    os.environ['AWS_CONFIG_FILE'] = case['config']
    os.environ['AWS_SHARED_CREDENTIALS_FILE'] = case['credentials']
    found = {}
    for p in case['profiles']:
        try:
            found[p] = botocore.session.Session(profile=p).get_config_variable('region')
        except botocore.exceptions.ProfileNotFound:
            found[p] = None
    out.append(found)
print(json.dumps(out))
`;

interface Case { name: string; config?: string; credentials?: string; env: Env; profiles: string[] }

const CASES: Case[] = [
  { name: '[default] has one, x none', config: '[default]\nregion = eu-west-1\n\n[profile x]\noutput = json\n\n[profile y]\nregion = us-west-2\n', env: {}, profiles: ['x', 'y', 'default'] },
  { name: 'x\'s region in the credentials file', config: '[profile x]\noutput = json\n', credentials: '[x]\nregion = sa-east-1\n', env: {}, profiles: ['x'] },
  { name: 'an empty region line', config: '[profile x]\nregion =\n[profile y]\nregion = ap-south-1\n', env: {}, profiles: ['x', 'y'] },
  { name: 'header spellings', config: '[profile "x"]\nregion = eu-north-1\n[profile  y]\noutput = text\n[ profile z ]\nregion = eu-west-3\n', env: {}, profiles: ['x', 'y', 'z'] },
  { name: 'no ~/.aws files', env: {}, profiles: ['x', 'default'] },
  { name: 'AWS_DEFAULT_REGION', config: '[profile x]\noutput = json\n', env: { AWS_DEFAULT_REGION: 'eu-central-1' }, profiles: ['x'] },
  { name: 'AWS_REGION over AWS_DEFAULT_REGION', config: '[profile x]\noutput = json\n', env: { AWS_REGION: 'us-east-2', AWS_DEFAULT_REGION: 'eu-central-1' }, profiles: ['x'] },
  { name: 'an empty AWS_REGION wins over the profile\'s', config: '[profile x]\nregion = us-west-2\n', env: { AWS_REGION: '' }, profiles: ['x'] },
  { name: 'an empty AWS_DEFAULT_REGION', config: '[profile x]\nregion = us-west-2\n', env: { AWS_DEFAULT_REGION: '' }, profiles: ['x'] },
];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'doctor-region-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function contextFor(home: string, c: Case): Promise<CheckContext> {
  const paths = resolvePaths({ HOME: home });
  await mkdir(join(home, '.aws'), { recursive: true });
  await mkdir(join(home, '.config', 'duo-sso'), { recursive: true });
  if (c.config !== undefined) await writeFile(paths.awsConfig, c.config);
  if (c.credentials !== undefined) await writeFile(paths.awsCredentials, c.credentials);
  const profiles = Object.fromEntries(c.profiles.map((p, i) => [p, { aws_account_id: String(111111111111 * (i + 1)), aws_role_name: 'admin' }]));
  await writeFile(paths.duoConfig, JSON.stringify({ url: 'https://cloudsso.cisco.com', profiles }));
  return { env: { HOME: home, ...c.env }, paths, options: { json: false, yes: true, dryRun: false, verbose: false, color: false }, now: () => new Date() } as unknown as CheckContext;
}

describe.skipIf(!oracleAvailable())('region check, judged by botocore', () => {
  it('names exactly the profiles botocore finds no region for, and fails on an empty variable botocore would use', async () => {
    const contexts = await Promise.all(CASES.map((c, i) => contextFor(join(dir, String(i)), c)));
    const input = JSON.stringify(CASES.map((c, i) => ({ env: c.env, profiles: c.profiles, config: contexts[i]!.paths.awsConfig, credentials: contexts[i]!.paths.awsCredentials })));
    const r = spawnSync(PYTHON, ['-c', ORACLE], { input, env: { PATH: '/usr/bin:/bin', HOME: dir, LC_ALL: 'C.UTF-8' } });
    expect(r.status, r.stderr.toString()).toBe(0);
    const botocore = JSON.parse(r.stdout.toString()) as Record<string, string | null>[];
    expect(botocore).toHaveLength(CASES.length);
    const verdicts = await Promise.all(contexts.map((ctx) => regionCheck.run(ctx)));
    CASES.forEach((c, i) => {
      const found = botocore[i]!;
      const emptyVariable = regionVariable(c.env)?.value === '';
      const without = c.profiles.filter((p) => found[p] === null || found[p]!.trim() === '');
      const v = verdicts[i]!;
      if (emptyVariable) {
        // botocore hands out the empty string for every profile, whatever the files say.
        expect(c.profiles.map((p) => found[p]), c.name).toEqual(c.profiles.map(() => ''));
        expect(v.status, c.name).toBe('fail');
      } else {
        expect(v.status, c.name).toBe(without.length > 0 ? 'warn' : 'ok');
        if (!regionVariable(c.env)) expect(v.data?.missing, c.name).toEqual(without);
      }
    });
    // The cases cover each verdict (a test over cases that all agree would say little).
    expect(verdicts.map((v) => v.status).sort()).toEqual(['fail', 'fail', 'ok', 'ok', 'ok', 'warn', 'warn', 'warn', 'warn']);
    // [default]'s region does not reach a named profile: the AWS CLI's "You must specify a region".
    expect(botocore[0]).toEqual({ x: null, y: 'us-west-2', default: 'eu-west-1' });
  });

  it('its fix writes the region into the named profiles only (backup kept, the rest byte for byte); a dry run writes nothing', async () => {
    const config = '# mine\n[default]\nregion = eu-west-1\n\n[profile x]\noutput = json\n\n[profile y]\nregion = us-west-2\n';
    const ctx = await contextFor(dir, { name: 'fix', config, env: {}, profiles: ['x', 'y', 'z'] });
    const found = await regionCheck.run(ctx);
    expect(found.status).toBe('warn');
    expect(found.fix).toMatchObject({ automatic: true, commands: [['aws', 'configure', 'set', 'region', 'us-east-1', '--profile', 'x'], ['aws', 'configure', 'set', 'region', 'us-east-1', '--profile', 'z']] });
    expect(found.fix!.description).toContain(`for x, z in ${ctx.paths.awsConfig} (backup first`);

    await regionCheck.fix!({ ...ctx, options: { ...ctx.options, dryRun: true } }, found);
    expect(await readFile(ctx.paths.awsConfig, 'utf8')).toBe(config);

    await regionCheck.fix!(ctx, found);
    expect(await readFile(ctx.paths.awsConfig, 'utf8')).toBe('# mine\n[default]\nregion = eu-west-1\n\n[profile x]\noutput = json\nregion = us-east-1\n\n[profile y]\nregion = us-west-2\n\n[profile z]\nregion = us-east-1\n');
    expect(await readdir(join(dir, '.aws'))).toContainEqual(expect.stringMatching(/^config\..*\.bak$/));
    expect(await regionCheck.run(ctx)).toMatchObject({ status: 'ok', summary: 'every profile has a region' });
  });
});

describe('regionResult', () => {
  const base = { profiles: ['x'], gap: { ok: true as const, missing: ['x'] }, variable: undefined, region: 'ap-south-1', fromPolicy: true, awsConfig: '/h/.aws/config' };
  it('writes the organisation policy\'s region when there is one, and says so', () => {
    const r = regionResult(base);
    expect(r.fix?.commands).toEqual([['aws', 'configure', 'set', 'region', 'ap-south-1', '--profile', 'x']]);
    expect(r.fix?.description).toBe('Set region ap-south-1 (the organisation policy\'s) for x in /h/.aws/config (backup first; everything else in it stays as it is)');
  });
  it('skips without profiles, and when the ~/.aws files cannot be read as botocore reads them', () => {
    expect(regionResult({ ...base, profiles: [] }).status).toBe('skip');
    expect(regionResult({ ...base, gap: { ok: false, reason: 'broken' } })).toMatchObject({ status: 'skip', summary: 'cannot tell: broken' });
  });
  it('with a region variable: ok, naming the profiles that rely on it', () => {
    expect(regionResult({ ...base, variable: { name: 'AWS_DEFAULT_REGION', value: 'eu-west-2' } })).toMatchObject({
      status: 'ok', summary: 'AWS_DEFAULT_REGION=eu-west-2 gives every profile its region',
      details: ['x has no region of its own: where AWS_DEFAULT_REGION is not set the AWS CLI refuses it.'],
    });
  });
});
