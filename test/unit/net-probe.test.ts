// The network probe against loopback stand-ins only: a resolver seam for names that do not
// resolve (nothing is looked up on the network), a closed port, a silent server, a TLS server
// whose CA this machine does not trust, and a TLS-intercepting proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bypassed, probe, probeAll, proxyFor } from '../../src/net/probe.js';
import { closedPort, makePki, startInterceptingProxy, startSilentServer, startTlsServer, type Listening, type TestPki } from '../support/tls-interception.js';

const nxdomain = async (host: string): Promise<string[]> => {
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
};
/** Every name is loopback; a name it was not told about fails the test. */
const loopback = (allowed: string[]) => async (host: string): Promise<string[]> => {
  if (!allowed.includes(host)) throw new Error(`the probe looked up ${host}, which this test did not expect`);
  return ['127.0.0.1'];
};
const NO_PROXY_ENV = {};
// Generous: the machine running the tests may be loaded; only the timeout tests use a short budget.
const SLOW = 20_000;

let pki: TestPki;
let server: Listening;

beforeAll(async () => {
  pki = makePki();
  server = await startTlsServer(pki);
});
afterAll(async () => {
  await server.close();
});

describe('probe', () => {
  it('names the DNS layer when the host does not resolve', async () => {
    const r = await probe({ role: 'sso', label: 'SSO', url: 'https://cloudsso.invalid' }, NO_PROXY_ENV, { resolve: nxdomain, timeoutMs: SLOW });
    expect(r.ok).toBe(false);
    expect(r.failed).toMatchObject({ layer: 'dns', code: 'ENOTFOUND' });
    expect(r.failed!.message).toMatch(/does not resolve/);
    expect(r.steps.map((s) => [s.layer, s.ok])).toEqual([['dns', false]]);
  });

  it('names the DNS layer when the resolver never answers, within the budget', async () => {
    const hang = () => new Promise<string[]>(() => {});
    const r = await probe({ role: 'sso', label: 'SSO', url: 'https://cloudsso.invalid' }, NO_PROXY_ENV, { resolve: hang, timeoutMs: 300 });
    expect(r.failed).toMatchObject({ layer: 'dns', code: 'TIMEOUT' });
  });

  it('names the TCP layer for a closed port', async () => {
    const port = await closedPort();
    const r = await probe({ role: 'sts', label: 'STS', url: `https://127.0.0.1:${port}` }, NO_PROXY_ENV, { resolve: nxdomain, timeoutMs: SLOW });
    expect(r.failed).toMatchObject({ layer: 'tcp', code: 'ECONNREFUSED' });
    // An address needs no lookup.
    expect(r.steps.map((s) => s.layer)).toEqual(['tcp']);
  });

  it('names the TLS layer and the issuer when the certificate comes from a CA this machine does not trust', async () => {
    const r = await probe({ role: 'sso', label: 'SSO', url: `https://localhost:${server.port}` }, NO_PROXY_ENV, { resolve: loopback(['localhost']), timeoutMs: SLOW });
    expect(r.steps.map((s) => [s.layer, s.ok])).toEqual([['dns', true], ['tcp', true], ['tls', false]]);
    expect(r.failed!.layer).toBe('tls');
    expect(r.failed!.untrustedIssuer).toBe(pki.caName);
    expect(r.failed!.message).toContain(`"${pki.caName}"`);
    expect(r.failed!.message).toMatch(/intercepting proxy/);
  });

  it('trusts the CA once AWS_CA_BUNDLE (or NODE_EXTRA_CA_CERTS) names it, as the AWS CLI would', async () => {
    for (const variable of ['AWS_CA_BUNDLE', 'NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE']) {
      const r = await probe({ role: 'sso', label: 'SSO', url: `https://localhost:${server.port}` }, { [variable]: pki.caFile }, { resolve: loopback(['localhost']), timeoutMs: SLOW });
      expect(r.ok, variable).toBe(true);
      expect(r.steps.at(-1)).toMatchObject({ layer: 'tls', ok: true });
      expect(r.steps.at(-1)!.detail).toContain(pki.caName);
    }
  });

  it('refuses a trusted certificate made out for another host (the name is checked too)', async () => {
    const r = await probe({ role: 'sts', label: 'STS', url: `https://other.invalid:${server.port}` }, {}, { resolve: loopback(['other.invalid']), ca: [pki.caPem], timeoutMs: SLOW });
    expect(r.failed).toMatchObject({ layer: 'tls', code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    expect(r.failed!.untrustedIssuer).toBeUndefined();
  });

  it('gives up on a server that never answers the handshake, within the budget', async () => {
    const silent = await startSilentServer();
    try {
      const r = await probe({ role: 'sts', label: 'STS', url: `https://127.0.0.1:${silent.port}` }, {}, { timeoutMs: 400 });
      expect(r.failed).toMatchObject({ layer: 'tls', code: 'TIMEOUT' });
      expect(r.steps.map((s) => [s.layer, s.ok])).toEqual([['tcp', true], ['tls', false]]);
    } finally {
      await silent.close();
    }
  });
});

describe('probe through a proxy', () => {
  it('an intercepting proxy: the proxy layer passes, TLS fails with its CA named; the target is never looked up here', async () => {
    const proxy = await startInterceptingProxy(pki);
    try {
      const env = { HTTPS_PROXY: `http://jdoe:s3cret@127.0.0.1:${proxy.port}` };
      const [r] = await probeAll([{ role: 'sso', label: 'SSO', url: 'https://cloudsso.invalid/idp/startSSO.ping' }], env, { resolve: nxdomain, timeoutMs: SLOW });
      expect(proxy.requests).toEqual(['cloudsso.invalid:443']);
      expect(proxy.authorizations).toEqual([`Basic ${Buffer.from('jdoe:s3cret').toString('base64')}`]);
      expect(r!.proxy).toEqual({ url: `http://127.0.0.1:${proxy.port}`, variable: 'HTTPS_PROXY' });
      expect(JSON.stringify(r)).not.toContain('s3cret');
      expect(r!.steps.map((s) => [s.layer, s.ok])).toEqual([['proxy', true], ['tls', false]]);
      expect(r!.failed).toMatchObject({ layer: 'tls', untrustedIssuer: pki.caName });
    } finally {
      await proxy.close();
    }
  });

  it('a proxy that wants credentials, or cannot reach the host, fails at the proxy layer', async () => {
    for (const [status, pattern] of [[407, /wants credentials/], [502, /could not resolve or reach cloudsso.invalid:443/]] as const) {
      const proxy = await startInterceptingProxy(pki, { status });
      try {
        const r = await probe({ role: 'sso', label: 'SSO', url: 'https://cloudsso.invalid' }, { https_proxy: `127.0.0.1:${proxy.port}` }, { resolve: nxdomain, timeoutMs: SLOW });
        expect(r.failed).toMatchObject({ layer: 'proxy', code: `PROXY_${status}` });
        expect(r.failed!.message).toMatch(pattern);
      } finally {
        await proxy.close();
      }
    }
  });

  it('a proxy variable pointing at nothing fails at the proxy layer', async () => {
    const port = await closedPort();
    const r = await probe({ role: 'sts', label: 'STS', url: 'https://sts.invalid' }, { HTTPS_PROXY: `http://127.0.0.1:${port}` }, { resolve: nxdomain, timeoutMs: SLOW });
    expect(r.failed).toMatchObject({ layer: 'proxy', code: 'ECONNREFUSED' });
    const bad = await probe({ role: 'sts', label: 'STS', url: 'https://sts.invalid' }, { HTTPS_PROXY: 'socks5://127.0.0.1:1080' }, { resolve: nxdomain, timeoutMs: SLOW });
    expect(bad.failed).toMatchObject({ layer: 'proxy', code: 'PROXY_URL' });
    expect(bad.failed!.message).toMatch(/socks5/);
  });
});

describe('proxyFor', () => {
  const u = (s: string) => new URL(s);
  it('follows HTTPS_PROXY, then ALL_PROXY, upper or lower case; http URLs use HTTP_PROXY', () => {
    expect(proxyFor(u('https://sts.amazonaws.com'), { https_proxy: 'proxy:3128' })).toMatchObject({ display: 'http://proxy:3128', variable: 'https_proxy' });
    expect(proxyFor(u('https://sts.amazonaws.com'), { ALL_PROXY: 'http://p:1' })).toMatchObject({ variable: 'ALL_PROXY' });
    expect(proxyFor(u('https://sts.amazonaws.com'), { HTTP_PROXY: 'http://p:1' })).toBeUndefined();
    expect(proxyFor(u('http://example.com'), { HTTP_PROXY: 'http://p:1' })).toMatchObject({ variable: 'HTTP_PROXY' });
  });

  it('honours NO_PROXY and never proxies loopback (as Go does)', () => {
    const env = { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'localhost,.cisco.com,10.0.0.1,example.org:8443' };
    expect(proxyFor(u('https://cloudsso.cisco.com'), env)).toBeUndefined();
    expect(proxyFor(u('https://127.0.0.1:8443'), { HTTPS_PROXY: 'http://p:1' })).toBeUndefined();
    expect(proxyFor(u('https://sts.amazonaws.com'), env)).toBeDefined();
    expect(bypassed('example.org', 8443, env.NO_PROXY)).toBe(true);
    expect(bypassed('example.org', 443, env.NO_PROXY)).toBe(false);
    expect(bypassed('anything', 443, '*')).toBe(true);
    expect(bypassed('notcisco.com', 443, 'cisco.com')).toBe(false);
  });
});
