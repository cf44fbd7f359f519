// duo-sso from a release binary (Linux, Windows, or any OS with --from): fetched or copied
// into a private temporary folder, checked against --sha256 when given, then installed
// atomically into ~/.local/bin (or /usr/local/bin with --system, the guide's `sudo mv`) and
// proven to run before it replaces anything.
import { join } from 'node:path';
import { isUrl } from '../../net/download.js';
import { DUO_SSO_RELEASE_KEYS } from '../../release/keys/duo-sso-release.js';
import { goArch, MAX_DOWNLOAD_BYTES, releaseAssetName } from '../../release/release-source.js';
import { WORK, type InstallOptions, type PlanInput, type Recipe, type Step, type Verification } from '../types.js';
import { needsSudo, verifyStep } from './common.js';

// One source for the releases page, beside the tap's names (the doctor's network check reads it too).
import { DUO_SSO_RELEASE_URL } from '../../brew/names.js';

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
    const verify = releaseVerification(options, folder, releaseAssetName(facts.os, facts.arch));
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
        ...(verify.kind === 'unverifiable' ? [`Refused: nothing can verify the download (${verify.why}); pass --sha256 HEX from the release page, or --allow-unverified.`] : []),
        ...(needsSudo(input, options.system && !windows) ? ['Installing into /usr/local/bin uses sudo.'] : []),
      ],
    };
  },
};

/**
 * How a release binary is verified (fail closed): --sha256; else a checksums.txt signed by a
 * pinned key (or --release-key); a file the user already has is theirs to vouch for (they are
 * told how to check it); --allow-unverified is the one explicit way past; anything else is
 * refused before it is downloaded.
 */
export function releaseVerification(options: Pick<InstallOptions, 'sha256' | 'from' | 'allowUnverified' | 'releaseKey'>, folder: string, asset: string): Verification {
  const retry = ['duo-sso-setup', 'install', 'duo-sso', ...(options.from ? ['--from', options.from] : [])];
  if (options.sha256) return { kind: 'sha256', sha256: options.sha256.toLowerCase() };
  if (options.allowUnverified) return { kind: 'none', why: '--allow-unverified was given' };
  if (options.from && !isUrl(options.from)) return { kind: 'none', why: 'a file you supplied and no --sha256 to check it against' };
  if (options.from) return { kind: 'unverifiable', why: 'a URL given with --from and no --sha256', retry };
  const keys = options.releaseKey ? [options.releaseKey] : [...DUO_SSO_RELEASE_KEYS];
  if (keys.length === 0) return { kind: 'unverifiable', why: 'no --sha256, and no release signing key is pinned in this version of duo-sso-setup', retry };
  return { kind: 'signed-checksums', checksumsUrl: `${folder}/checksums.txt`, asset, keys, keySource: options.releaseKey ? 'flag' : 'pinned' };
}
