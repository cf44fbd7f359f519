// `login` on a config.json without profiles, and no terminal for duo-sso's account picker: the
// hint named `duo-sso-setup config init`, which refuses a config.json that exists (and --force
// would replace it). Found by the new-user review. The command the hint names now works on that
// very file, as given.
import { describe, expect, it } from 'vitest';
import { sandboxPerTest } from '../support/sandbox.js';
import { installDuoSsoSim } from '../support/duo-sso-sim/index.js';

const sandbox = sandboxPerTest();
const NO_PROFILES = { url: 'https://cloudsso.cisco.com', partner_spid: 'https://signin.aws.amazon.com/saml', aws_urn: 'https://signin.aws.amazon.com/saml', session_duration_seconds: 3600 };

describe('login with no profiles and no terminal', () => {
  it('names a command that adds a profile to the existing config.json, and it works as given', async () => {
    const box = await sandbox();
    // Never reached: login refuses before running duo-sso.
    await installDuoSsoSim(box, { stsEndpoint: 'http://127.0.0.1:9' });
    await box.write('.config/duo-sso/config.json', `${JSON.stringify(NO_PROFILES, null, 2)}\n`);

    const r = await box.run(['login', '--yes']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/has no "profiles", so duo-sso would ask which account and role to use/);
    expect(r.stderr).not.toContain('config init');
    const named = /duo-sso-setup (config add-profile NAME --account ID --role ROLE)/.exec(r.stderr)?.[1];
    expect(named).toBeDefined();
    const args = named!.replace('NAME', 'dev').replace('ID', '111111111111').replace('ROLE', 'admin').split(' ');
    const added = await box.run([...args, '--yes']);
    expect(added.exitCode, added.stderr).toBe(0);
    expect(JSON.parse(await box.read('.config/duo-sso/config.json'))).toMatchObject({ ...NO_PROFILES, profiles: { dev: { aws_account_id: '111111111111', aws_role_name: 'admin' } } });

    // The same for a profile named on the command line of a config without profiles: bad input naming a
    // profile config.json does not have, exit 2 as in every command that takes --profile (docs/config.md).
    await box.write('.config/duo-sso/config.json', `${JSON.stringify(NO_PROFILES, null, 2)}\n`);
    const unknown = await box.run(['login', '--profile', 'dev', '--yes']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('add one with duo-sso-setup config add-profile NAME --account ID --role ROLE');
    expect(unknown.stderr).not.toContain('config init');
  });
});
