// The console's sign-in URL carries a SigninToken good for 15 minutes. Given to the browser
// opener as an argument it would sit in /proc/PID/cmdline (and `ps`) for every local user to
// read, so the opener gets the path of a page instead: a 0600 file in a private (0700)
// temporary folder whose meta refresh sends the browser on to the URL. The page is removed
// once the browser has had time to read it, and at once on Ctrl-C.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { onInterrupt } from '../platform/interrupt.js';

/** How long the page stays for the browser to read; DUO_SSO_SETUP_CONSOLE_PAGE_MS overrides it (tests). */
export const PAGE_LIFETIME_MS = 10_000;

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page: a meta refresh to `url` (no referrer sent on), and a link for a browser that ignores it. */
export function signInPage(url: string, title: string): string {
  const href = escapeHtml(url);
  return `<!doctype html>
<html><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">
<meta http-equiv="refresh" content="0;url=${href}">
<title>${escapeHtml(title)}</title></head>
<body><p><a href="${href}" rel="noreferrer">${escapeHtml(title)}</a></p></body></html>
`;
}

export interface SignInPage {
  /** What the opener gets: a file: URL naming the page, nothing secret. */
  fileUrl: string;
  /** Waits `lifetimeMs` (less when interrupted), then removes the page and its folder. */
  removeAfter(lifetimeMs: number): Promise<void>;
  /** Removes it now. */
  remove(): Promise<void>;
}

export async function writeSignInPage(url: string, title: string, tmpRoot = tmpdir()): Promise<SignInPage> {
  // mkdtemp creates the folder 0700; the file is 0600 and created here, never an existing one.
  const dir = await mkdtemp(join(tmpRoot, 'duo-sso-setup-console-'));
  const file = join(dir, 'sign-in.html');
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await writeFile(file, signInPage(url, title), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    await remove();
    throw error;
  }
  return {
    fileUrl: pathToFileURL(file).href,
    remove,
    removeAfter: async (lifetimeMs) => {
      let stop: () => void = () => undefined;
      const waited = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, lifetimeMs);
        stop = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      const unregister = onInterrupt(stop);
      try {
        await waited;
      } finally {
        unregister();
        await remove();
      }
    },
  };
}
