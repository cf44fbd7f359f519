// The AWS Role attribute: each value is "role-arn,provider-arn", in either order.

export interface GrantedRole {
  account: string;
  /** The role's name (the last part of its path). */
  role: string;
  roleArn: string;
  /** The SAML provider's name in IAM. */
  provider: string;
  providerArn: string;
}

const ROLE_ARN = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;
const PROVIDER_ARN = /^arn:aws[\w-]*:iam::(\d{12}):saml-provider\/([\w.-]+)$/;

export function parseRoleValue(value: string): GrantedRole | undefined {
  const parts = value.split(',').map((p) => p.trim());
  if (parts.length !== 2) return undefined;
  const roleArn = parts.find((p) => ROLE_ARN.test(p));
  const providerArn = parts.find((p) => PROVIDER_ARN.test(p));
  if (!roleArn || !providerArn) return undefined;
  const [, account, role] = ROLE_ARN.exec(roleArn)!;
  const [, , provider] = PROVIDER_ARN.exec(providerArn)!;
  return { account: account!, role: role!, roleArn, provider: provider!, providerArn };
}
