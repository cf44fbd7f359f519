// How to install duo-sso when it is missing, decided in one place: the doctor's duo-sso check
// and login (which offers it at a terminal) name the same remedy on the same machine.
import { DEFAULT_TAP_URL, DUO_SSO_RELEASE_URL, QUALIFIED_FORMULA, TAP } from '../brew/names.js';
import { DUO_SSO_RELEASE_KEYS } from '../release/keys/duo-sso-release.js';
import { releaseAssetName } from '../release/release-source.js';
import type { Fix } from '../check/types.js';
import type { PlatformFacts } from '../platform/facts.js';

export function duoSsoInstallFix(platform: PlatformFacts): Fix {
  if (platform.os !== 'darwin' && platform.homebrewPrefix === undefined && DUO_SSO_RELEASE_KEYS.length === 0) {
    // The release download is refused unless something verifies it, and no key is pinned yet:
    // the plain `install duo-sso` (and so doctor --fix) could only fail. Its SHA-256 is what works.
    return {
      description: `Install duo-sso with the SHA-256 of ${releaseAssetName(platform.os, platform.arch)} from its release page (${DUO_SSO_RELEASE_URL.replace(/\/download$/, '')}); nothing else can verify the download yet. A file you already downloaded: --from FILE instead`,
      commands: [['duo-sso-setup', 'install', 'duo-sso', '--sha256', 'HEX']],
      automatic: false,
    };
  }
  const commands = platform.os === 'darwin'
    ? [['brew', 'tap', TAP, DEFAULT_TAP_URL], ['brew', 'install', QUALIFIED_FORMULA]]
    : [['duo-sso-setup', 'install', 'duo-sso']];
  return { description: 'Install duo-sso', commands, automatic: true, needsConfirmation: true };
}
