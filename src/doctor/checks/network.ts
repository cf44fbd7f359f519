// Can this machine reach what a login needs: the SSO page (config.json "url"), the STS
// endpoint the AWS tools will use, and the internal GitHub duo-sso is installed from? Each
// host is probed layer by layer (proxy, DNS, TCP, TLS), concurrently, within a few seconds;
// the first layer that fails is named, with the knowledge base's fix for it.
import { findFailure } from '../../knowledge/index.js';
import { probeAll, type ProbeResult } from '../../net/probe.js';
import type { Env } from '../../platform/paths.js';
import type { PlatformFacts } from '../../platform/facts.js';
import { result, type Check, type CheckResult } from '../../check/types.js';
// The hosts and the telling of a failed layer are login's (it probes them when duo-sso fails
// on the network): the doctor reads them from there, and login never imports the doctor.
import { describeFailure, fixFor, knowledgeIdFor, LAYER_NAME, networkTargets } from '../../login/network-targets.js';

function describeTarget(r: ProbeResult): string {
  const via = r.proxy ? ` via ${r.proxy.url} (${r.proxy.variable})` : '';
  const steps = r.steps.map((s) => `${LAYER_NAME[s.layer]} ${s.ok ? 'ok' : 'FAILED'} ${s.ms} ms`).join(', ');
  return `${r.target.label} ${r.host}:${r.port}${via}: ${steps || 'not probed'}`;
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
