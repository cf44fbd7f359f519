// STS calls made with the credentials a login left: GetCallerIdentity through the AWS SDK
// (loaded on first use: it is the heaviest thing we bundle), and the server's clock from its
// Date header. Endpoint and region follow the AWS conventions: AWS_ENDPOINT_URL_STS, then
// AWS_ENDPOINT_URL, then the SDK's default for the region; region falls back to us-east-1.
import type { Env } from '../platform/paths.js';
import { redactSecrets } from '../knowledge/redact.js';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface Identity {
  arn: string;
  account: string;
  userId: string;
}

export type IdentityResult =
  | ({ ok: true; skewSeconds?: number } & Identity)
  | { ok: false; code: string; message: string; skewSeconds?: number };

export const DEFAULT_REGION = 'us-east-1';

/** The error code we give when STS could not be reached at all (network, proxy, DNS, timeout). */
export const UNREACHABLE = 'Unreachable';

function isNetworkError(e: { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } }): boolean {
  if (e.$metadata?.httpStatusCode) return false;
  return /ENOTFOUND|ECONNREFUSED|ECONNRESET|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|TimeoutError|socket hang up/i.test(`${e.code ?? ''} ${e.name ?? ''} ${e.message ?? ''}`);
}

/** The STS endpoint the AWS CLI and SDK would use when one is configured; undefined = AWS's own. */
export function configuredStsEndpoint(env: Env): string | undefined {
  return env.AWS_ENDPOINT_URL_STS || env.AWS_ENDPOINT_URL || undefined;
}

/** Where to send an unsigned request just to read the clock. */
export function stsUrl(env: Env, region: string = DEFAULT_REGION): string {
  return configuredStsEndpoint(env) ?? (region === DEFAULT_REGION ? 'https://sts.amazonaws.com' : `https://sts.${region}.amazonaws.com`);
}

/**
 * Seconds this machine's clock is behind the server (positive) or ahead (negative), from an
 * HTTP Date header (1-second resolution) and the local times around the request.
 */
export function skewFromDate(dateHeader: string | undefined, sentAt: number, receivedAt: number): number | undefined {
  const server = dateHeader ? Date.parse(dateHeader) : Number.NaN;
  if (!Number.isFinite(server)) return undefined;
  const local = (sentAt + receivedAt) / 2;
  // The header drops milliseconds: compare against the middle of its second.
  return Math.round((server + 500 - local) / 1000);
}

export async function getCallerIdentity(
  credentials: AwsCredentials,
  opts: { env: Env; region?: string; timeoutMs?: number; now?: () => number },
): Promise<IdentityResult> {
  const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
  const now = opts.now ?? Date.now;
  const endpoint = configuredStsEndpoint(opts.env);
  const client = new STSClient({
    region: opts.region || DEFAULT_REGION,
    credentials,
    ...(endpoint ? { endpoint } : {}),
    maxAttempts: 2,
    // The SDK's default logger is silent; keep it that way whatever its defaults become.
    logger: { debug() {}, info() {}, warn() {}, error() {} },
  });
  let sentAt = now();
  let dateHeader: string | undefined;
  client.middlewareStack.add((next) => async (args) => {
    sentAt = now();
    const out = await next(args);
    const headers = (out.response as { headers?: Record<string, string> } | undefined)?.headers;
    dateHeader = headers?.date ?? headers?.Date;
    return out;
  }, { step: 'deserialize', priority: 'low', name: 'duoSsoSetupClock' });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? 10_000);
  try {
    const r = await client.send(new GetCallerIdentityCommand({}), { abortSignal: controller.signal });
    const skewSeconds = skewFromDate(dateHeader, sentAt, now());
    return { ok: true, arn: r.Arn ?? '', account: r.Account ?? '', userId: r.UserId ?? '', ...(skewSeconds === undefined ? {} : { skewSeconds }) };
  } catch (error) {
    const e = error as { name?: string; code?: string; Code?: string; message?: string; $response?: { headers?: Record<string, string> }; $metadata?: { httpStatusCode?: number } };
    dateHeader ??= e.$response?.headers?.date;
    const skewSeconds = skewFromDate(dateHeader, sentAt, now());
    const unreachable = controller.signal.aborted || isNetworkError(e);
    const code = unreachable ? UNREACHABLE : e.Code ?? e.name ?? 'Error';
    const message = controller.signal.aborted ? `no answer from ${endpoint ?? 'STS'} in time` : unreachable ? `could not reach ${endpoint ?? 'STS'}: ${e.code ?? e.message ?? e.name}` : awsMessage(e.message ?? String(error));
    return { ok: false, code, message, ...(skewSeconds === undefined ? {} : { skewSeconds }) };
  } finally {
    clearTimeout(timer);
    client.destroy();
  }
}

/**
 * An AWS error message fit to show: its first paragraph, redacted. A SignatureDoesNotMatch
 * goes on to quote the canonical request, whose signed headers hold the session token.
 */
export function awsMessage(message: string): string {
  return redactSecrets(message.split(/\r?\n\s*\r?\n/)[0]!.trim());
}

export type ClockReading = { ok: true; skewSeconds: number; url: string } | { ok: false; url: string; reason: string };

/** Reads the STS server's clock with one unsigned request (any answer carries a Date header). */
export async function readStsClock(env: Env, opts: { timeoutMs?: number; now?: () => number } = {}): Promise<ClockReading> {
  const url = stsUrl(env);
  const now = opts.now ?? Date.now;
  const sentAt = now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
    });
    const receivedAt = now();
    await res.arrayBuffer().catch(() => undefined);
    const skewSeconds = skewFromDate(res.headers.get('date') ?? undefined, sentAt, receivedAt);
    return skewSeconds === undefined ? { ok: false, url, reason: 'the answer had no Date header' } : { ok: true, skewSeconds, url };
  } catch (error) {
    const e = error as { name?: string; cause?: { code?: string; message?: string }; message?: string };
    const reason = e.name === 'TimeoutError' ? 'no answer in time' : e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
    return { ok: false, url, reason };
  }
}
