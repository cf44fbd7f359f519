// Which URL a re-tap uses. The guide's default is right for most people, but a tap cloned
// from a mirror or a fork must come back from the same place.
import { DEFAULT_TAP_URL } from '../brew/names.js';

export type TapUrlSource = 'flag' | 'state' | 'tap remote' | 'default';

export interface TapUrl {
  url: string;
  source: TapUrlSource;
}

export function chooseTapUrl(candidates: { flag?: string | undefined; state?: string | undefined; remote?: string | undefined }): TapUrl {
  const pick = ([['flag', candidates.flag], ['state', candidates.state], ['tap remote', candidates.remote]] as const)
    .find(([, url]) => typeof url === 'string' && url.trim() !== '');
  return pick ? { url: pick[1]!.trim(), source: pick[0] } : { url: DEFAULT_TAP_URL, source: 'default' };
}
