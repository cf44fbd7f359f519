// `login` when the SSO does not grant one configured profile: duo-sso stops for every profile
// (before STS with "not available to you", or at STS with AccessDenied), and login still logs
// the others in, names the refused one with the ways out, and exits 1. The printed fix is run.
import { afterEach, describe, expect, it } from 'vitest';
import { Sandbox } from '../support/sandbox.js';
import { StsServer } from '../support/sts-server.js';
import { installDuoSsoSim, type DuoSsoKnobs } from '../support/duo-sso-sim/index.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

const GRANTED = [{ account: '111111111111', role: 'admin' }, { account: '222222222222', role: 'admin' }, { account: '222222222222', role: 'readonly' }];

async function setup(profiles: Record<string, { account: string; role: string }>, knobs: Partial<DuoSsoKnobs> = {}) {
  const roles = Object.fromEntries(['111111111111', '222222222222', '333333333333'].flatMap((a) => ['admin', 'readonly'].map((r) => [`arn:aws:iam::${a}:role/${r}`, { maxSessionDuration: 3600 }])));
  const sts = await StsServer.start({ roles });
  const box = await Sandbox.create({ tools: ['/usr/bin/aws'], env: { AWS_ENDPOINT_URL_STS: sts.url, AWS_ENDPOINT_URL_IAM: sts.url } });
  cleanups.push(() => sts.close(), () => box.cleanup());
  const sim = await installDuoSsoSim(box, { stsEndpoint: sts.url, grants: GRANTED, ...knobs });
  const config = {
    url: 'https://cloudsso.cisco.com',
    partner_spid: 'https://signin.aws.amazon.com/saml',
    aws_urn: 'https://signin.aws.amazon.com/saml',
    session_duration_seconds: 3600,
    profiles: Object.fromEntries(Object.entries(profiles).map(([n, p]) => [n, { aws_account_id: p.account, aws_role_name: p.role }])),
  };
  await box.write('.config/duo-sso/config.json', `${JSON.stringify(config, null, 2)}\n`);
  return { box, sts, sim };
}

/** nope is the one not granted. */
const FOUR = {
  eticloud: { account: '111111111111', role: 'admin' },
  nope: { account: '333333333333', role: 'admin' },
  scratch: { account: '222222222222', role: 'admin' },
  dev: { account: '222222222222', role: 'readonly' },
};

const sections = (text: string) => [...text.matchAll(/^\[([^\]]+)\]/gm)].map((m) => m[1]);

describe('login with a profile the SSO does not grant', () => {
  it('duo-sso refuses all before STS ("not available to you"): the others log in one by one, the refused one is named with the fix, exit 1', async () => {
    const { box, sim } = await setup(FOUR, { validateGrants: true });
    const r = await box.run(['login', '--yes', '--json']);
    expect(r.exitCode, r.stderr).toBe(1);
    // One run of all (refused as a whole), then one per remaining profile: each settles one, so
    // three profiles fit although a login makes at most 3 runs for repairs.
    expect((await sim.runs()).map((x) => [x.argv, x.exitCode])).toEqual([[[], 1], [['-profile', 'eticloud'], 0], [['-profile', 'scratch'], 0], [['-profile', 'dev'], 0]]);
    expect(r.json.profiles.map((p: any) => [p.name, p.saved, p.verified])).toEqual([['eticloud', true, true], ['nope', false, false], ['scratch', true, true], ['dev', true, true]]);
    expect(r.json.profiles[1].error).toEqual({ code: 'NotGranted', message: "AWS account 333333333333 / role 'admin' for profile 'nope' is not available to you" });
    expect(r.json.problem).toMatchObject({
      id: 'access-denied-role',
      message: "nope is not granted to you: AWS account 333333333333 / role 'admin' for profile 'nope' is not available to you",
      commands: [['duo-sso-setup', 'config', 'remove-profile', 'nope']],
    });
    expect(r.json.problem.details).toContain('Logged in: eticloud, scratch, dev.');
    expect(sections(await box.read('.aws/credentials')).sort()).toEqual(['dev', 'eticloud', 'scratch']);

    // The human summary says the same, and the printed command is the fix.
    const human = await box.run(['login', '--yes', '--no-verify'], { env: { NO_COLOR: '1' } });
    expect(human.exitCode).toBe(1);
    expect(human.stdout).toMatch(/✗ nope +NotGranted: AWS account 333333333333/);
    expect(human.stdout).toMatch(/Fix: ask your AWS account owner for that role; or correct aws_account_id \/ aws_role_name .*; or drop it from .*config\.json:/);
    // What duo-sso and login printed is a known failure for troubleshoot, with the same fix.
    const ts = await box.run(['troubleshoot', '--file', '-', '--json'], { input: `${human.stderr}\n${human.stdout}` });
    expect(ts.exitCode, ts.stdout).toBe(0);
    expect(ts.json.diagnoses[0]).toMatchObject({ id: 'profile-not-available', facts: { profile: 'nope' } });
    expect(ts.json.diagnoses[0].fix.commands).toContainEqual(['duo-sso-setup', 'config', 'remove-profile', 'nope']);
    const printed = [...human.stdout.matchAll(/^ {2}\$ (duo-sso-setup .*)$/gm)].map((m) => m[1]!);
    expect(printed).toEqual(['duo-sso-setup config remove-profile nope']);
    const fix = await box.run([...printed[0]!.split(' ').slice(1), '--yes']);
    expect(fix.exitCode, fix.stderr).toBe(0);
    const after = await box.run(['login', '--yes', '--json']);
    expect(after.exitCode, after.stderr).toBe(0);
    expect((await sim.runs()).at(-1)!.argv).toEqual([]);
  });

  it('STS refuses one profile mid-run (AccessDenied): those saved before it stay, the rest log in without it', async () => {
    const { box, sim } = await setup({
      eticloud: { account: '111111111111', role: 'admin' },
      nope: { account: '333333333333', role: 'admin' },
      scratch: { account: '222222222222', role: 'admin' },
    });
    const r = await box.run(['login', '--yes', '--json']);
    expect(r.exitCode, r.stderr).toBe(1);
    // STS names only the role, which nope and scratch share: each is tried alone to tell them apart.
    expect((await sim.runs()).map((x) => [x.argv, x.saved.map((s) => s.profile), x.exitCode])).toEqual([[[], ['eticloud'], 1], [['-profile', 'nope'], [], 1], [['-profile', 'scratch'], ['scratch'], 0]]);
    expect(r.json.profiles.map((p: any) => [p.name, p.verified])).toEqual([['eticloud', true], ['nope', false], ['scratch', true]]);
    expect(r.json.problem.message).toBe("nope is not granted to you: STS refused role 'admin': Not authorized to perform sts:AssumeRoleWithSAML");
    expect(r.json.problem.details[0]).toBe("nope: role 'admin' in account 333333333333 — STS: Not authorized to perform sts:AssumeRoleWithSAML");
  });

  it('a role the assertion grants in the same account is offered as the corrected role (debug mode shows the grants)', async () => {
    const { box } = await setup({ eticloud: { account: '111111111111', role: 'admin' }, typo: { account: '222222222222', role: 'readonyl' } });
    const config = JSON.parse(await box.read('.config/duo-sso/config.json'));
    await box.write('.config/duo-sso/config.json', JSON.stringify({ ...config, debug: true }));
    const r = await box.run(['login', '--yes', '--json']);
    expect(r.exitCode).toBe(1);
    expect(r.json.profiles.map((p: any) => [p.name, p.verified])).toEqual([['eticloud', true], ['typo', false]]);
    // Two roles granted in 222222222222: no single guess, so only the drop command.
    expect(r.json.problem.commands).toEqual([['duo-sso-setup', 'config', 'remove-profile', 'typo']]);
    await box.write('.config/duo-sso/config.json', JSON.stringify({ ...config, debug: true, profiles: { typo: { aws_account_id: '111111111111', aws_role_name: 'admn' } } }));
    const one = await box.run(['login', '--yes', '--json']);
    expect(one.json.problem.commands[0]).toEqual(['duo-sso-setup', 'config', 'add-profile', 'typo', '--account', '111111111111', '--role', 'admin', '--force']);
    const fixed = await box.run([...one.json.problem.commands[0].slice(1), '--yes']);
    expect(fixed.exitCode, fixed.stderr).toBe(0);
    expect((await box.run(['login', '--yes', '--json'])).exitCode).toBe(0);
  });

  it('named profiles: a refused one does not stop the ones named after it', async () => {
    const { box, sim } = await setup(FOUR, { validateGrants: true });
    const r = await box.run(['login', '--yes', '--json', '-p', 'nope', '-p', 'scratch']);
    expect(r.exitCode).toBe(1);
    expect((await sim.runs()).map((x) => x.argv)).toEqual([['-profile', 'nope'], ['-profile', 'scratch']]);
    expect(r.json.profiles.map((p: any) => [p.name, p.verified])).toEqual([['nope', false], ['scratch', true]]);
  });
});
