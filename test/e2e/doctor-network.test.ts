// Issue 12's "done when" for the network check, with the built CLI: a machine whose SSO host
// does not resolve fails with the DNS layer named; behind a TLS-intercepting loopback proxy
// the TLS layer, the CA that re-signs and the CA fix are named. The hosts are `.invalid`
// names (never resolvable) and loopback servers; the proxy terminates TLS itself and never
// connects anywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Runtime, sandboxPerTest } from '../support/sandbox.js';
import { makePki, startInterceptingProxy, startTlsServer, type Listening, type TestPki } from '../support/tls-interception.js';

const sandbox = sandboxPerTest();
let pki: TestPki;
let server: Listening;

beforeAll(async () => {
  pki = makePki();
  server = await startTlsServer(pki);
});
afterAll(async () => {
  await server.close();
});

function network(json: any): any {
  return json.checks.find((c: any) => c.id === 'network');
}

describe.each<Runtime>(['node', 'deno'])('doctor --only network under %s', (runtime) => {
  it('fails with the DNS layer named when the SSO host does not resolve', async () => {
    const box = await sandbox();
    await box.write('.config/duo-sso/config.json', JSON.stringify({ url: 'https://cloudsso.invalid', profiles: {} }));
    const env = {
      AWS_ENDPOINT_URL_STS: `https://127.0.0.1:${server.port}`,
      DUO_SSO_RELEASE_URL: `https://127.0.0.1:${server.port}/releases/latest/download`,
      AWS_CA_BUNDLE: pki.caFile,
    };
    const r = await box.run(['doctor', '--json', '--only', 'network'], { runtime, env, timeoutMs: 60_000 });
    expect(r.exitCode).toBe(1);
    const check = network(r.json);
    expect(check.status).toBe('fail');
    expect(check.summary).toMatch(/^SSO page cloudsso\.invalid: DNS failed/);
    expect(check.data.targets.map((t: any) => [t.role, t.ok, t.failed?.layer])).toEqual([['sso', false, 'dns'], ['sts', true, undefined]]);
    const human = await box.run(['doctor', '--only', 'network'], { runtime, env, timeoutMs: 60_000 });
    expect(human.stdout).toContain('DNS failed');
    expect(human.stdout).toContain('nslookup cloudsso.invalid');
  });

  it('behind a TLS-intercepting proxy names the TLS layer, the CA and the CA fix', async () => {
    const proxy = await startInterceptingProxy(pki);
    try {
      const box = await sandbox();
      await box.write('.config/duo-sso/config.json', JSON.stringify({ url: 'https://cloudsso.invalid', profiles: {} }));
      const env = {
        HTTPS_PROXY: `http://127.0.0.1:${proxy.port}`,
        AWS_ENDPOINT_URL_STS: 'https://sts.invalid',
        DUO_SSO_RELEASE_URL: 'https://ghe.invalid/o/duo-sso/releases/latest/download',
      };
      const r = await box.run(['doctor', '--only', 'network'], { runtime, env, timeoutMs: 60_000 });
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toContain('TLS failed');
      expect(r.stdout).toContain(pki.caName);
      expect(r.stdout).toMatch(/AWS_CA_BUNDLE/);
      expect(r.stdout).toMatch(/NODE_EXTRA_CA_CERTS/);
      expect(r.stdout).toContain('update-ca-certificates');
      expect(proxy.requests).toEqual(expect.arrayContaining(['cloudsso.invalid:443', 'sts.invalid:443', 'ghe.invalid:443']));
    } finally {
      await proxy.close();
    }
  });
});
