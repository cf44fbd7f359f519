// What one profile's secret-store entry holds: the credential_process Version 1 document,
// plus what `credentials restore` needs to put both files back byte-for-byte. The restore
// data includes the secret lines themselves, which is why it lives in the store and not in
// our state file. One line of JSON, so every backend stores it as is.
import { isTextPatch, type TextPatch } from './text-patch.js';

/** How the expiry is known (src/credentials/expiration.ts); never later than the truth. */
export type ExpirationSource = 'login' | 'file' | 'estimated' | 'unknown' | 'none';

export interface StoredEntry {
  Version: 1;
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken?: string;
  /** ISO 8601; absent for long-term keys. */
  Expiration?: string;
  duoSsoSetup: {
    profile: string;
    storedAt: string;
    expirationSource: ExpirationSource;
    /** The secret lines taken out of the credentials file. */
    credentialsPatch?: TextPatch;
    /** Our credential_process line in the config file; `configCreated` when the file did not exist. */
    configPatch?: TextPatch;
    configCreated?: boolean;
  };
}

export function serialiseEntry(entry: StoredEntry): string {
  return JSON.stringify(entry);
}

/** The entry, or undefined when the text is not one of ours (damaged, or written by something else). */
export function parseEntry(text: string): StoredEntry | undefined {
  let v: StoredEntry;
  try {
    v = JSON.parse(text) as StoredEntry;
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null || v.Version !== 1) return undefined;
  if (typeof v.AccessKeyId !== 'string' || typeof v.SecretAccessKey !== 'string' || !v.AccessKeyId || !v.SecretAccessKey) return undefined;
  if (v.SessionToken !== undefined && typeof v.SessionToken !== 'string') return undefined;
  if (v.Expiration !== undefined && (typeof v.Expiration !== 'string' || Number.isNaN(Date.parse(v.Expiration)))) return undefined;
  const meta = v.duoSsoSetup;
  if (typeof meta !== 'object' || meta === null) return undefined;
  if (meta.credentialsPatch !== undefined && !isTextPatch(meta.credentialsPatch)) return undefined;
  if (meta.configPatch !== undefined && !isTextPatch(meta.configPatch)) return undefined;
  return v;
}

/** Exactly what credential_process must print: the Version 1 fields and nothing else. */
export function processOutput(entry: StoredEntry): string {
  return `${JSON.stringify({
    Version: 1,
    AccessKeyId: entry.AccessKeyId,
    SecretAccessKey: entry.SecretAccessKey,
    ...(entry.SessionToken ? { SessionToken: entry.SessionToken } : {}),
    ...(entry.Expiration ? { Expiration: entry.Expiration } : {}),
  })}\n`;
}

/**
 * Expired, or so close to it that a request signed now could reach AWS after it. Only seconds:
 * keys that still work are served to the end (docs/renewal.md), since AWS checks the token
 * per request, when it arrives.
 */
export function isExpired(entry: Pick<StoredEntry, 'Expiration'>, now: Date, marginMs = 10_000): boolean {
  return entry.Expiration !== undefined && Date.parse(entry.Expiration) - marginMs <= now.getTime();
}
