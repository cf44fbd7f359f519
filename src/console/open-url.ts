// Opening a URL in the user's browser: the platform's own opener, given the URL as one
// argument (no shell: a console URL is full of & and %). On Windows not `start` (a cmd.exe
// built-in that would need the URL quoted for cmd's rules) but the URL handler it calls.

export interface Opener {
  file: string;
  args: string[];
}

export function openerFor(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>, url: string): Opener | undefined {
  if (platform === 'darwin') return { file: 'open', args: [url] };
  if (platform === 'win32') return { file: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
  // Linux and the BSDs: only with a desktop to show it on (over SSH xdg-open would start a
  // text browser, or fail after a long wait). WSL has wslview when xdg-open is absent.
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return { file: 'xdg-open', args: [url] };
  if (env.WSL_DISTRO_NAME) return { file: 'wslview', args: [url] };
  return undefined;
}
