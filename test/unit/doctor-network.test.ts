// The doctor's network check: which hosts it probes (config.json, the STS endpoint, the duo-sso
// source), and what it reports for each failing layer. Loopback and `.invalid` names only,
// with the resolver seam: nothing here is looked up or reached outside this machine.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkResult } from '../../src/doctor/checks/network.js';
import { networkTargets } from '../../src/login/network-targets.js';
import { probeAll } from '../../src/net/probe.js';
import type { Paths } from '../../src/platform/paths.js';
import { makePki, startInterceptingProxy, startTlsServer, type Listening, type TestPki } from '../support/tls-interception.js';

const nxdomain = async (host: string): Promise<string[]> => {
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
};

let dir: string;
let pki: TestPki;
let server: Listening;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'doctor-network-'));
  pki = makePki();
  server = await startTlsServer(pki);
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function configWith(url: unknown): Promise<Paths> {
  const path = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(path, JSON.stringify({ url, profiles: {} }));
  return { duoConfig: path } as Paths;
}

describe('networkTargets', () => {
  it('probes the SSO url from config.json, the STS endpoint in use, and where duo-sso comes from', async () => {
    const paths = await configWith('https://sso.example.invalid/idp');
    const linux = await networkTargets({ paths, env: { AWS_REGION: 'eu-west-1', DUO_SSO_RELEASE_URL: 'https://ghe.invalid/o/duo-sso/releases/latest/download' } }, { os: 'linux' });
    expect(linux.targets.map((t) => [t.role, t.url])).toEqual([
      ['sso', 'https://sso.example.invalid/idp'],
      ['sts', 'https://sts.eu-west-1.amazonaws.com'],
      ['github', 'https://ghe.invalid/o/duo-sso/releases/latest/download'],
    ]);
    const mac = await networkTargets({ paths, env: { AWS_ENDPOINT_URL_STS: 'https://127.0.0.1:4566' } }, { os: 'darwin' });
    expect(mac.targets.map((t) => t.url)).toEqual(['https://sso.example.invalid/idp', 'https://127.0.0.1:4566', 'https://wwwin-github.cisco.com/ATS-operations/homebrew-tap']);
  });

  it('falls back to the guide\'s SSO url, and says so, when config.json has none or a broken one', async () => {
    for (const url of [undefined, 'not a url', 42]) {
      const { targets, notes } = await networkTargets({ paths: await configWith(url), env: {} }, { os: 'linux' });
      expect(targets[0]!.url).toBe('https://cloudsso.cisco.com');
      expect(notes.join(' ')).toMatch(/cloudsso\.cisco\.com/);
    }
  });
});

describe('network check result', () => {
  const local = (port: number) => ({ AWS_ENDPOINT_URL_STS: `https://127.0.0.1:${port}`, DUO_SSO_RELEASE_URL: `https://127.0.0.1:${port}/releases/latest/download`, AWS_CA_BUNDLE: '' });

  it('fails with the DNS layer named when the SSO host does not resolve (the VPN is off)', async () => {
    const env = { ...local(server.port), AWS_CA_BUNDLE: pki.caFile };
    const { targets, notes } = await networkTargets({ paths: await configWith('https://cloudsso.invalid'), env }, { os: 'linux' });
    const r = networkResult(await probeAll(targets, env, { resolve: nxdomain, timeoutMs: 20_000 }), notes, 'linux', env);
    expect(r.status).toBe('fail');
    expect(r.summary).toBe('SSO page cloudsso.invalid: DNS failed: the name does not resolve (no such host)');
    expect(r.details.join('\n')).toMatch(/VPN/);
    expect(r.fix!.commands).toContainEqual(['nslookup', 'cloudsso.invalid']);
    expect(r.fix!.commands).not.toContainEqual(['duo-sso-setup', 'doctor', '--only', 'network']);
    expect((r.data!.targets as { role: string; ok: boolean }[]).map((t) => [t.role, t.ok])).toEqual([['sso', false], ['sts', true]]);
  });

  it('behind a TLS-intercepting proxy: the TLS layer, the CA that re-signs, and the CA fix for this OS', async () => {
    const proxy = await startInterceptingProxy(pki);
    try {
      const env = { HTTPS_PROXY: `http://127.0.0.1:${proxy.port}`, DUO_SSO_RELEASE_URL: 'https://ghe.invalid/r/releases/latest/download', AWS_ENDPOINT_URL_STS: 'https://sts.invalid' };
      const { targets, notes } = await networkTargets({ paths: await configWith('https://cloudsso.invalid'), env }, { os: 'linux' });
      const results = await probeAll(targets, env, { resolve: nxdomain, timeoutMs: 20_000 });
      const linux = networkResult(results, notes, 'linux', env);
      expect(linux.status).toBe('fail');
      expect(linux.summary).toContain('SSO page cloudsso.invalid: TLS failed');
      expect(linux.summary).toContain(`"${pki.caName}"`);
      expect(linux.details.join('\n')).toContain(`via http://127.0.0.1:${proxy.port} (HTTPS_PROXY)`);
      expect(linux.fix!.description).toMatch(/AWS_CA_BUNDLE/);
      expect(linux.fix!.description).toMatch(/NODE_EXTRA_CA_CERTS/);
      expect(linux.fix!.commands).toContainEqual(['sudo', 'update-ca-certificates']);
      const mac = networkResult(results, notes, 'darwin', env);
      expect(mac.fix!.commands[0]).toEqual(expect.arrayContaining(['security', 'add-trusted-cert']));
    } finally {
      await proxy.close();
    }
  });

  it('passes when every host answers, and only warns when just the GitHub source is out of reach', async () => {
    const env = { ...local(server.port), AWS_CA_BUNDLE: pki.caFile };
    const ok = await networkTargets({ paths: await configWith(`https://localhost:${server.port}`), env }, { os: 'linux' });
    const loopback = async () => ['127.0.0.1'];
    const good = networkResult(await probeAll(ok.targets, env, { resolve: loopback, timeoutMs: 20_000 }), ok.notes, 'linux', env);
    expect(good.status).toBe('ok');
    const onlyGithub = { ...env, DUO_SSO_RELEASE_URL: 'https://ghe.invalid/r' };
    const t = await networkTargets({ paths: await configWith(`https://localhost:${server.port}`), env: onlyGithub }, { os: 'linux' });
    const warn = networkResult(await probeAll(t.targets, onlyGithub, { resolve: (h) => (h === 'localhost' ? loopback() : nxdomain(h)), timeoutMs: 20_000 }), t.notes, 'linux', onlyGithub);
    expect(warn.status).toBe('warn');
    expect(warn.summary).toMatch(/^duo-sso releases ghe\.invalid: DNS failed/);
  });
});

describe('network check offline', () => {
  it('fails naming DNS for every host when nothing resolves at all (asked for, it must not look fine)', async () => {
    const env = { DUO_SSO_RELEASE_URL: 'https://ghe.invalid/r', AWS_ENDPOINT_URL_STS: 'https://sts.invalid' };
    const { targets, notes } = await networkTargets({ paths: await configWith('https://cloudsso.invalid'), env }, { os: 'linux' });
    const r = networkResult(await probeAll(targets, env, { resolve: nxdomain, timeoutMs: 20_000 }), notes, 'linux', env);
    expect(r.status).toBe('fail');
    expect(r.summary.match(/DNS failed/g)).toHaveLength(3);
  });
});
