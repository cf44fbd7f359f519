// Can this machine reach what a login needs: the SSO page (config.json "url"), the STS
// endpoint the AWS tools will use, and the internal GitHub duo-sso is installed from? Each
// host is probed layer by layer (proxy, DNS, TCP, TLS), concurrently, within a few seconds;
// the first layer that fails is named, with the knowledge base's fix for it.
import { readConfig } from '../../config/read-config.js';
import { DEFAULTS } from '../../config/model.js';
import { DEFAULT_REGION, stsUrl } from '../../aws/sts.js';
import { DEFAULT_TAP_URL, DUO_SSO_RELEASE_URL } from '../../brew/names.js';
import { findFailure } from '../../knowledge/index.js';
import { probeAll, type Layer, type ProbeFailure, type ProbeResult, type ProbeTarget } from '../../net/probe.js';
import type { Env } from '../../platform/paths.js';
import type { PlatformFacts } from '../../platform/facts.js';
import { result, type Check, type CheckContext, type CheckResult, type Fix } from '../../check/types.js';

const LAYER_NAME: Record<Layer, string> = { proxy: 'proxy', dns: 'DNS', tcp: 'TCP', tls: 'TLS' };
const SELF = ['duo-sso-setup', 'doctor', '--only', 'network'];

/** The hosts a login and an install need, from config.json and the environment. */
export async function networkTargets(ctx: Pick<CheckContext, 'env' | 'paths'>, platform: Pick<PlatformFacts, 'os'>): Promise<{ targets: ProbeTarget[]; notes: string[] }> {
  const notes: string[] = [];
  const read = await readConfig(ctx.paths.duoConfig);
  const configured = read.kind === 'parsed' && typeof read.value === 'object' && read.value !== null ? (read.value as { url?: unknown }).url : undefined;
  let sso: string = DEFAULTS.url;
  if (configured === undefined) notes.push(`SSO page: ${DEFAULTS.url} (the guide's; ${ctx.paths.duoConfig} names none)`);
  else if (typeof configured === 'string' && /^https?:\/\/[^/]/i.test(configured.trim()) && URL.canParse(configured.trim())) sso = configured.trim();
  else notes.push(`config.json "url" is not a URL (${JSON.stringify(configured)}); probing ${DEFAULTS.url} instead (see the config check)`);
  const region = ctx.env.AWS_REGION || ctx.env.AWS_DEFAULT_REGION || DEFAULT_REGION;
  const source = platform.os === 'darwin' ? DEFAULT_TAP_URL : ctx.env.DUO_SSO_RELEASE_URL || DUO_SSO_RELEASE_URL;
  const targets: ProbeTarget[] = [
    { role: 'sso', label: 'SSO page', url: sso },
    { role: 'sts', label: 'AWS STS', url: stsUrl(ctx.env, region) },
    { role: 'github', label: platform.os === 'darwin' ? 'duo-sso tap' : 'duo-sso releases', url: source },
  ];
  // One probe per host and port: the tap and the releases can share the SSO page's host.
  const seen = new Set<string>();
  return { targets: targets.filter((t) => (URL.canParse(t.url) ? !seen.has(key(t.url)) && seen.add(key(t.url)) : false)), notes };
}

function key(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || (u.protocol === 'https:' ? 443 : 80)}`;
}

/** The knowledge-base entry that explains a failed layer (and holds its fix). */
export function knowledgeIdFor(f: ProbeFailure): string | undefined {
  if (f.layer === 'proxy') return 'proxy-failure';
  if (f.layer === 'dns') return 'dns-failure';
  if (f.code === 'ECONNREFUSED') return 'connection-refused';
  if (f.code === 'ECONNRESET') return 'connection-reset';
  if (f.code === 'TIMEOUT' || f.code === 'ETIMEDOUT') return 'network-timeout';
  if (f.layer === 'tls' && f.untrustedIssuer) return 'tls-untrusted-ca';
  return undefined;
}

/** "SSO page cloudsso.cisco.com: DNS failed: the name does not resolve (no such host)". */
export function describeFailure(r: ProbeResult): string {
  return `${r.target.label} ${r.host}${r.port === 443 ? '' : `:${r.port}`}: ${LAYER_NAME[r.failed!.layer]} failed: ${r.failed!.message}`;
}

function describeTarget(r: ProbeResult): string {
  const via = r.proxy ? ` via ${r.proxy.url} (${r.proxy.variable})` : '';
  const steps = r.steps.map((s) => `${LAYER_NAME[s.layer]} ${s.ok ? 'ok' : 'FAILED'} ${s.ms} ms`).join(', ');
  return `${r.target.label} ${r.host}:${r.port}${via}: ${steps || 'not probed'}`;
}

/** The fix the knowledge base gives for this layer, in this OS's commands, without pointing back at this check. */
export function fixFor(f: ProbeFailure, r: ProbeResult, os: PlatformFacts['os']): Fix | undefined {
  const entry = findFailure(knowledgeIdFor(f) ?? '');
  if (!entry) return undefined;
  const commands = ((entry.fix.platformCommands?.[os]) ?? entry.fix.commands)
    .filter((c) => c.join(' ') !== SELF.join(' '))
    .map((c) => c.map((arg) => (arg === '<host>' ? r.host : arg)));
  return { description: entry.fix.description, commands, automatic: false };
}

export function networkResult(results: readonly ProbeResult[], notes: readonly string[], os: PlatformFacts['os'], env: Env): CheckResult {
  const details = [...results.map(describeTarget), ...notes];
  const noProxy = env.NO_PROXY ?? env.no_proxy;
  if (results.some((r) => r.proxy) && noProxy) details.push(`NO_PROXY: ${noProxy}`);
  const data = {
    targets: results.map((r) => ({
      role: r.target.role, url: r.target.url, host: r.host, port: r.port, ok: r.ok,
      ...(r.proxy ? { proxy: r.proxy } : {}),
      ...(r.failed ? { failed: { layer: r.failed.layer, code: r.failed.code, message: r.failed.message, ...(r.failed.untrustedIssuer ? { untrustedIssuer: r.failed.untrustedIssuer } : {}) } } : {}),
      steps: r.steps,
    })),
  };
  const failed = results.filter((r) => !r.ok);
  if (failed.length === 0) {
    const via = results.find((r) => r.proxy)?.proxy;
    return result.ok(`reached ${results.map((r) => r.host).join(', ')} (DNS, TCP, TLS)${via ? ` through ${via.url}` : ''}`, details, data);
  }
  // The SSO page and STS are needed for every login; the GitHub source only to install or upgrade.
  const blocking = failed.filter((r) => r.target.role !== 'github');
  const first = blocking[0] ?? failed[0]!;
  const entry = findFailure(knowledgeIdFor(first.failed!) ?? '');
  if (entry) details.push(`Why: ${entry.explanation}`);
  const summary = failed.map(describeFailure).join('; ');
  const fix = fixFor(first.failed!, first, os);
  return blocking.length > 0 ? result.fail(summary, details, fix, data) : result.warn(summary, details, fix, data);
}

export const networkCheck: Check = {
  id: 'network',
  title: 'Network: SSO, STS and GitHub reachable',
  // Three concurrent probes of at most 3 s each: well inside the doctor's budget.
  timeoutMs: 6000,
  // Whether the VPN is up right now is not a property of this machine's setup: a plain
  // `doctor` at home, off VPN, must not turn red for it (nor wait on the network). It runs
  // with `--only network`, and login runs the same probe when duo-sso fails on the network.
  optIn: true,
  async run(ctx) {
    const { targets, notes } = await networkTargets(ctx, ctx.platform);
    const results = await probeAll(targets, ctx.env);
    return networkResult(results, notes, ctx.platform.os, ctx.env);
  },
};
