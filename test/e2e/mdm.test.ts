// The MDM scripts in installers/mdm: shellcheck, and their logic run on Linux with stand-ins
// for the tool, sudo and stat (they are written for macOS, where Jamf runs them as root).
// The PowerShell scripts cannot run here (no PowerShell on Debian): their contract is checked
// as text, and docs/fleet.md says so.
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, Sandbox, systemTool } from '../support/sandbox.js';

const MDM = join(REPO, 'installers', 'mdm');
const EA = join(MDM, 'jamf-extension-attribute.sh');
const POLICY = join(MDM, 'jamf-setup-policy.sh');
const boxes: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(boxes.splice(0).map((b) => b.cleanup()));
});

async function box(): Promise<Sandbox> {
  const b = await Sandbox.create();
  boxes.push(b);
  return b;
}

/** A stand-in duo-sso-setup that records its arguments and prints what it is told. */
function tool(output: string, exitCode = 0): string {
  return `#!/bin/sh\nprintf '%s\\n' "$*" >> "$HOME/tool-args"\nprintf '%s\\n' '${output}'\nexit ${exitCode}\n`;
}

describe('installers/mdm', () => {
  it('the shell scripts are POSIX sh and shellcheck clean', () => {
    for (const f of [EA, POLICY]) expect(execFileSync(systemTool('shellcheck')!, ['--shell=sh', '--severity=style', f], { encoding: 'utf8' })).toBe('');
  });

  describe('Jamf extension attribute', () => {
    it('not installed → one result line, exit 0', async () => {
      const b = await box();
      const r = await b.exec('/bin/sh', [EA]);
      expect(r).toMatchObject({ exitCode: 0, stdout: '<result>not installed</result>\n' });
    });

    it('passes on the doctor\'s one result line (run for the console user), whatever else it printed', async () => {
      const b = await box();
      await b.addScript('duo-sso-setup', tool('noise before\n<result>fail: duo-sso; warn: config</result>\nnoise after'));
      const r = await b.exec('/bin/sh', [EA]);
      expect(r).toMatchObject({ exitCode: 0, stdout: '<result>fail: duo-sso; warn: config</result>\n' });
      expect((await b.read('tool-args')).trim()).toBe('doctor --format jamf --user console');
    });

    it('a doctor that fails without a result, or finds nobody at the screen, still gives one line and exit 0', async () => {
      const b = await box();
      await b.addScript('duo-sso-setup', tool('duo-sso-setup: error: unexpected', 1));
      expect((await b.exec('/bin/sh', [EA])).stdout).toBe('<result>error: the doctor gave no result</result>\n');
      await b.addScript('duo-sso-setup', tool('duo-sso-setup: error: nobody is logged in at the screen (the login window owns /dev/console)', 1));
      expect((await b.exec('/bin/sh', [EA])).stdout).toBe('<result>no user logged in</result>\n');
    });
  });

  describe('Jamf setup policy', () => {
    it('runs setup --yes as the user Jamf names ($3), never as root, with parameters 4-11 passed on', async () => {
      const b = await box();
      await b.addScript('duo-sso-setup', tool('should not run directly'));
      await b.addScript('sudo', '#!/bin/sh\nprintf \'%s\\n\' "$@" > "$HOME/sudo-args"\n');
      const r = await b.exec('/bin/sh', [POLICY, '/', 'mac-01', 'ann', '--profile eticloud=626007623524:admin', '', '--no-login']);
      expect(r.exitCode, r.stderr).toBe(0);
      expect((await b.read('sudo-args')).trim().split('\n')).toEqual(['-u', 'ann', '-H', `${b.bin}/duo-sso-setup`, 'setup', '--yes', '--profile', 'eticloud=626007623524:admin', '--no-login']);
    });

    it('refuses when nobody is logged in, and when the tool is not installed', async () => {
      const b = await box();
      await b.addScript('stat', '#!/bin/sh\necho root\n');
      const none = await b.exec('/bin/sh', [POLICY]);
      expect(none.exitCode).toBe(1);
      expect(none.stderr).toContain('no user is logged in');
      const missing = await b.exec('/bin/sh', [POLICY, '/', 'mac-01', 'ann']);
      expect(missing.exitCode).toBe(1);
      expect(missing.stderr).toContain('duo-sso-setup is not installed');
    });
  });

  describe('Intune scripts (PowerShell; checked as text)', () => {
    const detect = readFileSync(join(MDM, 'intune-detect.ps1'), 'utf8');
    const remediate = readFileSync(join(MDM, 'intune-remediate.ps1'), 'utf8');
    it('detection exits 1 on a failing check and 0 otherwise; remediation runs doctor --fix --yes and returns its code', () => {
      expect(detect).toMatch(/\$_.status -eq 'fail'[\s\S]*exit 1[\s\S]*exit 0\s*$/);
      expect(detect).toContain('doctor --json');
      expect(remediate).toMatch(/doctor --fix --yes\s*\nexit \$LASTEXITCODE\s*$/);
    });
  });
});
