// login after duo-sso fails on the network: it probes what a login needs and names the layer
// that fails. The duo-sso simulator talks to an STS address where nothing listens; the SSO
// page is a loopback TLS server (its CA trusted through AWS_CA_BUNDLE) or a `.invalid` name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox, type Runtime } from '../support/sandbox.js';
import { installDuoSsoSim } from '../support/duo-sso-sim/index.js';
import { closedPort, makePki, startTlsServer, type Listening, type TestPki } from '../support/tls-interception.js';

let pki: TestPki;
let sso: Listening;
const boxes: Sandbox[] = [];

beforeAll(async () => {
  pki = makePki();
  sso = await startTlsServer(pki);
});
afterAll(async () => {
  await sso.close();
  await Promise.all(boxes.map((b) => b.cleanup()));
});

async function setup(ssoUrl: string): Promise<{ box: Sandbox; sts: string }> {
  const sts = `https://127.0.0.1:${await closedPort()}`;
  const box = await Sandbox.create({ env: { AWS_ENDPOINT_URL_STS: sts, AWS_CA_BUNDLE: pki.caFile, DUO_SSO_RELEASE_URL: 'https://ghe.invalid/r/releases/latest/download' } });
  boxes.push(box);
  await installDuoSsoSim(box, { stsEndpoint: sts });
  await box.write('.config/duo-sso/config.json', JSON.stringify({ url: ssoUrl, session_duration_seconds: 3600, profiles: { dev: { aws_account_id: '111111111111', aws_role_name: 'admin' } } }));
  return { box, sts };
}

describe.each<Runtime>(['node'])('login under %s, duo-sso failing on the network', (runtime) => {
  it('names the TCP layer for STS when nothing listens there', async () => {
    const { box, sts } = await setup(`https://localhost:${sso.port}`);
    const r = await box.run(['login', '--yes', '--json'], { runtime, timeoutMs: 60_000 });
    expect(r.exitCode).toBe(1);
    expect(r.json.problem.id).toBe('connection-refused');
    expect(r.json.problem.message).toContain(`network probe: AWS STS 127.0.0.1:${new URL(sts).port}: TCP failed: connection refused`);
    expect(r.json.problem.commands).toContainEqual(['duo-sso-setup', 'doctor', '--only', 'network']);
  });

  it('names the DNS layer when the SSO host does not resolve', async () => {
    const { box } = await setup('https://cloudsso.invalid');
    const r = await box.run(['login', '--yes'], { runtime, timeoutMs: 60_000 });
    expect(r.exitCode).toBe(1);
    expect(`${r.stdout}${r.stderr}`).toContain('SSO page cloudsso.invalid: DNS failed');
  });
});
