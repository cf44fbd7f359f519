// What to tell the user when a login stops: what happened, what the profile asked for, and
// the command that helps. The shared knowledge base explains failures login cannot repair.
import { diagnose } from '../knowledge/index.js';
import { MAX_RUNS, SAFE_DURATION, type Failure } from './repair.js';
import type { ProfileSummary } from '../config/model.js';
import type { LoadedConfig } from './preflight.js';
import type { DuoRun } from './run-duo-sso.js';
import type { Problem } from './render.js';

export function explain(failure: Failure, run: DuoRun, config: LoadedConfig): Problem {
  const forRole = (role: string) => config.profiles.filter((p) => p.role === role && !run.summary.saved.includes(p.name));
  switch (failure.kind) {
    case 'access-denied': {
      const asked = forRole(failure.role).map((p) => `profile ${p.name} asks for role '${p.role}' in account ${p.accountId}`);
      const granted = run.summary.listed.map((g) => `${g.account} ${g.role}`);
      return {
        id: 'access-denied-role',
        message: `STS refused role '${failure.role}': ${failure.message}`,
        details: [
          ...asked,
          granted.length > 0 ? `your SSO grants: ${granted.join(', ')}` : 'Your SSO login does not grant that role in that account (a typo in aws_account_id or aws_role_name, or access not yet given).',
        ],
        commands: [['duo-sso-setup', 'saml', 'inspect', '-']],
      };
    }
    case 'first-run-certificate':
      return {
        id: 'first-run-client-certificate',
        message: 'the SSO page wants a client certificate chosen in the browser (first login on this machine)',
        details: ['That needs a terminal and a visible browser: run this once yourself, then logins work unattended.'],
        commands: [['duo-sso-setup', 'login', '--interactive']],
      };
    case 'max-session-duration':
      return {
        id: 'max-session-duration',
        message: `STS refused role '${failure.role}': The requested DurationSeconds exceeds the MaxSessionDuration set for this role`,
        details: ['No profile using that role asks for more than 3600 s, which every role allows; check the -session-duration given to duo-sso.'],
        commands: [['duo-sso-setup', 'config', 'validate']],
      };
    default: {
      const detail = failure.kind === 'other' ? failure.detail : `${failure.kind}${'role' in failure && failure.role ? ` (role '${failure.role}')` : ''}`;
      // The shared knowledge base may know this one (IdP rejected claim, region disabled, a
      // role-chaining limit or an expired assertion that a retry did not cure, ...).
      const known = diagnose(run.lines.join('\n'))[0];
      if (known) {
        return {
          id: known.id,
          message: `duo-sso failed: ${detail}`,
          details: [known.title, ...(known.detail ? [known.detail] : []), known.explanation, ...(known.fix.description ? [`Fix: ${known.fix.description}`] : [])],
          commands: known.fix.commands,
        };
      }
      return { id: failure.kind, message: `duo-sso failed: ${detail}`, details: run.lines.slice(-5), commands: [['duo-sso-setup', 'troubleshoot', '--file', '-']] };
    }
  }
}

export function gaveUp(failure: Failure, run: DuoRun, left: readonly string[]): Problem {
  const last = failure.kind === 'other' ? failure.detail : failure.kind;
  // A refused duration is repaired one profile per run: another login carries on from here.
  const again = failure.kind === 'max-session-duration' || failure.kind === 'expired-assertion';
  return {
    id: 'gave-up',
    message: `still failing after ${MAX_RUNS} runs of duo-sso (last: ${last})${left.length > 0 ? `; not logged in: ${left.join(', ')}` : ''}`,
    details: run.lines.slice(-5),
    commands: again ? [['duo-sso-setup', 'login', ...left.flatMap((p) => ['--profile', p])]] : [['duo-sso-setup', 'troubleshoot', '--file', '-']],
  };
}

/** duo-sso already ran MAX_RUNS times in this login, without a failure left to report. */
export function budgetSpent(left: readonly string[]): Problem {
  return {
    id: 'gave-up',
    message: `duo-sso ran ${MAX_RUNS} times, the most one login runs it${left.length > 0 ? `; not logged in: ${left.join(', ')}` : ''}`,
    commands: left.length > 0 ? [['duo-sso-setup', 'login', ...left.flatMap((p) => ['--profile', p])]] : [],
  };
}

/** STS refused a profile's duration and the user chose not to lower it. */
export function keptDuration(role: string, profile: ProfileSummary, asked: number): Problem {
  return {
    id: 'max-session-duration',
    message: `STS refused role '${role}' in account ${profile.accountId} for profile ${profile.name} at ${asked} s (the role allows less); its duration was left as it is`,
    details: [`Lower it (${SAFE_DURATION} s works for every role) and log in again.`],
    commands: [
      ['duo-sso-setup', 'config', 'add-profile', profile.name, '--account', profile.accountId, '--role', profile.role, '--duration', String(SAFE_DURATION), '--force'],
      ['duo-sso-setup', 'login', '--profile', profile.name],
    ],
  };
}

/** A profile the SSO does not grant (STS AccessDenied, or duo-sso's own "not available to you"). */
export interface Denied {
  profile: string;
  account: string;
  role: string;
  /** The refusal as duo-sso printed it (redacted). */
  message: string;
  source: 'sts' | 'duo-sso';
  /** What the assertion grants, when duo-sso showed it. */
  granted: readonly { account: string; role: string }[];
}

/**
 * The one profile a refusal is about, or undefined when it cannot be told: the profile duo-sso
 * named, else the one run alone, else the only pending profile with that account and role.
 */
export function blameDenied(
  failure: Extract<Failure, { kind: 'access-denied' }>,
  pending: readonly ProfileSummary[],
  only: string | undefined,
): ProfileSummary | undefined {
  const named = failure.profile ?? only;
  if (named) return pending.find((p) => p.name === named);
  const fits = pending.filter((p) => (!failure.role || p.role === failure.role) && (!failure.account || p.accountId === failure.account));
  return fits.length === 1 ? fits[0] : undefined;
}

/**
 * The end of a login some profiles of which the SSO does not grant: which, why, and the three
 * ways out (ask for access, correct account/role, drop the profile), with the exact commands.
 */
export function deniedProblem(denied: readonly Denied[], loggedIn: readonly string[], configPath: string, other?: Problem): Problem {
  const names = denied.map((d) => d.profile);
  const details: string[] = [];
  for (const d of denied) {
    details.push(`${d.profile}: role '${d.role}' in account ${d.account} — ${d.source === 'sts' ? `STS: ${d.message}` : `duo-sso: ${d.message}`}`);
    const granted = d.granted.map((g) => `${g.account} ${g.role}`);
    if (granted.length > 0) details.push(`  your SSO grants: ${granted.join(', ')}`);
  }
  details.push(loggedIn.length > 0 ? `Logged in: ${loggedIn.join(', ')}.` : 'No profile logged in.');
  details.push(`Fix: ask your AWS account owner for ${denied.length === 1 ? 'that role' : 'those roles'}; or correct aws_account_id / aws_role_name (duo-sso-setup config add-profile NAME --account ID --role ROLE --force); or drop ${denied.length === 1 ? 'it' : 'them'} from ${configPath}:`);
  if (other) details.push(`Also: ${other.message}`, ...(other.details ?? []));
  const fixes = denied.flatMap((d) => {
    // A role the assertion does grant in that same account is very likely the intended one.
    const same = d.granted.filter((g) => g.account === d.account && g.role !== d.role);
    return same.length === 1 ? [['duo-sso-setup', 'config', 'add-profile', d.profile, '--account', d.account, '--role', same[0]!.role, '--force']] : [];
  });
  return {
    id: 'access-denied-role',
    message: denied.length === 1
      ? `${names[0]} is not granted to you: ${denied[0]!.source === 'sts' ? `STS refused role '${denied[0]!.role}': ${denied[0]!.message}` : denied[0]!.message}`
      : `${names.join(', ')} are not granted to you`,
    details,
    commands: [...fixes, ...names.map((n) => ['duo-sso-setup', 'config', 'remove-profile', n]), ...(other?.commands ?? [])],
  };
}
