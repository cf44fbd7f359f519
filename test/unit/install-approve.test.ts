// The plan is the contract: the executor runs only approved plans, and removing software we
// did not install (pip's AWS CLI v1) is never part of a plain yes.
import { describe, expect, it } from 'vitest';
import { approvePlans, type ApproveContext } from '../../src/install/approve.js';
import { withV1Removal } from '../../src/install/remove-v1.js';
import { planToJson, renderPlanHuman } from '../../src/install/render-plan.js';
import type { Plan } from '../../src/install/types.js';
import { awsCliRemedy, classifyAwsCli, pipAwsCliV1 } from '../../src/remedies/aws-cli.js';
import { UserError } from '../../src/errors.js';

const V1 = '/home/ann/.pyenv/shims/aws';
const awsPlan: Plan = { component: 'aws-cli', method: 'zip', summary: 'zip', notes: [], steps: [{ kind: 'verify', title: 'Check aws', argv: ['aws', '--version'], expect: 'aws-cli/2' }] };
const plain = { color: false, unicode: true } as never;

function context(over: { yes?: boolean; canPrompt?: boolean } = {}): ApproveContext {
  return { options: { json: false, yes: over.yes ?? false, dryRun: false, verbose: false, color: false }, canPrompt: over.canPrompt ?? false, hasTerminal: over.canPrompt ?? false };
}

describe('a pip-installed AWS CLI v1 in the plan', () => {
  const plans = (requested: boolean) => withV1Removal([awsPlan], { awsCliV1: V1, options: { removeAwsCliV1: requested } as never });

  it('is a step of the plan, first (pip removes what it recorded, maybe ~/.local/bin/aws), shown in text and JSON', () => {
    const [plan] = plans(false);
    expect(plan!.steps.map((s) => s.kind)).toEqual(['remove-software', 'verify']);
    const text = renderPlanHuman(plans(false), plain, { dryRun: true });
    expect(text).toContain(`Remove the pip-installed AWS CLI v1 at ${V1} [only with --remove-aws-cli-v1]`);
    expect(text).toContain('$ pip uninstall --yes awscli');
    expect(planToJson(plan!).steps).toContainEqual(expect.objectContaining({ kind: 'remove-software', consent: { flag: '--remove-aws-cli-v1', requested: false }, commands: [['pip', 'uninstall', '--yes', 'awscli']] }));
  });

  it('a plan of its own when nothing else is installed (v2 already there, v1 shadows it)', () => {
    const out = withV1Removal([], { awsCliV1: V1, options: { removeAwsCliV1: false } as never });
    expect(out.map((p) => [p.component, p.method, p.steps.map((s) => s.kind)])).toEqual([['aws-cli', 'remove-v1', ['remove-software']]]);
  });

  it('--yes alone leaves it out of what runs (it is reported as left)', async () => {
    const [approved] = await approvePlans(context({ yes: true }), plans(false));
    expect(approved!.steps.map((s) => s.kind)).toEqual(['verify']);
    expect(approved!.left.map((s) => s.kind)).toEqual(['remove-software']);
  });

  it('--remove-aws-cli-v1 --yes keeps it', async () => {
    const [approved] = await approvePlans(context({ yes: true }), plans(true));
    expect(approved!.steps.map((s) => s.kind)).toEqual(['remove-software', 'verify']);
  });

  it('at a terminal, its own question defaults to No, and the default leaves it installed', async () => {
    const asked: [string, boolean][] = [];
    const [approved] = await approvePlans(context({ canPrompt: true }), plans(false), async (q, initial) => {
      asked.push([q, initial]);
      return initial;
    });
    expect(asked).toEqual([['Go ahead?', true], [expect.stringContaining(`Remove the pip-installed AWS CLI v1 at ${V1}`), false]]);
    expect(approved!.steps.map((s) => s.kind)).toEqual(['verify']);
  });

  it('without a terminal and without --yes nothing is approved at all', async () => {
    await expect(approvePlans(context(), plans(true))).rejects.toThrow(/nothing was changed/);
  });
});

describe('a new gpg key without an identity', () => {
  it('is refused before anything runs: never a made-up "duo-sso user"', async () => {
    const plan: Plan = { component: 'pass-gpg', method: 'package', summary: '', notes: [], steps: [{ kind: 'gpg-key', title: 'key', name: '', email: '', passphrase: false }] };
    const error = await approvePlans(context({ yes: true }), [plan]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).opts.hint).toMatch(/--gpg-name .*--gpg-email/);
  });
});

describe('one remedy for the AWS CLI finding', () => {
  it('a pip v1 shadowing v2: remove v1 (never automatic), the same for doctor, setup and upgrade', () => {
    const finding = classifyAwsCli([{ path: V1, major: 1 }, { path: '/usr/local/bin/aws', major: 2 }]);
    expect(finding.kind).toBe('shadowed');
    const fix = awsCliRemedy(finding)!;
    expect(fix.commands).toEqual([['pip', 'uninstall', '--yes', 'awscli']]);
    expect(fix.automatic).toBe(false);
    expect(fix.description).toContain('--remove-aws-cli-v1');
    expect(pipAwsCliV1(finding)).toBe(V1);
  });

  it('v1 alone: install v2; v2 first: nothing; none: install', () => {
    expect(awsCliRemedy(classifyAwsCli([{ path: V1, major: 1 }]))!.commands).toEqual([['duo-sso-setup', 'install', 'aws-cli']]);
    expect(awsCliRemedy(classifyAwsCli([{ path: '/usr/bin/aws', major: 2 }, { path: V1, major: 1 }]))).toBeUndefined();
    expect(awsCliRemedy(classifyAwsCli([]))!.commands).toEqual([['duo-sso-setup', 'install', 'aws-cli']]);
  });
});
