// AWS CLI v2 on Linux from the official zip, checked with gpg against the pinned AWS CLI
// Team fingerprint before anything is unpacked. Per user (~/.local/aws-cli, ~/.local/bin)
// without sudo; --system installs to /usr/local like the AWS guide.
import { join } from 'node:path';
import { AWS_CLI_FINGERPRINT } from '../../release/keys/aws-cli-team.js';
import { PASS_GPG_PACKAGES, installArgv, installEnv } from '../../release/packages.js';
import { MAX_DOWNLOAD_BYTES } from '../../release/release-source.js';
import { WORK, type PlanInput, type Recipe, type Step } from '../types.js';
import { localRoot, needsSudo, verifyStep } from './common.js';

/**
 * unzip and gpg, which the zip needs, are missing from many minimal images: install them
 * first, rather than fail after a 60 MB download with "unzip: not found".
 */
function prerequisites(input: PlanInput): { steps: Step[]; notes: string[] } {
  const has = (name: string) => input.onPath?.(name) !== false;
  const pm = input.facts.packageManager;
  const gpgPackage = pm && pm !== 'winget' ? PASS_GPG_PACKAGES[pm][1]! : 'gnupg';
  const missing = [...(has('unzip') ? [] : ['unzip']), ...(has('gpg') || has('gpg2') ? [] : [gpgPackage])];
  if (missing.length === 0) return { steps: [], notes: [] };
  if (!pm || pm === 'winget') return { steps: [], notes: [`Install ${missing.join(' and ')} first: the zip is checked with gpg and unpacked with unzip.`] };
  return {
    steps: [{
      kind: 'run', title: `Install ${missing.join(' ')} with ${pm} (needed to check and unpack the zip)`, argv: installArgv(pm, missing),
      sudo: pm !== 'brew' && !input.isRoot, mutates: true, timeoutMs: 600_000, env: installEnv(pm),
    }],
    notes: [],
  };
}

export const AWS_CLI_DOWNLOAD_BASE = 'https://awscli.amazonaws.com';

export function awsZipName(arch: string): string | undefined {
  return arch === 'x64' ? 'awscli-exe-linux-x86_64.zip' : arch === 'arm64' ? 'awscli-exe-linux-aarch64.zip' : undefined;
}

export const awsCliLinuxZip: Recipe = {
  component: 'aws-cli',
  method: 'zip',
  applies: ({ facts }) => facts.os === 'linux' && awsZipName(facts.arch) !== undefined,
  plan(input: PlanInput) {
    const { options } = input;
    const zipName = awsZipName(input.facts.arch) ?? 'awscli-exe-linux-x86_64.zip';
    const url = `${(options.awsCliUrl ?? AWS_CLI_DOWNLOAD_BASE).replace(/\/+$/, '')}/${zipName}`;
    const installDir = options.system ? '/usr/local/aws-cli' : join(localRoot(input), 'aws-cli');
    const binDir = options.system ? '/usr/local/bin' : input.paths.localBin;
    const sudo = needsSudo(input, options.system);
    const update = options.update || input.exists?.(join(installDir, 'v2', 'current')) === true;
    const before = prerequisites(input);
    const steps: Step[] = [
      ...before.steps,
      {
        kind: 'download', title: `Download ${zipName}`, url, to: `${WORK}/awscliv2.zip`, maxBytes: MAX_DOWNLOAD_BYTES,
        verify: { kind: 'signature', signatureUrl: `${url}.sig`, fingerprint: options.awsCliFingerprint ?? AWS_CLI_FINGERPRINT, keyFile: options.awsCliKeyFile },
      },
      { kind: 'run', title: 'Unpack the verified zip', argv: ['unzip', '-q', '-o', `${WORK}/awscliv2.zip`, '-d', WORK], sudo: false, mutates: false, timeoutMs: 120_000 },
      {
        kind: 'run', title: `Install to ${installDir} with links in ${binDir}`,
        argv: [`${WORK}/aws/install`, '-i', installDir, '-b', binDir, ...(update ? ['--update'] : [])],
        sudo, mutates: true, timeoutMs: 300_000,
      },
    ];
    if (!options.system) steps.push({ kind: 'add-to-path', title: `Put ${binDir} on PATH`, dir: binDir });
    steps.push(verifyStep('Check the installed AWS CLI', join(binDir, 'aws'), 'aws-cli/2.'));
    return {
      component: 'aws-cli',
      method: 'zip',
      summary: `AWS CLI v2 from the official zip, signature checked against ${fingerprintLabel(options.awsCliFingerprint ?? AWS_CLI_FINGERPRINT)}`,
      steps,
      notes: [
        ...before.notes,
        ...(sudo ? ['The install step runs with sudo (--system).'] : []),
        ...(update ? ['An existing installation is updated in place (--update).'] : []),
      ],
    };
  },
};

export function fingerprintLabel(fpr: string): string {
  return fpr.replace(/(.{4})/g, '$1 ').trim();
}
