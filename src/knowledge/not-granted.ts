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
      /\b(?:role|account|profile)\b[^\n]*\bnot available to you\b/i,
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
  {
    // Any AWS API refusing an action to the role the profile is logged in as: "User: ARN is not
    // authorized to perform: ACTION on resource: X [because no identity-based policy allows it |
    // with an explicit deny in a service control policy]" (IAM's documented access-denied
    // message), EC2's UnauthorizedOperation with an encoded message, S3's bare "Access Denied".
    id: 'action-not-allowed',
    title: 'Logged in, but the role is not allowed this action',
    group: 'credentials',
    patterns: [
      /is not authorized to perform: (?!sts:(?:AssumeRole|AssumeRoleWithSAML|AssumeRoleWithWebIdentity|TagSession|SetSourceIdentity)\b)[\w-]+:[\w*]+/,
      /\((?:AccessDenied|AccessDeniedException|UnauthorizedOperation|UnauthorizedAccess|AuthorizationError|Forbidden|403)\) when calling the (?!AssumeRole)\w+ operation/,
      // The Java SDK's "(Service: …; Status Code: 403; Error Code: AccessDenied …)" and the Go SDK v1's "Code: message\n\tstatus code: 403".
      /Error Code: AccessDenied(?:Exception)?\b/,
      /\bAccessDenied(?:Exception)?: [^\n]*\n\s*status code: 403\b/,
      /with an explicit deny in an? (?:service control|resource control|identity-based|resource-based|permissions boundary|session) policy/,
      /because no (?:identity-based|resource-based|session|permissions boundary) policy allows the [\w-]+:\w+ action/,
      /\bUnauthorizedOperation\b|Encoded authorization failure message: /,
      /api error AccessDenied(?:Exception)?: (?!Not authorized to perform sts:)/,
    ],
    explanation:
      'The login worked: AWS knows who you are, but the role the profile uses has no permission for that action on that '
      + 'resource. Usually the profile is a read-only or narrower role than the task needs (use the profile for the role that '
      + 'has it), the resource is in another account or region than you think, or an organisation guard-rail (a service '
      + 'control policy, a permissions boundary) denies it whatever the role says. EC2\'s encoded message can be decoded with '
      + '`aws sts decode-authorization-message`. A resource with its own policy (an S3 bucket policy, a KMS key policy, a '
      + 'secret\'s resource policy) must allow the role too, or it refuses whatever the role\'s policy says. Logging in again '
      + 'does not change permissions.',
    fix: {
      description: 'Check which role the profile is, use a profile whose role has the permission, or ask the account owner to grant it',
      commands: [['aws', 'sts', 'get-caller-identity', '--profile', '<profile>'], ['duo-sso-setup', 'config', 'profiles']],
      automatic: false,
    },
    describe: (f) => (f.role ? `The profile is logged in as role '${f.role}'${f.account ? ` in account ${f.account}` : ''}.` : undefined),
    example: 'An error occurred (AccessDenied) when calling the ListBuckets operation: User: arn:aws:sts::626007623524:assumed-role/readonly/jdoe is not authorized to perform: s3:ListAllMyBuckets because no identity-based policy allows the s3:ListAllMyBuckets action',
  },
  {
    // The IAM Identity Center portal API (GetRoleCredentials) refusing an account/role the user is
    // not assigned: "ForbiddenException: No access" in every SDK.
    id: 'sso-role-not-assigned',
    title: 'IAM Identity Center (aws sso) does not assign you this account and role',
    group: 'credentials',
    patterns: [
      /\(ForbiddenException\) when calling the GetRoleCredentials operation/,
      /operation error SSO: GetRoleCredentials,[^\n]*ForbiddenException/,
      /ForbiddenException: No access\b/,
    ],
    supersedes: ['action-not-allowed'],
    explanation:
      'The profile uses AWS IAM Identity Center (sso_account_id and sso_role_name), and the SSO portal says your user has no '
      + 'assignment for that account and permission set: a typo in sso_account_id or sso_role_name (the permission set name, '
      + 'case-sensitive), or access not (yet) granted. Logging in again does not help; `aws sso list-account-roles` shows what '
      + 'you have. duo-sso profiles are not affected.',
    fix: {
      description: 'List the accounts and roles your SSO login grants and correct the profile, or ask for the assignment',
      commands: [['aws', 'sso', 'list-accounts', '--access-token', '<token>'], ['aws', 'configure', 'sso', '--profile', '<profile>']],
      automatic: false,
    },
    example: 'An error occurred (ForbiddenException) when calling the GetRoleCredentials operation: No access',
  },

];
