// Imitates the AWS CLI v2 Linux download (awscli-exe-linux-*.zip + its detached .sig) for
// tests only: a real zip holding a stand-in `aws/install`, signed with a throwaway gpg key
// made per test, plus a second "impostor" signature. Tests pin the throwaway key's
// fingerprint (AWS_CLI_PUBLIC_KEY_FILE + AWS_CLI_SIGNING_FINGERPRINT) instead of AWS's.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { systemTool, type Sandbox } from './sandbox.js';

/** Imitates the zip's aws/install: `install -i DIR -b BINDIR [--update]`; installs `aws` printing `version`. */
export function awsInstallScript(version = '2.99.0'): string {
  return `#!/bin/sh
# Stand-in for the installer inside awscli-exe-linux-*.zip.
set -e
dir=/usr/local/aws-cli; bin=/usr/local/bin; update=
while [ $# -gt 0 ]; do
  case "$1" in -i) dir=$2; shift 2 ;; -b) bin=$2; shift 2 ;; --update|-u) update=1; shift ;; *) echo "unknown option $1" >&2; exit 2 ;; esac
done
if [ -e "$dir/v2/current" ] && [ -z "$update" ]; then echo "Found preexisting AWS CLI installation: $dir/v2/current. Please rerun install script with --update flag." >&2; exit 1; fi
mkdir -p "$dir/v2/${version}/bin" "$bin"
printf '#!/bin/sh\\necho "aws-cli/${version} Python/3.12.6 Linux/6.1.0 exe/x86_64.debian.12"\\n' > "$dir/v2/${version}/bin/aws"
chmod 755 "$dir/v2/${version}/bin/aws"
ln -sfn "$dir/v2/${version}" "$dir/v2/current"
ln -sf "$dir/v2/current/bin/aws" "$bin/aws"
echo "You can now run: $bin/aws --version"
`;
}

export interface SignedZip { zip: Buffer; sig: Buffer; keyFile: string; fingerprint: string; otherSig: Buffer }

/** Runs a helper program for fixture making (not the product under test). */
function tool(file: string, args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): string {
  return execFileSync(file, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** `expiredKey`: the signing key expired after signing (created 10 days ago, valid for 1 day). */
export async function makeSignedZip(box: Sandbox, version = '2.99.0', opts: { expiredKey?: boolean } = {}): Promise<SignedZip> {
  const gpg = systemTool('gpg')!;
  const work = join(box.root, 'release');
  const keyHome = join(box.root, 'signing-gnupg');
  await mkdir(join(work, 'aws'), { recursive: true });
  await mkdir(keyHome, { mode: 0o700 });
  await writeFile(join(work, 'aws', 'install'), awsInstallScript(version), { mode: 0o755 });
  const env = { GNUPGHOME: keyHome };
  tool(systemTool('zip')!, ['-q', '-r', join(work, 'awscli.zip'), 'aws'], { cwd: work });
  const past = Math.floor(Date.now() / 1000) - 10 * 86400;
  const faked = (at: number) => (opts.expiredKey ? ['--faked-system-time', String(at)] : []);
  const gen = (uid: string) => tool(gpg, ['--batch', ...faked(past), '--pinentry-mode', 'loopback', '--passphrase', '', '--quick-gen-key', uid, 'ed25519', 'sign', opts.expiredKey ? '1d' : 'never'], { env });
  gen('Test AWS CLI Team <aws-cli@example.test>');
  gen('Impostor <evil@example.test>');
  const list = tool(gpg, ['--batch', '--with-colons', '--list-keys'], { env });
  const [fingerprint, impostor] = [...list.matchAll(/^fpr:+([0-9A-F]{40}):/gm)].map((m) => m[1]!);
  const sign = (fpr: string, out: string) => {
    tool(gpg, ['--batch', ...faked(past + 3600), '--yes', '--pinentry-mode', 'loopback', '--passphrase', '', '--local-user', fpr, '--detach-sign', '--output', out, join(work, 'awscli.zip')], { env });
    return readFile(out);
  };
  const keyFile = join(box.root, 'test-signing-key.asc');
  await writeFile(keyFile, tool(gpg, ['--batch', '--armor', '--export', fingerprint!], { env }));
  const signed = { zip: await readFile(join(work, 'awscli.zip')), sig: await sign(fingerprint!, join(work, 'good.sig')), otherSig: await sign(impostor!, join(work, 'other.sig')), keyFile, fingerprint: fingerprint! };
  tool(systemTool('gpgconf')!, ['--kill', 'all'], { env });
  return signed;
}
