// Parses `gpg --list-secret-keys --with-colons`. Fields (1-based, per GnuPG's
// doc/DETAILS): 1 record type, 2 validity, 6 creation, 7 expiry (epoch seconds),
// 10 user id / fingerprint, 12 capabilities.

export type KeyState = 'usable' | 'expired' | 'revoked' | 'disabled' | 'invalid';

export interface SecretKey {
  fingerprint: string;
  keyId: string;
  userIds: string[];
  state: KeyState;
  expires: Date | undefined;
  /** Can the key (or one of its subkeys) encrypt? pass needs that. */
  canEncrypt: boolean;
  /** The fingerprints of its usable encryption subkeys: a .gpg-id may name one of those. */
  encryptionSubkeys: string[];
}

function stateOf(validity: string, expires: Date | undefined, now: Date, capabilities: string): KeyState {
  if (validity === 'r') return 'revoked';
  if (validity === 'e' || (expires && expires.getTime() <= now.getTime())) return 'expired';
  if (validity === 'i') return 'invalid';
  if (capabilities.includes('D')) return 'disabled';
  return 'usable';
}

export function parseSecretKeys(text: string, now: Date = new Date()): SecretKey[] {
  const keys: SecretKey[] = [];
  let current: SecretKey | undefined;
  let expectFpr: 'primary' | 'sub' | 'encryption-sub' | undefined;
  let subUsableForEncrypt = false;
  const finish = () => {
    if (current) {
      current.canEncrypt = current.canEncrypt || subUsableForEncrypt;
      keys.push(current);
    }
    current = undefined;
    subUsableForEncrypt = false;
  };
  for (const line of text.split(/\r?\n/)) {
    const f = line.split(':');
    const type = f[0];
    if (type === 'sec') {
      finish();
      const expiry = f[6] ? new Date(Number(f[6]) * 1000) : undefined;
      const caps = f[11] ?? '';
      current = {
        fingerprint: '',
        keyId: f[4] ?? '',
        userIds: [],
        state: stateOf(f[1] ?? '', expiry, now, caps),
        expires: expiry,
        // Upper-case letters in field 12 are the whole key's usable capabilities.
        canEncrypt: /E/.test(caps),
        encryptionSubkeys: [],
      };
      expectFpr = 'primary';
    } else if (type === 'ssb' && current) {
      const expiry = f[6] ? new Date(Number(f[6]) * 1000) : undefined;
      const encrypts = stateOf(f[1] ?? '', expiry, now, f[11] ?? '') === 'usable' && /e/i.test(f[11] ?? '');
      if (encrypts) subUsableForEncrypt = true;
      expectFpr = encrypts ? 'encryption-sub' : 'sub';
    } else if (type === 'fpr' && current && expectFpr === 'primary') {
      current.fingerprint = f[9] ?? '';
      expectFpr = undefined;
    } else if (type === 'fpr' && current && expectFpr === 'encryption-sub') {
      if (f[9]) current.encryptionSubkeys.push(f[9]);
      expectFpr = undefined;
    } else if (type === 'uid' && current) {
      if (f[9]) current.userIds.push(unescapeColons(f[9]));
    }
  }
  finish();
  return keys;
}

/** gpg escapes ':' and other bytes in --with-colons output as \xNN. */
function unescapeColons(s: string): string {
  return s.replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

/** Does a pass .gpg-id entry (fingerprint, key id, or email/user id) name this key? */
export function keyMatches(key: SecretKey, id: string): boolean {
  // `ID!` is gpg's way to insist on exactly that (sub)key.
  const wanted = id.trim().replace(/^0x/i, '').replace(/!$/, '').toUpperCase();
  if (!wanted) return false;
  // pass hands each line to gpg -r, which takes an encryption subkey's id as well as the key's.
  if (/^[0-9A-F]{8,40}$/.test(wanted)) return [key.fingerprint, ...key.encryptionSubkeys].some((f) => f.toUpperCase().endsWith(wanted));
  const lower = id.trim().toLowerCase();
  return key.userIds.some((u) => u.toLowerCase().includes(lower));
}
