// login's hook: which problems count as network failures, and what the probe adds to them.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNetworkProblem, withNetworkProbe } from '../../src/login/network-probe.js';
import type { ProbeResult, ProbeTarget } from '../../src/net/probe.js';
import type { PlatformFacts } from '../../src/platform/facts.js';
import type { Paths } from '../../src/platform/paths.js';

describe('isNetworkProblem', () => {
  it('is true for a network knowledge entry or network text, false otherwise', () => {
    expect(isNetworkProblem({ id: 'dns-failure', message: 'duo-sso failed', commands: [] })).toBe(true);
    expect(isNetworkProblem({ id: 'other', message: 'duo-sso failed: Get "https://cloudsso.cisco.com/": dial tcp: lookup cloudsso.cisco.com: no such host', commands: [] })).toBe(true);
    expect(isNetworkProblem({ id: 'access-denied-role', message: "STS refused role 'admin'", commands: [] })).toBe(false);
    expect(isNetworkProblem({ id: 'max-session-duration', message: 'DurationSeconds exceeds the MaxSessionDuration', commands: [] })).toBe(false);
  });
});

describe('withNetworkProbe', () => {
  async function ctx() {
    const dir = await mkdtemp(join(tmpdir(), 'login-net-'));
    await writeFile(join(dir, 'config.json'), JSON.stringify({ url: 'https://cloudsso.invalid', profiles: {} }));
    return {
      env: { AWS_ENDPOINT_URL_STS: 'https://127.0.0.1:4566' },
      paths: { duoConfig: join(dir, 'config.json') } as Paths,
      platform: async () => ({ os: 'linux' }) as PlatformFacts,
    };
  }

  it('probes the SSO page, STS and the host the error names (not the GitHub source), and leads with the failing layer', async () => {
    const asked: string[] = [];
    const fake = async (targets: readonly ProbeTarget[]): Promise<ProbeResult[]> => targets.map((t) => {
      asked.push(t.url);
      const host = new URL(t.url).hostname;
      return t.role === 'sso'
        ? { target: t, host, port: 443, steps: [{ layer: 'dns', ok: false, ms: 1, detail: 'x' }], ok: false, failed: { layer: 'dns', code: 'ENOTFOUND', message: 'the name does not resolve (no such host)' } }
        : { target: t, host, port: 443, steps: [], ok: true };
    });
    const problem = { id: 'other', message: 'duo-sso failed: dial tcp: lookup idp.example.invalid: no such host', details: ['last line'], commands: [['duo-sso-setup', 'troubleshoot', '--file', '-']] };
    const out = await withNetworkProbe(await ctx(), problem, fake);
    expect(asked).toEqual(['https://cloudsso.invalid', 'https://127.0.0.1:4566', 'https://idp.example.invalid']);
    expect(out.message).toBe(`${problem.message} (network probe: SSO page cloudsso.invalid: DNS failed: the name does not resolve (no such host))`);
    expect(out.commands).toEqual([['nslookup', 'cloudsso.invalid'], ['duo-sso-setup', 'doctor', '--only', 'network']]);
    expect(out.details).toEqual(['last line']);
  });

  it('says so when everything answers now', async () => {
    const fine = async (targets: readonly ProbeTarget[]): Promise<ProbeResult[]> => targets.map((t) => ({ target: t, host: new URL(t.url).hostname, port: 443, steps: [], ok: true }));
    const out = await withNetworkProbe(await ctx(), { id: 'connection-reset', message: 'duo-sso failed', commands: [] }, fine);
    expect(out.details!.at(-1)).toMatch(/reached cloudsso\.invalid, 127\.0\.0\.1 at every layer/);
  });
});
