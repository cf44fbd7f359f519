// When duo-sso stops on a network error, "check your network" helps nobody: probe what a login
// needs (the SSO page, STS, and any host the message named) with the doctor's network probe,
// and say which layer fails: proxy, DNS (the VPN), TCP, or TLS (a corporate CA).
import type { Context } from '../context.js';
import { describeFailure, fixFor, networkTargets } from './network-targets.js';
import { diagnose, KNOWLEDGE } from '../knowledge/index.js';
import { probeAll, type ProbeResult, type ProbeTarget } from '../net/probe.js';
import type { Problem } from './render.js';

const NETWORK_IDS = new Set([...KNOWLEDGE.filter((e) => e.group === 'network').map((e) => e.id), 'sts-unreachable']);
const NETWORK_DOCTOR = ['duo-sso-setup', 'doctor', '--only', 'network'];

/** The problem is a network failure: explained as one, or its text reads like one. */
export function isNetworkProblem(problem: Problem): boolean {
  return NETWORK_IDS.has(problem.id) || diagnose(problemText(problem)).some((d) => NETWORK_IDS.has(d.id));
}

function problemText(problem: Problem): string {
  return [problem.message, ...(problem.details ?? [])].join('\n');
}

/** The problem with the probe's finding first: the failing layer, and the fix for it. */
export async function withNetworkProbe(
  ctx: Pick<Context, 'env' | 'paths' | 'platform'>,
  problem: Problem,
  probe: (targets: readonly ProbeTarget[], env: Context['env']) => Promise<ProbeResult[]> = probeAll,
): Promise<Problem> {
  const platform = await ctx.platform();
  const { targets } = await networkTargets(ctx, platform);
  const wanted: ProbeTarget[] = targets.filter((t) => t.role !== 'github');
  const named = diagnose(problemText(problem)).find((d) => d.facts.host)?.facts;
  if (named?.host && !wanted.some((t) => new URL(t.url).hostname === named.host)) {
    const host = named.host.includes(':') && !named.host.startsWith('[') ? `[${named.host}]` : named.host;
    wanted.push({ role: 'other', label: 'host in the error', url: `https://${host}${named.port ? `:${named.port}` : ''}` });
  }
  const results = await probe(wanted, ctx.env);
  const failed = results.filter((r) => !r.ok);
  if (failed.length === 0) {
    return {
      ...problem,
      details: [...(problem.details ?? []), `A network probe just now reached ${results.map((r) => r.host).join(', ')} at every layer: the failure may have been passing (a VPN reconnecting); try again.`],
    };
  }
  const first = failed[0]!;
  const fix = fixFor(first.failed!, first, platform.os);
  return {
    ...problem,
    message: `${problem.message} (network probe: ${describeFailure(first)})`,
    details: [...failed.slice(1).map(describeFailure), ...(problem.details ?? [])],
    commands: [...(fix?.commands ?? []), NETWORK_DOCTOR],
  };
}
