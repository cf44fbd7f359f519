// The AWS Role attribute: each value is "role-arn,provider-arn", in either order. Some IdPs
// (Google Workspace) end it with a comma; AWS accepts that, so empty parts are ignored.

export interface GrantedRole {
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

const ROLE_ARN = /^arn:aws[\w-]*:iam::(\d{12}):role(\/(?:[\w+=,.@-]+\/)*)([\w+=,.@-]+)$/;
const PROVIDER_ARN = /^arn:aws[\w-]*:iam::(\d{12}):saml-provider\/([\w.-]+)$/;

export function parseRoleValue(value: string): GrantedRole | undefined {
  const parts = value.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length !== 2) return undefined;
  const roleArn = parts.find((p) => ROLE_ARN.test(p));
  const providerArn = parts.find((p) => PROVIDER_ARN.test(p));
  if (!roleArn || !providerArn) return undefined;
  const [, account, path, role] = ROLE_ARN.exec(roleArn)!;
  const [, , provider] = PROVIDER_ARN.exec(providerArn)!;
  return { account: account!, role: role!, path: path!, roleArn, provider: provider!, providerArn };
}

/** `team-a/admin` for a role on path `/team-a/`, `admin` on `/`. */
export function roleDisplayName(r: Pick<GrantedRole, 'path' | 'role'>): string {
  return `${r.path.slice(1)}${r.role}`;
}
