// duo-sso's own refusal of a configured profile the SSO does not grant, before any STS call.
// It stops the run for every profile; `login` logs the others in without it (login/login.ts).
import type { KnownFailure } from './types.js';

export const notGrantedFailures: readonly KnownFailure[] = [
  {
    id: 'profile-not-available',
    title: 'A configured profile\'s account and role are not granted to you',
    group: 'duo-sso',
    patterns: [
      /role\s+'[^'\n]+'(?:\s+for\s+profile\s+'(?<profile>[^'\n]+)')?[^\n]*\bis not available to you/i,
      /\bnot available to you\b/i,
    ],
    explanation:
      'duo-sso checks every profile in config.json against the accounts and roles your SSO login grants, and stops for all '
      + 'of them when one is not granted: a typo in aws_account_id or aws_role_name, or access not (yet) given. '
      + '`duo-sso-setup login` logs the other profiles in without it and names it.',
    fix: {
      description: 'Ask your AWS account owner for the role; or correct the profile\'s account and role; or drop the profile from config.json',
      commands: [['duo-sso-setup', 'config', 'profiles'], ['duo-sso-setup', 'config', 'remove-profile', '<profile>']],
      automatic: false,
    },
    describe: (f) => (f.profile ? `Profile '${f.profile}'${f.account ? ` (account ${f.account})` : ''} is the one not granted.` : undefined),
    example: "Error: AWS account 123456789012 / role 'admin' for profile 'eticloud-prod' is not available to you",
  },
];
