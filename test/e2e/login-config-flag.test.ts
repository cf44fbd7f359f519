// `login` under the global `--config PATH`. duo-sso reads only ~/.config/duo-sso/config.json
// and has no flag for another file, so such a login ran duo-sso on its own file: it logged in
// (and overwrote the keys of) those profiles, and reported the profiles of PATH as "no
// credentials saved". Found by the new-user review. Now refused (usage, exit 2) before duo-sso
// runs; duo-sso's own file, however the path is written, still logs in.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createGpgKey, sandboxPerTest } from '../support/sandbox.js';
import { StsServer } from '../support/sts-server.js';
import { installDuoSsoSim } from '../support/duo-sso-sim/index.js';

const sandbox = sandboxPerTest();
const servers: StsServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const config = (profiles: Record<string, { aws_account_id: string; aws_role_name: string }>) =>
  `${JSON.stringify({ url: 'https://cloudsso.cisco.com', partner_spid: 'https://signin.aws.amazon.com/saml', aws_urn: 'https://signin.aws.amazon.com/saml', session_duration_seconds: 3600, profiles }, null, 2)}\n`;

describe('login --config', () => {
  it('another file: refused before duo-sso runs, the credentials untouched; duo-sso\'s own file by another name: logs in', async () => {
    const sts = await StsServer.start();
    servers.push(sts);
    const box = await sandbox({ tools: ['/usr/bin/aws'], env: { AWS_ENDPOINT_URL_STS: sts.url, AWS_ENDPOINT_URL_IAM: sts.url } });
    const sim = await installDuoSsoSim(box, { stsEndpoint: sts.url });
    await box.write('.config/duo-sso/config.json', config({ dev: { aws_account_id: '111111111111', aws_role_name: 'admin' } }));
    await box.write('other.json', config({ team: { aws_account_id: '222222222222', aws_role_name: 'admin' } }));
    const credentials = '[dev]\naws_access_key_id = ASIAKEEP\naws_secret_access_key = keep\naws_session_token = keep\n';
    await box.write('.aws/credentials', credentials);

    const r = await box.run(['--config', 'other.json', 'login', '--yes']);
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toContain(`duo-sso reads only ${box.path('.config/duo-sso/config.json')}, so a login cannot use --config ${box.path('other.json')}`);
    expect(await sim.runs()).toHaveLength(0);
    expect(await box.read('.aws/credentials')).toBe(credentials);

    // Relative to the current folder (HOME here), through a detour: the same file.
    const same = await box.run(['--config', './.config/../.config/duo-sso/config.json', 'login', '--yes', '--json']);
    expect(same.exitCode, same.stderr).toBe(0);
    expect(same.json).toMatchObject({ ok: true, profiles: [{ name: 'dev' }] });
    expect(await sim.runs()).toHaveLength(1);
  });

  it('setup --config PATH: its login step says so instead of running duo-sso on duo-sso\'s own file', async () => {
    const sts = await StsServer.start();
    servers.push(sts);
    const box = await sandbox({ tools: ['/usr/bin/aws', 'gpg', 'pass'], env: { AWS_ENDPOINT_URL_STS: sts.url, AWS_ENDPOINT_URL_IAM: sts.url } });
    const sim = await installDuoSsoSim(box, { stsEndpoint: sts.url });
    // Everything setup installs is there already: it installs nothing.
    expect((await box.exec(join(box.bin, 'pass'), ['init', await createGpgKey(box)])).exitCode).toBe(0);
    const r = await box.run(['--config', 'other.json', 'setup', '--yes', '--no-completion', '--profile', 'dev=111111111111:admin'], { timeoutMs: 90_000 });
    expect(r.stdout + r.stderr).not.toMatch(/✗ Install/);
    // A usage problem, as for login itself.
    expect(r.exitCode, r.stderr).toBe(2);
    expect(`${r.stdout}${r.stderr}`).toMatch(/✗ First login: duo-sso reads only \S+\/\.config\/duo-sso\/config\.json, so a login cannot use --config \S+\/other\.json/);
    expect(JSON.parse(await box.read('other.json'))).toMatchObject({ profiles: { dev: { aws_account_id: '111111111111' } } });
    expect(await sim.runs()).toHaveLength(0);
  }, 120_000);
});
