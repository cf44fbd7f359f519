// After a login, a role's true MaxSessionDuration can be read with the new credentials
// (iam:GetRole; it cannot be read before). Many roles may not read themselves: AccessDenied
// is an ordinary answer and stays silent. The IAM client is loaded only here.
import type { Env } from '../platform/paths.js';
import type { AwsCredentials } from '../aws/sts.js';

export type RoleMax = { ok: true; maxSessionDuration: number } | { ok: false; code: string; message: string };

export function configuredIamEndpoint(env: Env): string | undefined {
  return env.AWS_ENDPOINT_URL_IAM || env.AWS_ENDPOINT_URL || undefined;
}

export async function readRoleMax(credentials: AwsCredentials, role: string, opts: { env: Env; timeoutMs?: number }): Promise<RoleMax> {
  const { IAMClient, GetRoleCommand } = await import('@aws-sdk/client-iam');
  const endpoint = configuredIamEndpoint(opts.env);
  // IAM is global: its endpoint and signing region are us-east-1 whatever the profile's region.
  const client = new IAMClient({ region: 'us-east-1', credentials, ...(endpoint ? { endpoint } : {}), maxAttempts: 1, logger: { debug() {}, info() {}, warn() {}, error() {} } });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? 8000);
  try {
    const r = await client.send(new GetRoleCommand({ RoleName: role }), { abortSignal: controller.signal });
    const max = r.Role?.MaxSessionDuration;
    return typeof max === 'number' ? { ok: true, maxSessionDuration: max } : { ok: false, code: 'NoMaxSessionDuration', message: 'GetRole answered without MaxSessionDuration' };
  } catch (error) {
    const e = error as { name?: string; message?: string };
    return { ok: false, code: controller.signal.aborted ? 'Timeout' : e.name ?? 'Error', message: e.message ?? String(error) };
  } finally {
    clearTimeout(timer);
    client.destroy();
  }
}

/**
 * The duration to offer a profile once its role's maximum is known: the most the role and
 * the policy allow (production 1 h, otherwise 4 h without SRE approval), if above what it asks now.
 */
export function raiseTo(current: number, roleMax: number, policyCap: number): number | undefined {
  const best = Math.min(roleMax, policyCap);
  return best > current ? best : undefined;
}
