// The organisation policy file (src/policy): found, trusted (root's, not writable by others),
// valid, and config.json carries every profile it requires. It says which file applied and
// why (the system location always wins over DUO_SSO_SETUP_POLICY). The session caps it sets are
// judged by the session-duration check, which reads the same policy.
import { readConfig } from '../../config/read-config.js';
import { listProfiles } from '../../config/model.js';
import { problemLine, type OrgPolicy, type RequiredProfile } from '../../policy/policy.js';
import { readPolicy, type PolicyRead } from '../../policy/read.js';
import { result, type Check, type CheckResult } from '../../check/types.js';
import { POLICY_ENV } from '../../platform/paths.js';

function data(read: PolicyRead, policy?: OrgPolicy): Record<string, unknown> {
  return { path: read.path, status: read.kind, source: read.source, because: read.because, ...(policy ? { policy } : {}) };
}

export function addProfileCommand(p: RequiredProfile, production: boolean): string[] {
  return ['duo-sso-setup', 'config', 'add-profile', p.name, '--account', p.accountId, '--role', p.role,
    ...(p.seconds !== undefined ? ['--duration', String(p.seconds)] : []), ...(production ? ['--production'] : []), '--force'];
}

/** Required profiles that config.json lacks or names with another account or role. */
export function missingRequired(policy: OrgPolicy, configValue: unknown): Array<{ profile: RequiredProfile; why: string }> {
  const have = new Map(listProfiles(configValue).map((p) => [p.name, p]));
  const out: Array<{ profile: RequiredProfile; why: string }> = [];
  for (const req of policy.requiredProfiles ?? []) {
    const got = have.get(req.name);
    if (!got) out.push({ profile: req, why: `profile "${req.name}" (${req.accountId}:${req.role}) is required by the policy and missing` });
    else if (got.accountId !== req.accountId || got.role !== req.role) {
      out.push({ profile: req, why: `profile "${req.name}" is ${got.accountId}:${got.role}; the policy requires ${req.accountId}:${req.role}` });
    }
  }
  return out;
}

export const policyCheck: Check = {
  id: 'policy',
  title: 'organisation policy',
  async run({ paths }): Promise<CheckResult> {
    const read = await readPolicy(paths);
    switch (read.kind) {
      case 'none':
        return { ...result.skip(`no organisation policy at ${read.path}`, [`Looked at ${read.because}.`]), data: data(read) };
      case 'ignored':
        return result.warn(`${read.path} is ignored: ${read.reason}`, [
          'A policy file must be owned by root and writable by nobody else (as with sudoers), or any user could set their own caps.',
          `Read from ${read.because}.`,
        ], {
          description: 'Ask IT to redeploy it, or make it root\'s and read-only for others',
          commands: [['sudo', 'chown', 'root', read.path], ['sudo', 'chmod', '644', read.path]],
          automatic: false,
        }, data(read));
      case 'invalid':
        return result.fail(`${read.path} is not a valid policy: ${read.problems[0]!.message}`, [...[...read.problems, ...read.warnings].map((p) => problemLine(read.path, p)), `Read from ${read.because}.`], {
          description: 'The policy is not applied until it is corrected: ask whoever deploys it (docs/fleet.md has the schema)',
          commands: [],
          automatic: false,
        }, data(read));
      case 'applied': {
        const notes = [`Applied: ${read.because}.`, ...read.warnings.map((p) => problemLine(read.path, p))];
        const config = await readConfig(paths.duoConfig);
        const missing = config.kind === 'parsed' ? missingRequired(read.policy, config.value) : [];
        const production = new Set(read.policy.productionAccounts ?? []);
        if (missing.length > 0) {
          return result.fail(missing.length === 1 ? missing[0]!.why : `${missing.length} profiles the policy requires are missing or different`, [...missing.map((m) => m.why), ...notes], {
            description: 'Add them to config.json (backup first)',
            commands: missing.map((m) => addProfileCommand(m.profile, production.has(m.profile.accountId))),
            automatic: true,
          }, data(read, read.policy));
        }
        const summary = `${read.path} applied (${read.source === 'system' ? 'the system policy' : `${POLICY_ENV}; no system policy`})${config.kind === 'parsed' ? '; config.json complies' : ''}`;
        return notes.length > 1 ? result.warn(summary, notes, undefined, data(read, read.policy)) : result.ok(summary, notes, data(read, read.policy));
      }
    }
  },
};
