// The AWS Role attribute: each value is "role-arn,provider-arn", in either order. Some IdPs
// (Google Workspace) end it with a comma; AWS accepts that, so empty parts are ignored. A value
// AWS cannot use is named with what is wrong in it (an account id that is not 12 digits, a
// partition AWS does not have, a missing ARN), not only that it is not "role-arn,provider-arn".
import { PARTITION_NAMES, isPartition, type Partition } from './partitions.js';

export interface GrantedRole {
  /** aws, aws-us-gov (GovCloud) or aws-cn (China): the role's and its provider's. */
  partition: Partition;
  account: string;
  /** The role's name (the last part of its ARN). */
  role: string;
  /** The role's IAM path: `/` or `/team-a/`. Two roles may share a name on different paths. */
  path: string;
  roleArn: string;
  /** The SAML provider's name in IAM. */
  provider: string;
  providerArn: string;
}

export type RoleValue = { role: GrantedRole } | { problem: string };

/** Any IAM role or saml-provider ARN shape, so that what is wrong in one can be named. */
const IAM_ARN = /^arn:([^:]*):iam::([^:]*):(role|saml-provider)(\/.*)$/;
const ROLE_PATH_NAME = /^(\/(?:[\w+=,.@-]+\/)*)([\w+=,.@-]+)$/;
const PROVIDER_NAME = /^\/([\w.-]+)$/;

interface Arn {
  partition: string;
  account: string;
  kind: 'role' | 'saml-provider';
  rest: string;
  text: string;
}

export function parseRoleValue(raw: string): RoleValue {
  const value = raw.trim();
  if (value === '') return { problem: 'a Role value is empty: it should be "role-arn,provider-arn"' };
  const parts = value.split(',').map((p) => p.trim()).filter((p) => p !== '');
  const notPair = (why: string) => ({ problem: `a Role value is not "role-arn,provider-arn" (${why}): ${value}` });
  const arns = parts.map(readArn);
  const roles = arns.filter((a) => a?.kind === 'role');
  const providers = arns.filter((a) => a?.kind === 'saml-provider');
  if (parts.length === 1) return notPair(arns[0] ? `it holds only a ${arns[0].kind === 'role' ? 'role' : 'saml-provider'} ARN` : 'it is one value, not two ARNs');
  if (parts.length !== 2) return notPair(`${parts.length} comma-separated parts, not 2`);
  if (roles.length !== 1 || providers.length !== 1) return notPair(roles.length === 2 ? 'two role ARNs' : providers.length === 2 ? 'two saml-provider ARNs' : 'not two IAM ARNs');
  const role = roles[0]!;
  const provider = providers[0]!;

  const problems: string[] = [];
  for (const partition of new Set([role.partition, provider.partition])) {
    if (!isPartition(partition)) problems.push(`partition "${partition}" is not ${PARTITION_NAMES.join(', ')}`);
  }
  for (const account of new Set([role.account, provider.account])) {
    if (!/^\d{12}$/.test(account)) problems.push(accountProblem(account));
  }
  const path = ROLE_PATH_NAME.exec(role.rest);
  const name = PROVIDER_NAME.exec(provider.rest);
  if (!path) problems.push(`"${role.rest.slice(1)}" is not an IAM role path and name`);
  if (!name) problems.push(`"${provider.rest.slice(1)}" is not a SAML provider name`);
  if (problems.length === 0 && role.partition !== provider.partition) problems.push(`the role is in partition ${role.partition}, its provider in ${provider.partition}`);
  if (problems.length > 0 || !path || !name) return { problem: `a Role value AWS cannot use: ${problems.join('; ')}: ${value}` };
  return {
    role: {
      partition: role.partition as Partition,
      account: role.account,
      path: path[1]!,
      role: path[2]!,
      roleArn: role.text,
      provider: name[1]!,
      providerArn: provider.text,
    },
  };
}

function readArn(text: string): Arn | undefined {
  const m = IAM_ARN.exec(text);
  return m ? { partition: m[1]!, account: m[2]!, kind: m[3] as Arn['kind'], rest: m[4]!, text } : undefined;
}

/** An AWS account id is 12 digits; an IdP that stores it as a number drops its leading zeros. */
function accountProblem(account: string): string {
  if (!/^\d+$/.test(account)) return `account id "${account}" is not 12 digits`;
  const n = account.length;
  const lost = n === 11 ? ' (a leading zero lost where the IdP stores it as a number?)' : '';
  return `account id ${account} has ${n} digit${n === 1 ? '' : 's'}, not 12${lost}`;
}

/** `team-a/admin` for a role on path `/team-a/`, `admin` on `/`. */
export function roleDisplayName(r: Pick<GrantedRole, 'path' | 'role'>): string {
  return `${r.path.slice(1)}${r.role}`;
}
