// The names duo-sso is published under. Homebrew drops a "homebrew-" prefix from a tap's
// repository name, so `ats-operations/homebrew-tap` and `ats-operations/tap` are one tap:
// `brew tap` lists the short form, the guide uses the long one.

export const TAP = 'ats-operations/homebrew-tap';
export const DEFAULT_TAP_URL = 'https://wwwin-github.cisco.com/ATS-operations/homebrew-tap';
/** The guide's releases page (binary installs); mirrors and tests pass --release-url or DUO_SSO_RELEASE_URL. */
export const DUO_SSO_RELEASE_URL = 'https://wwwin-github.cisco.com/ATS-operations/duo-sso/releases/latest/download';
export const FORMULA = 'duo-sso';
/** Homebrew 6 installs from an untrusted third-party tap only by this name. */
export const QUALIFIED_FORMULA = `${TAP}/${FORMULA}`;

/** `User/homebrew-Repo` → `user/repo`, the form Homebrew compares taps in. */
export function normaliseTap(name: string): string {
  const [user = '', repo = ''] = name.trim().toLowerCase().split('/');
  return `${user}/${repo.replace(/^(home|linux)brew-/, '')}`;
}

export function sameTap(a: string, b: string): boolean {
  return normaliseTap(a) === normaliseTap(b);
}
