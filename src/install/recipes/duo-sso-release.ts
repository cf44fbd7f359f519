// duo-sso from a release binary (Linux, Windows, or any OS with --from): fetched or copied
// into a private temporary folder, checked against --sha256 when given, then installed
// atomically into ~/.local/bin (or /usr/local/bin with --system, the guide's `sudo mv`) and
// proven to run before it replaces anything.
import { join } from 'node:path';
import { MAX_DOWNLOAD_BYTES, WORK, type PlanInput, type Recipe, type Step, type Verification } from '../types.js';
import { goArch, needsSudo, verifyStep } from './common.js';

/** The guide's releases page; mirrors and tests pass --release-url or DUO_SSO_RELEASE_URL. */
export const DUO_SSO_RELEASE_URL = 'https://wwwin-github.cisco.com/ATS-operations/duo-sso/releases/latest/download';

export function releaseAssetName(os: string, arch: string): string {
  return os === 'win32' ? `duo-sso_windows_${goArch(arch)}.exe` : `duo-sso_${os}_${goArch(arch)}`;
}

export function duoSsoSource(input: PlanInput): string {
  const { options, facts } = input;
  if (options.from) return options.from;
  return `${(options.releaseUrl ?? DUO_SSO_RELEASE_URL).replace(/\/+$/, '')}/${releaseAssetName(facts.os, facts.arch)}`;
}

export const duoSsoRelease: Recipe = {
  component: 'duo-sso',
  method: 'release',
  applies: ({ facts }) => facts.os === 'linux' || facts.os === 'win32' || facts.os === 'darwin',
  plan(input) {
    const { options, facts, paths } = input;
    const windows = facts.os === 'win32';
    const binName = windows ? 'duo-sso.exe' : 'duo-sso';
    const binDir = options.system && !windows ? '/usr/local/bin' : paths.localBin;
    const target = join(binDir, binName);
    const source = duoSsoSource(input);
    const folder = (options.releaseUrl ?? DUO_SSO_RELEASE_URL).replace(/\/+$/, '');
    const verify: Verification = options.sha256
      ? { kind: 'sha256', sha256: options.sha256.toLowerCase() }
      : options.from
        ? { kind: 'none', why: 'no checksum given (pass --sha256 HEX from the release page)' }
        : { kind: 'checksums', checksumsUrl: `${folder}/checksums.txt`, asset: releaseAssetName(facts.os, facts.arch) };
    const steps: Step[] = [
      { kind: 'download', title: options.from ? `Copy ${source}` : `Download ${source.split('/').pop()}`, url: source, to: `${WORK}/${binName}`, verify, maxBytes: MAX_DOWNLOAD_BYTES },
      { kind: 'install-binary', title: `Install as ${target}`, from: `${WORK}/${binName}`, to: target, sudo: needsSudo(input, options.system && !windows), versionArgs: ['--version'] },
    ];
    if (binDir === paths.localBin) steps.push({ kind: 'add-to-path', title: `Put ${binDir} on PATH`, dir: binDir });
    steps.push(verifyStep('Check the installed duo-sso runs', target, 'duo-sso'));
    return {
      component: 'duo-sso',
      method: 'release',
      summary: options.from ? `duo-sso from ${source}` : `duo-sso release binary for ${facts.os}/${goArch(facts.arch)}`,
      steps,
      notes: [
        ...(verify.kind === 'none' ? [`Unverified download: ${verify.why}.`] : []),
        ...(needsSudo(input, options.system && !windows) ? ['Installing into /usr/local/bin uses sudo.'] : []),
      ],
    };
  },
};
