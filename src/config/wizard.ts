// The `config init` wizard: asks the questions, validates each answer against the policy
// as it is typed, and returns the same InitOptions the --yes flags produce.
import type { InitOptions, InitProfile } from './init.js';
import { DEFAULTS } from './model.js';
import { POLICY, policyCap } from '../policy/caps.js';
import type { Prompter } from '../ui/prompt.js';
import { DUO_FACTORS } from './validate.js';
import { isAccountId, isRoleName, isUsableProfileName } from '../aws/names.js';
import { isRegionName } from '../aws/region.js';
import { FALLBACK_REGION } from './region.js';

const ROLES = ['admin', 'devops', 'another role'] as const;

export function durationValidator(cap: number): (value: string) => true | string {
  return (value) => {
    const n = Number(value.trim());
    if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n)) return 'a whole number of seconds';
    if (n < POLICY.minSeconds) return `at least ${POLICY.minSeconds} s (the STS minimum)`;
    // No flag takes more either (config init --yes refuses it too): a role SRE raised is learned
    // by login (iam:GetRole), which then offers the longer session.
    if (n > cap) return `at most ${cap} s (the policy cap; when SRE has raised the role, duo-sso-setup login learns it and offers more)`;
    return true;
  };
}

export async function askInitOptions(prompt: Prompter, opts: { exists: boolean; force: boolean; region?: string }): Promise<InitOptions | undefined> {
  if (opts.exists && !opts.force) {
    const replace = await prompt.confirm('A config.json already exists. Replace it (the old one is backed up first)?', false);
    if (!replace) return undefined;
  }
  const url = await prompt.input('duo-sso sign-in URL', { initial: DEFAULTS.url, validate: (v) => /^https:\/\/\S+$/.test(v.trim()) || 'an https:// URL' });
  const device = await prompt.input('Duo device', { initial: DEFAULTS.preferred_device, validate: (v) => v.trim() !== '' || 'a device name, e.g. phone1' });
  const factor = await prompt.select('Duo factor', DUO_FACTORS, DEFAULTS.preferred_factor);
  const top = Number(await prompt.input(
    `Session duration in seconds for logins without a profile (${POLICY.minSeconds}-${POLICY.nonProductionCap}; 3600 works for every role)`,
    { initial: String(DEFAULTS.session_duration_seconds), validate: durationValidator(POLICY.nonProductionCap) },
  ));
  const profiles: InitProfile[] = [];
  const production: string[] = [];
  let more = await prompt.confirm('Add named profiles (one per account and role, for aws --profile NAME)? Without them duo-sso asks at each login.', true);
  while (more) {
    const taken = new Set(profiles.map((p) => p.name));
    const name = await prompt.input('Profile name', {
      validate: (v) => (!isUsableProfileName(v.trim()) ? 'letters, digits and . _ - + @ only' : taken.has(v.trim()) ? 'already used' : true),
    });
    const accountId = await prompt.input('AWS account id (12 digits)', { validate: (v) => isAccountId(v.trim()) || 'exactly 12 digits, e.g. 012345678901' });
    let role = await prompt.select('Role', ROLES, 'admin');
    if (role === 'another role') role = await prompt.input('Role name', { validate: (v) => isRoleName(v.trim()) || 'an IAM role name: letters, digits and + = , . @ _ -' });
    const isProduction = await prompt.confirm('Is this a production account?', false);
    const cap = policyCap(isProduction);
    const seconds = Number(await prompt.input(`Session duration in seconds (${POLICY.minSeconds}-${cap})`, {
      initial: String(Math.min(top, cap)),
      validate: durationValidator(cap),
    }));
    profiles.push({ name, accountId, role, seconds });
    if (isProduction) production.push(name);
    more = await prompt.confirm('Add another profile?', false);
  }
  // Without one the AWS CLI refuses every command of these profiles ("You must specify a region").
  const region = profiles.length > 0
    ? (await prompt.input('Default AWS region for these profiles (written to ~/.aws/config where a profile has none)', {
      initial: opts.region ?? FALLBACK_REGION,
      validate: (v) => isRegionName(v.trim()) || 'an AWS region name, e.g. us-east-1 or eu-west-1',
    })).trim()
    : undefined;
  return { url, device, factor, sessionDuration: top, profiles, production, force: opts.exists, ...(region ? { region } : {}) };
}

/**
 * The questions the wizard would ask, without asking anyone (setup --dry-run names them). The
 * wizard itself is walked: every yes/no is answered yes (so every branch is visited), every
 * other answer is its default, and the walk ends where a question comes round again (a loop).
 */
export async function wizardQuestions(opts: { exists: boolean; force: boolean }): Promise<string[]> {
  const asked: string[] = [];
  const looped = new Error('the wizard loops');
  const ask = (message: string): void => {
    if (asked.includes(message)) throw looped;
    asked.push(message);
  };
  const walker: Prompter = {
    input: async (message, o) => (ask(message), o?.initial ?? ''),
    confirm: async (message) => (ask(message), true),
    select: async (message, choices, initial) => (ask(message), initial ?? choices[0] ?? ''),
    multiselect: async (message, _choices, initial) => (ask(message), [...initial]),
    secret: async (message) => (ask(message), ''),
  };
  await askInitOptions(walker, opts).catch((error: unknown) => {
    if (error !== looped) throw error;
  });
  return asked;
}
