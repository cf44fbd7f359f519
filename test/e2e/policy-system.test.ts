// The system policy cannot be switched off by DUO_SSO_SETUP_POLICY. The real location
// (/etc/duo-sso-setup/policy.json, fixed in code) is given a policy only inside a private mount
// namespace (unshare -m) where an overlay over /etc adds it: this machine's /etc is never
// touched, and the tool has no setting that moves the system location.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CLI, Sandbox, systemTool, type RunOutput } from '../support/sandbox.js';

const SYSTEM = '/etc/duo-sso-setup/policy.json';
const SYSTEM_POLICY = { ssoUrl: 'https://sso.system.example.com', maxSessionSeconds: { production: 1800, nonProduction: 3600 } };
const LAX_POLICY = { ssoUrl: 'https://sso.lax.example.com', maxSessionSeconds: { production: 43200, nonProduction: 43200 } };

/** Whether this machine lets root mount an overlay over /etc in a private namespace. */
function overlayWorks(): boolean {
  if (process.getuid?.() !== 0 || !systemTool('unshare') || !systemTool('mount')) return false;
  try {
    execFileSync('unshare', ['-m', 'sh', '-c', 'mount --make-rprivate / && d=$(mktemp -d) && mkdir $d/u $d/w && mount -t overlay overlay -o lowerdir=/etc,upperdir=$d/u,workdir=$d/w /etc'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const usable = overlayWorks();

describe.skipIf(!usable)('the system policy always applies (private mount namespace with a policy at /etc/duo-sso-setup)', () => {
  let box: Sandbox;
  let lax: string;
  /** An overlay upper folder holding duo-sso-setup/policy.json with this mode (or nothing). */
  const uppers = new Map<string, string>();

  beforeAll(async () => {
    box = await Sandbox.create();
    lax = join(box.root, 'lax.json');
    await writeFile(lax, JSON.stringify(LAX_POLICY));
    await chmod(lax, 0o644);
    for (const [name, mode] of [['trusted', 0o644], ['group-writable', 0o664], ['none', undefined]] as const) {
      const upper = join(box.root, 'overlay', name);
      await mkdir(join(upper, 'u'), { recursive: true });
      await mkdir(join(upper, 'w'));
      if (mode !== undefined) {
        await mkdir(join(upper, 'u', 'duo-sso-setup'));
        await writeFile(join(upper, 'u', 'duo-sso-setup', 'policy.json'), JSON.stringify(SYSTEM_POLICY));
        await chmod(join(upper, 'u', 'duo-sso-setup', 'policy.json'), mode);
      }
      uppers.set(name, upper);
    }
  });
  afterAll(async () => {
    await box?.cleanup();
  });

  /** The CLI in its own mount namespace, where /etc has `system`'s policy (or none). */
  function run(system: string, args: string[], policyVar?: string): Promise<RunOutput> {
    const upper = uppers.get(system)!;
    const mount = systemTool('mount')!;
    const script = `${mount} --make-rprivate / && ${mount} -t overlay overlay -o lowerdir=/etc,upperdir=${upper}/u,workdir=${upper}/w /etc && exec "$@"`;
    return box.exec(systemTool('unshare')!, ['-m', 'sh', '-c', script, 'sh', process.execPath, CLI, ...args], {
      env: { DUO_SSO_SETUP_POLICY: policyVar }, timeoutMs: 60_000,
    });
  }

  const doctorPolicy = async (system: string, policyVar?: string) => {
    const r = await run(system, ['doctor', '--json', '--only', 'policy'], policyVar);
    expect(r.json, r.stderr).toBeDefined();
    return r.json.checks[0];
  };

  it('with a trusted system policy, the variable cannot switch it off: missing file, /etc/passwd, a laxer policy', async () => {
    for (const policyVar of [undefined, '/nonexistent', '/etc/passwd', lax]) {
      const check = await doctorPolicy('trusted', policyVar);
      expect(check, String(policyVar)).toMatchObject({ status: 'ok', data: { status: 'applied', path: SYSTEM, source: 'system' } });
      expect(check.summary).toBe(`${SYSTEM} applied (the system policy)`);
      if (policyVar) expect(check.details).toContain(`Applied: the system location ${SYSTEM} always applies; DUO_SSO_SETUP_POLICY=${policyVar} is not used.`);
      const init = await run('trusted', ['config', 'init', '--yes', '--dry-run'], policyVar);
      expect(init.exitCode, init.stderr).toBe(0);
      expect(init.stdout).toContain('sso.system.example.com');
      expect(init.stdout).not.toContain('sso.lax.example.com');
    }
  });

  it('an untrusted file at the system location is reported, and no other policy is applied in its place', async () => {
    const check = await doctorPolicy('group-writable', lax);
    expect(check).toMatchObject({ status: 'warn', data: { status: 'ignored', path: SYSTEM, source: 'system' } });
    const init = await run('group-writable', ['config', 'init', '--yes', '--dry-run'], lax);
    expect(init.stdout).not.toContain('sso.lax.example.com');
  });

  it('with no system policy, the variable names one, and the doctor says so', async () => {
    const check = await doctorPolicy('none', lax);
    expect(check).toMatchObject({ status: 'ok', data: { status: 'applied', path: lax, source: 'variable' } });
    expect(check.summary).toBe(`${lax} applied (DUO_SSO_SETUP_POLICY; no system policy)`);
    expect(check.details).toContain(`Applied: DUO_SSO_SETUP_POLICY=${lax}, as there is no policy at the system location ${SYSTEM}.`);
    const none = await doctorPolicy('none');
    expect(none).toMatchObject({ status: 'skip', summary: `no organisation policy at ${SYSTEM}` });
  });
});

it.runIf(!usable)('policy-system: skipped, this machine cannot mount an overlay over /etc in a private namespace (needs root and unshare)', () => {
  expect(usable).toBe(false);
});
