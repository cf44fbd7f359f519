// Writing a secret so that a failure can be undone without touching anyone else's: the entry
// is read back, and when it does not match, the undo puts back what was there before only if
// the store still holds exactly what this run wrote. Issue 15: two migrations of one profile
// at once each "undid" by deleting the entry, and the one whose read-back had failed deleted
// the other's verified entry, whose keys had already left the credentials file.
import type { SecretStore } from './types.js';

export type VerifiedWrite =
  | { ok: true }
  /** `undone`: the store is back as before; false when the entry was left (not provably ours). */
  | { ok: false; undone: boolean; error?: unknown };

/**
 * `previous`: the entry's text before (undefined: none, or a damaged one that held nothing).
 * Never throws for the read-back: the caller decides what the failure means.
 */
export async function writeVerified(store: SecretStore, account: string, text: string, previous: string | undefined): Promise<VerifiedWrite> {
  await store.set(account, text);
  // Taken before the read-back: it identifies our write even when the read-back cannot decrypt it.
  const written = await store.fingerprint?.(account).catch(() => undefined);
  let back: string | undefined;
  let error: unknown;
  try {
    back = await store.get(account);
  } catch (e) {
    error = e;
  }
  if (back === text) return { ok: true };
  const undone = await undoWrite(store, account, { text, fingerprint: written }, previous);
  return { ok: false, undone, ...(error === undefined ? {} : { error }) };
}

/**
 * Puts `previous` back (or removes the entry) when the store holds what we wrote: the same
 * text, or, when the entry cannot be read, the same fingerprint as right after our write.
 * Anything else is someone else's entry (another run, the user): left as it is.
 */
export async function undoWrite(store: SecretStore, account: string, ours: { text: string; fingerprint?: string | undefined }, previous: string | undefined): Promise<boolean> {
  try {
    if (!(await holds(store, account, ours))) return false;
    if (previous === undefined) await store.delete(account);
    else await store.set(account, previous);
    return true;
  } catch {
    return false;
  }
}

async function holds(store: SecretStore, account: string, ours: { text: string; fingerprint?: string | undefined }): Promise<boolean> {
  try {
    return (await store.get(account)) === ours.text;
  } catch {
    // Unreadable (a key that needs its passphrase, a damaged file): the fingerprint decides.
    return ours.fingerprint !== undefined && (await store.fingerprint?.(account)) === ours.fingerprint;
  }
}
