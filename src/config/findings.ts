// Every problem `config validate` can report, as data: `config validate`, `config fix`, the
// doctor checks and docs/config.md all read this one catalogue.
import type { JSONPath } from 'jsonc-parser';

export type Severity = 'fail' | 'warn' | 'info';

/** Which doctor check reports a finding (`config` owns the file-level ones). */
export type CheckId = 'config' | 'session-duration' | 'profiles';

export interface CatalogueEntry {
  severity: Severity;
  check: CheckId;
  title: string;
  /** Why it matters, in one sentence. */
  why: string;
  /** What fixes it; `automatic` = `config fix` (and `doctor --fix`) does it. */
  fix: string;
  automatic: boolean;
}

export const CATALOGUE = {
  'missing-file': {
    severity: 'fail', check: 'config', title: 'config.json does not exist',
    why: 'Without it duo-sso asks for 28800 s sessions, which 1-hour roles refuse.',
    fix: 'duo-sso-setup config init', automatic: false,
  },
  unreadable: {
    severity: 'fail', check: 'config', title: 'config.json cannot be read',
    why: 'duo-sso cannot read it either (a folder, a pipe, no permission, or not UTF-8).',
    fix: 'Correct the permissions or the encoding; a folder or pipe in its place: move it aside (mv), then duo-sso-setup config init.', automatic: false,
  },
  'json-syntax': {
    severity: 'fail', check: 'config', title: 'not valid JSON',
    why: 'duo-sso stops at the first syntax error. config fix repairs the common ones (a trailing or missing comma, a comment, a key without quotes, a number with a leading zero) when every error in the file is one of them; otherwise the file is left as it is.',
    fix: 'Edit the file at the line and column shown, or duo-sso-setup config init --force (backs the old one up).', automatic: true,
  },
  'not-object': {
    severity: 'fail', check: 'config', title: 'the document is not a JSON object',
    why: 'duo-sso expects { "url": …, … }.',
    fix: 'duo-sso-setup config init --force (backs the old one up).', automatic: false,
  },
  bom: {
    // The doctor's config check reports it (it reads the file's bytes); not profiles as well.
    severity: 'fail', check: 'config', title: 'byte-order mark at the start of the file',
    why: "Go's JSON decoder, which duo-sso uses, refuses a file that starts with a BOM (some Windows editors add one).",
    fix: 'Remove the BOM.', automatic: true,
  },
  'wrong-type': {
    severity: 'fail', check: 'profiles', title: 'a key holds the wrong type of value',
    why: 'duo-sso refuses the whole file when, for example, "debug" is "false" (a string) instead of false.',
    fix: 'Correct the value to the type shown.', automatic: false,
  },
  'missing-key': {
    severity: 'warn', check: 'profiles', title: 'a key the guide sets is missing',
    why: 'url, partner_spid and aws_urn tell duo-sso where to sign in and which SAML service provider to ask for.',
    fix: "Set it to the guide's default.", automatic: true,
  },
  'saml-url': {
    severity: 'warn', check: 'profiles', title: 'partner_spid or aws_urn is not an AWS SAML URL',
    why: 'Duo issues the SAML assertion for this service provider; AWS accepts only its own sign-in URL.',
    fix: 'Set it to https://signin.aws.amazon.com/saml.', automatic: false,
  },
  'url-not-https': {
    severity: 'warn', check: 'profiles', title: 'url is not an https:// URL',
    why: 'duo-sso signs in at this address; it should be https://cloudsso.cisco.com.',
    fix: 'Set "url" to https://cloudsso.cisco.com.', automatic: false,
  },
  'unknown-factor': {
    severity: 'warn', check: 'profiles', title: 'preferred_factor is not a Duo factor',
    why: 'Duo offers push, phone (call), passcode and sms; anything else makes duo-sso ask or fail.',
    fix: 'Set "preferred_factor" to "push".', automatic: false,
  },
  'debug-on': {
    severity: 'warn', check: 'profiles', title: 'debug output is on',
    why: 'With "debug": true duo-sso prints the SAML assertion and the STS keys, so they land in terminals, scrollback and pasted logs.',
    fix: 'Set "debug": false unless you are debugging duo-sso right now.', automatic: false,
  },
  'unknown-key': {
    severity: 'info', check: 'profiles', title: 'a key duo-sso does not know',
    why: 'duo-sso ignores it; a misspelt key (e.g. "session_duration") silently has no effect. It is kept as it is.',
    fix: 'Correct the spelling if it was meant to be one of the documented keys.', automatic: false,
  },
  'duration-missing': {
    severity: 'fail', check: 'session-duration', title: 'no top-level session_duration_seconds',
    why: "duo-sso then asks for its own default of 28800 s, which roles with the 1-hour maximum refuse (the guide's troubleshooting).",
    fix: 'Set "session_duration_seconds": 3600.', automatic: true,
  },
  'duration-invalid': {
    severity: 'fail', check: 'session-duration', title: 'session_duration_seconds is not a whole number of seconds between 900 and 43200',
    why: 'STS refuses any DurationSeconds outside 900–43200.',
    fix: 'Set it to 3600.', automatic: true,
  },
  'duration-over-cap': {
    severity: 'warn', check: 'session-duration', title: 'session duration above the policy cap',
    why: 'Production roles allow 3600 s and non-production roles 14400 s without SRE approval; a longer request fails with "DurationSeconds exceeds the MaxSessionDuration".',
    fix: 'Lower it to the cap (the top level to 3600). If SRE raised the role, duo-sso-setup remembers the maximum it learns and stops reporting it.', automatic: true,
  },
  'duration-over-role-max': {
    severity: 'fail', check: 'session-duration', title: "session duration above the role's known MaxSessionDuration",
    why: 'duo-sso-setup learned this role\'s maximum; STS will refuse anything longer.',
    fix: "Lower it to the role's maximum.", automatic: true,
  },
  'duration-refused': {
    severity: 'fail', check: 'session-duration', title: 'a session duration STS already refused for this profile',
    why: 'A login with it failed with "DurationSeconds exceeds the MaxSessionDuration"; duo-sso-setup remembers that in its state file.',
    fix: 'Lower it to 3600 (or what worked before).', automatic: true,
  },
  'profiles-not-object': {
    severity: 'fail', check: 'profiles', title: '"profiles" is not an object',
    why: 'duo-sso expects "profiles": { "NAME": { … } }.',
    fix: 'Correct it by hand, or re-create the profiles with duo-sso-setup config add-profile.', automatic: false,
  },
  'profile-not-object': {
    severity: 'fail', check: 'profiles', title: 'a profile is not an object',
    why: 'Each profile is { "aws_account_id": …, "aws_role_name": … }.',
    fix: 'duo-sso-setup config remove-profile NAME, then config add-profile NAME --account ID --role ROLE.', automatic: false,
  },
  'profile-name': {
    severity: 'fail', check: 'profiles', title: 'a profile name the AWS CLI cannot use',
    why: 'duo-sso saves credentials under this name for `aws --profile NAME`; spaces, brackets, # and ; break ~/.aws/credentials.',
    fix: 'Rename it using letters, digits and . _ - + @ (remove-profile, then add-profile).', automatic: false,
  },
  'account-id-missing': {
    severity: 'fail', check: 'profiles', title: 'a profile has no aws_account_id',
    why: 'duo-sso cannot build the role ARN without it.',
    fix: 'Add "aws_account_id": "123456789012" (12 digits, as a string).', automatic: false,
  },
  'account-id-invalid': {
    severity: 'fail', check: 'profiles', title: 'aws_account_id is not a 12-digit AWS account id',
    why: 'AWS account ids are exactly 12 digits; the role ARN would be wrong.',
    fix: 'Correct the id (copy it from the AWS console or the duo-sso account listing).', automatic: false,
  },
  'account-id-lost-zero': {
    severity: 'warn', check: 'profiles', title: 'numeric aws_account_id with fewer than 12 digits (a lost leading zero)',
    why: 'As a JSON number, 012345678901 becomes 12345678901, which is not the account.',
    fix: 'Write it as a 12-digit string with the leading zeros restored.', automatic: true,
  },
  'account-id-number': {
    severity: 'info', check: 'profiles', title: 'aws_account_id written as a number',
    why: 'duo-sso accepts it, but a number cannot hold a leading zero; a string is the safe form.',
    fix: 'Write it as a string.', automatic: true,
  },
  'role-missing': {
    severity: 'fail', check: 'profiles', title: 'a profile has no aws_role_name',
    why: 'duo-sso needs the role to assume (e.g. admin or devops).',
    fix: 'Add "aws_role_name": "admin" (or your role).', automatic: false,
  },
  'role-invalid': {
    severity: 'fail', check: 'profiles', title: 'aws_role_name is not a valid IAM role name',
    why: 'IAM role names are 1–64 characters of letters, digits and + = , . @ _ -.',
    fix: 'Correct the role name.', automatic: false,
  },
  'duplicate-key': {
    severity: 'warn', check: 'profiles', title: 'a key written twice in the same object',
    why: 'duo-sso (Go) takes the last one and silently ignores the others, so the value you see first may not be the one used; automatic fixes leave such a key alone.',
    fix: 'Delete all but one of them (duo-sso uses the last).', automatic: false,
  },
  'duplicate-profile': {
    severity: 'warn', check: 'profiles', title: 'two profiles for the same account and role',
    why: 'duo-sso logs in to both and writes the same credentials twice; usually a copy-paste leftover.',
    fix: 'duo-sso-setup config remove-profile NAME for the one you do not use.', automatic: false,
  },
} as const satisfies Record<string, CatalogueEntry>;

export type FindingId = keyof typeof CATALOGUE;

/** A change to the document, as data, so a fix can be shown before it is applied. */
// repair-syntax: the file's syntax errors repaired as a whole (parsers/json-syntax.ts), only offered when each has a repair.
export type ConfigEdit = { op: 'set'; path: JSONPath; value: unknown } | { op: 'strip-bom' } | { op: 'repair-syntax' };

export interface Finding {
  id: FindingId;
  severity: Severity;
  /** JSON path of the offending value, e.g. `profiles.eticloud.aws_account_id`; '' for the document. */
  path: string;
  message: string;
  fix?: { description: string; automatic: boolean; edit?: ConfigEdit };
  /** For syntax errors. */
  position?: { line: number; column: number; excerpt: string };
}

export function finding(
  id: FindingId,
  path: JSONPath,
  message: string,
  opts: { severity?: Severity; fix?: string; edit?: ConfigEdit; position?: Finding['position'] } = {},
): Finding {
  const entry: CatalogueEntry = CATALOGUE[id];
  const automatic = entry.automatic && opts.edit !== undefined;
  return {
    id,
    severity: opts.severity ?? entry.severity,
    path: formatPath(path),
    message,
    fix: { description: opts.fix ?? entry.fix, automatic, ...(automatic ? { edit: opts.edit } : {}) },
    ...(opts.position ? { position: opts.position } : {}),
  };
}

/** `profiles.eticloud.aws_account_id`; names that are not identifiers are quoted: `profiles["my name"]`. */
export function formatPath(path: JSONPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

export function checkOf(f: Pick<Finding, 'id'>): CheckId {
  return CATALOGUE[f.id].check;
}
