// What our state file says about stored credentials: `storedProfiles` and `secretStore`
// (declared in src/state/state.ts) plus, per profile, when its stored keys expire, so that
// `status` and `doctor` can report expiry without opening the keychain. No secrets here.
import type { State } from '../state/state.js';
import type { StoredEntry } from './entry.js';

export interface StoredCredentialsInfo {
  store: 'keychain' | 'pass';
  storedAt: string;
  expiration?: string;
  expirationSource: StoredEntry['duoSsoSetup']['expirationSource'];
}

export const STORED_CREDENTIALS_KEY = 'storedCredentials';

export function storedCredentials(state: State): Record<string, StoredCredentialsInfo> {
  const v = state[STORED_CREDENTIALS_KEY];
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, StoredCredentialsInfo>) : {};
}

export function recordStored(state: State, entry: StoredEntry, store: StoredCredentialsInfo['store']): State {
  const profile = entry.duoSsoSetup.profile;
  const info: StoredCredentialsInfo = { store, storedAt: entry.duoSsoSetup.storedAt, ...(entry.Expiration ? { expiration: entry.Expiration } : {}), expirationSource: entry.duoSsoSetup.expirationSource };
  return {
    ...state,
    secretStore: store,
    storedProfiles: [...new Set([...(state.storedProfiles ?? []), profile])].sort(),
    [STORED_CREDENTIALS_KEY]: { ...storedCredentials(state), [profile]: info },
  };
}

export function forgetStored(state: State, profile: string): State {
  const { [profile]: _gone, ...rest } = storedCredentials(state);
  return { ...state, storedProfiles: (state.storedProfiles ?? []).filter((p) => p !== profile), [STORED_CREDENTIALS_KEY]: rest };
}
