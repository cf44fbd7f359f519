// What a login needs to reach (the SSO page from config.json, the STS endpoint the AWS tools
// will use, the internal GitHub duo-sso is installed from), and how a failed probe of one is
// told: the layer that failed and the knowledge base's fix for it. Login probes these when
// duo-sso fails on the network; the doctor's network check (doctor/checks/network.ts) too.
import { readConfig } from '../config/read-config.js';
import { DEFAULTS } from '../config/model.js';
import { DEFAULT_REGION, stsUrl } from '../aws/sts.js';
import { DEFAULT_TAP_URL, DUO_SSO_RELEASE_URL } from '../brew/names.js';
import { findFailure } from '../knowledge/index.js';
import type { Layer, ProbeFailure, ProbeResult, ProbeTarget } from '../net/probe.js';
import type { PlatformFacts } from '../platform/facts.js';
import type { CheckContext, Fix } from '../check/types.js';

export const LAYER_NAME: Record<Layer, string> = { proxy: 'proxy', dns: 'DNS', tcp: 'TCP', tls: 'TLS' };
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

/** The fix the knowledge base gives for this layer, in this OS's commands, without pointing back at `doctor --only network` (SELF). */
export function fixFor(f: ProbeFailure, r: ProbeResult, os: PlatformFacts['os']): Fix | undefined {
  const entry = findFailure(knowledgeIdFor(f) ?? '');
  if (!entry) return undefined;
  const commands = ((entry.fix.platformCommands?.[os]) ?? entry.fix.commands)
    .filter((c) => c.join(' ') !== SELF.join(' '))
    .map((c) => c.map((arg) => (arg === '<host>' ? r.host : arg)));
  return { description: entry.fix.description, commands, automatic: false };
}
