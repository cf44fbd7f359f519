// Where a duo-sso release comes from and how it is trusted. Releases live in a GitHub
// (Enterprise) releases folder: `…/releases/latest/download/ASSET`; `…/releases/latest`
// redirects to `…/releases/tag/vX.Y.Z`, which is how we learn the newest version without
// downloading it; a goreleaser `checksums.txt` beside the assets, signed with minisign
// (`checksums.txt.minisig`), gives the SHA-256. Install and upgrade both read it: it sits
// below both so neither reaches into the other.
import { DUO_SSO_RELEASE_URL } from '../brew/names.js';
import type { Env } from '../platform/paths.js';
import { parseVersion } from '../parsers/tool-version.js';
import { urlRefusal } from '../net/download.js';

/** The most a release download may be: a larger answer is refused, not stored. */
export const MAX_DOWNLOAD_BYTES = 200 * 1024 * 1024;

/** Release asset naming for Go binaries: linux/darwin/windows × amd64/arm64. */
export function goArch(arch: string): string {
  return arch === 'x64' ? 'amd64' : arch === 'arm64' ? 'arm64' : arch === 'ia32' ? '386' : arch;
}

export function releaseAssetName(os: string, arch: string): string {
  return os === 'win32' ? `duo-sso_windows_${goArch(arch)}.exe` : `duo-sso_${os}_${goArch(arch)}`;
}

export interface ReleaseSource {
  /** The release folder (…/releases/latest/download), or undefined for --from. */
  folder: string | undefined;
  asset: string;
  /** What is downloaded or copied. */
  source: string;
}

/** `policyFolder`: the organisation policy's releaseUrl, used when DUO_SSO_RELEASE_URL is not set. */
export function releaseSource(env: Env, os: string, arch: string, from: string | undefined, policyFolder?: string): ReleaseSource {
  const asset = releaseAssetName(os, arch);
  if (from) return { folder: undefined, asset, source: from };
  const folder = (env.DUO_SSO_RELEASE_URL || policyFolder || DUO_SSO_RELEASE_URL).replace(/\/+$/, '');
  return { folder, asset, source: `${folder}/${asset}` };
}

/** `…/releases/latest/download` → `…/releases/latest`; undefined for other layouts. */
export function latestPage(folder: string): string | undefined {
  return /\/releases\/latest\/download$/.test(folder) ? folder.replace(/\/download$/, '') : undefined;
}

/** The version in a `…/releases/tag/v3.5.0` redirect. */
export function versionFromTagUrl(location: string): string | undefined {
  const tag = /\/releases\/tag\/([^/?#]+)/.exec(location)?.[1];
  return tag ? parseVersion(decodeURIComponent(tag)) : undefined;
}

/** Asks the releases page which version is newest; undefined when it cannot tell (offline, other layout). */
export async function latestVersion(folder: string, timeoutMs = 10_000): Promise<string | undefined> {
  const page = latestPage(folder);
  // The same rule as downloads: https, or http on loopback only.
  if (!page || urlRefusal(new URL(page))) return undefined;
  try {
    const r = await fetch(page, { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'duo-sso-setup' } });
    await r.body?.cancel();
    const location = r.headers.get('location');
    return location ? versionFromTagUrl(location) : undefined;
  } catch {
    return undefined;
  }
}

// checksums.txt is read only together with its signature: see net/release-verify.
export { checksumFor } from '../net/release-verify.js';
