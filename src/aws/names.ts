// What AWS accepts as a profile name, an IAM role name and an account id. Read by config/
// (duo-sso's profiles) and policy/ (the organisation's required profiles) alike.

/** A profile name `aws --profile NAME` and ~/.aws/credentials can carry. */
export function isUsableProfileName(name: string): boolean {
  return /^[A-Za-z0-9_.@+][A-Za-z0-9_.@+-]*$/.test(name);
}
export function isRoleName(role: string): boolean {
  return /^[\w+=,.@-]{1,64}$/.test(role);
}
export function isAccountId(id: string): boolean {
  return /^\d{12}$/.test(id);
}
