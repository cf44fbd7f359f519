// Failures of pass (on gpg), the Linux secret store duo-sso keeps its Duo state in. The
// Secret Service over D-Bus, the other store, is in secret-service.ts.
import { inContext } from './context.js';
import type { KnownFailure } from './types.js';

const INSTALL_PASS_GPG = ['duo-sso-setup', 'install', 'pass-gpg'];
const LIST_KEYS = ['gpg', '--list-secret-keys', '--keyid-format', 'long'];

// gpg prints through gettext: under a non-English locale "decryption failed: No secret key" arrives
// translated, the first half from gnupg's po files, the reason from libgpg-error's (where its
// translations are not installed, as on Debian's slim images, the reason stays English). Only the
// "gpg: " prefix is fixed. The words below are the msgstr of those catalogues (gnupg 2.2
// gnupg2.mo as Debian 12 ships it; gpg/libgpg-error po/*.po), so that a German or Spanish pass
// user gets the same answer, locked or missing, as an English one.
const GPG_DECRYPT_FAILED_L10N = [
  'Entschlüsselung fehlgeschlagen', 'Entschlüsselung mit Public-Key-Verfahren fehlgeschlagen', 'Nyilvános kulcsú visszafejtés sikertelen', 'Visszafejtés sikertelen',
  'afkryptering af offentlig nøgle mislykkedes', 'afkryptering mislykkedes', 'avaliku võtmega lahtikrüpteerimine ebaõnnestus', 'avaus epäonnistui',
  'błąd odszyfrowywania', 'błąd odszyfrowywania kluczem publicznym', 'decifragem de chave pública falhou', 'decifragem falhou',
  'decifratura della chiave pubblica fallita', 'decifratura fallita', 'decriptarea a eşuat', 'decriptarea cu cheie publică a eşuat',
  'dekripsi gagal', 'dekryptering med publik nyckel misslyckades', 'dekryptering mislyktes', 'dekrypteringen misslyckades',
  'descifrado de la clave pública fallido', 'descifrado fallido', 'dešifrovanie verejným kľúčom zlyhalo', 'dešifrovanie zlyhalo',
  'dešifrování selhalo', 'dešifrování veřejným klíčem selhalo', 'fallou o descifrado de chave pública', 'gagal dekripsi kunci publik',
  'genel anahtar şifre çözümü başarısız', 'ha fallat el desxifratge', 'ha fallat el desxifratge amb la clau pública', 'julkisen avaimen avaus epäonnistui',
  'lahtikrüpteerimine ebaõnnestus', 'malĉifrado malsukcesis', 'o descifrado fallou', 'offentlig nøkkel-dekryptering mislyktes',
  'publikŝlosila malĉifrado malsukcesis', 'échec du déchiffrement', 'échec du déchiffrement par clef publique', 'şifre çözme başarısız',
  'αποκρυπτογράφηση απέτυχε', 'κρυπτογράφηση με δημόσιο κλειδί απέτυχε', 'невдала спроба розшифровування відкритим ключем', 'невдала спроба розшифрування',
  'сбой расшифровки', 'сбой расшифровки с открытым ключом', '公鑰解密失敗', '公钥解密失败',
  '公開鍵の復号に失敗しました', '復号に失敗しました', '解密失敗', '解密失败',
];
const GPG_NO_SECKEY_L10N = [
  'Žádný tajný klíč', 'Ingen hemmelig nøgle', 'Kein geheimer Schlüssel', 'Neniu sekreta ŝlosilo', 'No tenemos la clave secreta', 'Pas de clef secrète',
  'Nincs titkos kulcs', 'Nessuna chiave segreta', '秘密鍵がありません', 'Geen geheime sleutel', 'Brak klucza tajnego', 'Sem chave secreta',
  'Nici o cheie secretă', 'Нет секретного ключа', 'Нема тајног кључа', 'Ingen hemlig nyckel', 'Gizli anahtar yok', 'Немає закритого ключа',
  '缺少私钥', '沒有私鑰',
];
const GPG_NO_PINENTRY_L10N = [
  'Žádný pinentry', 'Ingen pinentry', 'Kein Pinentry', 'Neniu pinentry', 'No hay Pinentry', 'Pas de pinentry',
  'Nincs pinentry', 'pinentry non è installato', 'Pinentryがありません', 'Geen pin-item', 'Brak pinentry', 'Sem pinentry',
  'Nici introducere pin \\(pinentry\\)', 'Нет программы ввода пароля', 'Нема уноса пина', 'Ingen PIN-inmatning', 'Parola girişi yok', 'Немає pinentry',
  '缺少 pinentry', '沒有個人識別碼項目',
];
const GPG_BAD_PASSPHRASE_L10N = [
  'Chybné heslo', 'Ødelagt adgangsfrase', 'Falsches Passwort', 'Malĝusta pasfrazo', 'Frase contraseña errónea', 'Mauvaise phrase secrète',
  'Rossz jelmondat', 'Passphrase errata', '誤ったパスフレーズです', 'Ongeldige wachtwoordzin', 'Błędne hasło', 'Frase-secreta inválida',
  'Frază-parolă incorectă', 'Плохая фраза-пароль', 'Лоша пропусна реч', 'Felaktig lösenfras', 'Kötü parola', 'Помилковий пароль',
  '损坏的密码', '不良的密語',
];
/** A gpg line ending in one of `reasons` (after any translated context, gpg's "%s: %s"). */
function gpgReasonLine(reasons: readonly string[]): RegExp {
  return new RegExp(String.raw`^gpg: [^\n]*?\s*[:：]\s*(?:${reasons.join('|')})\.?\s*$`, 'm');
}
/** A translated "(public key) decryption failed: <reason>" line, the reason in English or translated. */
function gpgDecryptLine(reasons: readonly string[]): RegExp {
  return new RegExp(String.raw`^gpg: (?:${GPG_DECRYPT_FAILED_L10N.join('|')})\s*[:：]\s*(?:${reasons.join('|')})\.?\s*$`, 'm');
}

export const passGpgFailures: readonly KnownFailure[] = [
  {
    id: 'pass-not-initialised',
    title: 'The password store is not initialised',
    group: 'pass-gpg',
    patterns: [/You must run:\s+pass init/, /before you may use the password store/, /password store is empty\. Try "pass init"/,
      // Git Credential Manager's gpg store is a pass store (src/shared/Core/CredentialStore.cs ValidateGpgPass).
      /Password store has not been initialized at '[^'\n]*'; run `pass init/],
    explanation: 'pass has no ~/.password-store/.gpg-id yet, so it does not know which gpg key to encrypt for.',
    fix: {
      description: 'Initialise the store for your gpg key (doctor --fix does this when you hold exactly one usable key)',
      commands: [LIST_KEYS, ['pass', 'init', '<gpg-id>']],
      automatic: true,
    },
    example: 'Error: You must run:\n    pass init your-gpg-id\nbefore you may use the password store.',
  },
  {
    id: 'pass-missing',
    title: 'pass is not installed',
    group: 'pass-gpg',
    patterns: [
      /\bpass: (?:command )?not found/, /command not found: pass\b/, /exec: "pass": executable file not found/, /spawn pass ENOENT/,
      // Ubuntu's command-not-found (both wordings) and 99designs/keyring's pass backend.
      /(?:Command 'pass' not found, but can be installed with|The program 'pass' is currently not installed)/, /The pass program is not available/,
    ],
    explanation: 'On Linux duo-sso keeps its secrets in pass (the standard unix password manager), which is not on PATH.',
    fix: {
      description: 'Install pass and gnupg, create a key and initialise the store',
      commands: [INSTALL_PASS_GPG],
      automatic: false,
    },
    example: 'exec: "pass": executable file not found in $PATH',
  },
  {
    id: 'pass-key-missing',
    title: 'The password store is initialised for a key you do not have',
    group: 'pass-gpg',
    // "No name": no usable key for that user id in the keyring (an expired one counts as none), and WKD found none either.
    patterns: [/skipped: No public key/, /encryption failed: No public key/i, /encryption failed: public key not found/, /skipped: public key not found/, /\bGPG_ERR_NO_PUBKEY\b/, /gpg: [^\n]*: skipped: No name/, /encryption failed: No name/,
      // gpg 1.4 when no recipient is usable, and `gpg --list-keys ID` (pass init lists the key) when there is none.
      /encryption failed: no valid addressees/i, /gpg: error reading key: No public key/],
    explanation:
      '~/.password-store/.gpg-id names a gpg key that is not in this keyring: a store copied from another machine, a deleted '
      + 'key, or a keyring that is not the one you use. gpg 1 (gpg) and gpg 2 (gpg2) keep separate keyrings on some systems, '
      + 'and GNUPGHOME or PASSWORD_STORE_GPG_OPTS can point at another; when `gpg2 --list-keys` (or your usual gpg) lists the '
      + 'key, run that one instead of re-initialising. A key listed as [expired] counts as missing: extend it instead.',
    fix: {
      description: 'List the keys this gpg holds (and gpg2\'s); only if the key is nowhere, initialise the store for a key you hold (re-encrypts existing entries)',
      commands: [LIST_KEYS, ['pass', 'init', '<gpg-id>']],
      automatic: false,
    },
    example: 'gpg: 0D3F1B2A9C8E7D6F: skipped: No public key\ngpg: [stdin]: encryption failed: No public key\nPassword encryption aborted.',
  },
  {
    id: 'gpg-no-tty',
    title: 'gpg cannot ask for the passphrase (no terminal)',
    group: 'pass-gpg',
    patterns: [/GPG_TTY is not set; add `export GPG_TTY=\$\(tty\)` to your profile/, inContext(/\bgpg|pinentry|GnuPG/i, /Inappropriate ioctl for device/), /cannot open (?:tty )?[`'"]?\/dev\/tty[`'"]?: (?:No such device or address|Device not configured)/, /Sorry, no terminal at all requested - can't get input/, /\bGPG_ERR_ENOTTY\b/],
    supersedes: ['gpg-no-secret-key'],
    explanation:
      'gpg-agent needs a terminal to show pinentry but was not told which one: GPG_TTY is unset (typical in a fresh shell, '
      + 'tmux, or a script). gpg then reports "No secret key" even though the key is there. '
      + 'Add `export GPG_TTY=$(tty)` to ~/.bashrc or ~/.zshrc so every new terminal has it. A program with no terminal at all '
      + '(an editor, a GUI) needs `no-tty` in ~/.gnupg/gpg.conf or a graphical pinentry; an import that reads the key from a pipe '
      + 'needs --batch (or `batch` in gpg.conf). A script or CI job with no terminal at all can hand gpg the passphrase '
      + 'itself: --pinentry-mode loopback with --passphrase-fd (or --passphrase-file), which gpg-agent allows by default '
      + 'since gnupg 2.1.12.',
    fix: {
      description: 'Point gpg-agent at this terminal now (and set GPG_TTY in your shell profile)',
      commands: [['gpg-connect-agent', 'updatestartuptty', '/bye']],
      automatic: false,
    },
    example: 'gpg: public key decryption failed: Inappropriate ioctl for device\ngpg: decryption failed: No secret key',
  },
  {
    id: 'gpg-key-locked',
    title: 'The gpg key is locked: gpg-agent has no cached passphrase',
    group: 'pass-gpg',
    patterns: [
      /decryption failed: No pinentry/, /gpg-agent has no cached passphrase/, /your gpg key is locked/,
      // gnupg g10/passphrase.c (tried here: --batch --pinentry-mode loopback, no passphrase given); gpg 1.4's wording.
      /Sorry, we are in batchmode - can't get input/, /can't query passphrase in batch mode/,
      // libgpg-error GPG_ERR_NO_PASSPHRASE (177).
      /(?:public key decryption|signing|decryption) failed: No passphrase given/, /\bGPG_ERR_NO_PASSPHRASE\b/,
      // The same under a translated locale (gnupg and libgpg-error catalogues, above).
      gpgDecryptLine(['No pinentry', ...GPG_NO_PINENTRY_L10N]),
    ],
    // gpg follows "No pinentry" with "decryption failed: No secret key": the key is there, only locked.
    supersedes: ['gpg-no-secret-key'],
    explanation:
      'The key has a passphrase and gpg-agent has not cached it, and gpg was told not to ask (--pinentry-mode=error, or no '
      + 'terminal for pinentry). The secret key is present: this is not a deleted key. Typing the passphrase once at a terminal '
      + 'caches it in gpg-agent for a while; on an empty store, the doctor\'s fix reads a scratch entry to do that.',
    fix: {
      description: 'Unlock the key once at a terminal (gpg asks for your passphrase through pinentry)',
      commands: [['duo-sso-setup', 'doctor', '--fix', '--only', 'pass']],
      automatic: false,
    },
    example: 'gpg: public key decryption failed: No pinentry\ngpg: decryption failed: No secret key',
  },
  {
    id: 'gpg-no-secret-key',
    title: 'gpg does not have the secret key for this entry',
    group: 'pass-gpg',
    patterns: [
      // python-gnupg reports gpg's status in lower case ("decryption failed: no secret key").
      /decryption failed: No secret key/i, /gpg: signing failed: No secret key/, /sign\+encrypt failed: No secret key/,
      // gpg 1.x and GPG_ERR_NO_SECKEY (17) as other front ends print it.
      /decryption failed: secret key not available/, /no GPG secret key available/i, /\bGPG_ERR_NO_SECKEY\b/, /gpg: skipped "[^"]*": (?:No secret key|secret key not available)/,
      // Signing with no secret key at all (tried here: gpg 2.2 --clearsign in an empty keyring; gpg 1.4 wording).
      /no default secret key: (?:No secret key|secret key not available)/, /gpg: error reading key: (?:No secret key|secret key not available)/, /(?:clear-sign|sign|detach-sign|signing) failed: secret key not available/,
      // Translated locales (gnupg and libgpg-error catalogues, above): "gpg: descifrado fallido: No tenemos la clave secreta".
      gpgReasonLine(GPG_NO_SECKEY_L10N), gpgDecryptLine(['No secret key']),
      // --edit-key / --export-secret-keys / gpg-agent's log for a key whose secret half is not here.
      /gpg: key [0-9A-F]{8,40}: secret key not available/, /command '(?:PKDECRYPT|PKSIGN)' failed: No secret key/,
    ],
    supersedes: ['git-gpg-sign-failed'],
    explanation:
      'gpg found no usable secret key for the entry. Either the key is not in this keyring (the store was initialised on '
      + 'another machine or for another key, or the key was deleted), or it is there but locked and gpg could not ask for '
      + 'the passphrase: gpg prints the same words for both. Whether `gpg --list-secret-keys` lists the key in '
      + '~/.password-store/.gpg-id (for git signing: the key user.signingkey names) decides which. (With "No pinentry" or '
      + '"Inappropriate ioctl" before it, it is the latter: `export GPG_TTY=$(tty)` in the shell profile lets pinentry ask, and '
      + '`gpgconf --kill gpg-agent` restarts an agent that lost its terminal.)',
    fix: {
      description: 'First see whether the key is there (doctor --only pass checks it): listed means it is only locked or gpg cannot ask, so unlock it; '
        + 'not listed means import it from the machine that has it. Do not re-initialise the store for this: that cannot decrypt what is in it',
      commands: [['duo-sso-setup', 'doctor', '--only', 'gpg,pass'], LIST_KEYS, ['cat', '~/.password-store/.gpg-id']],
      automatic: false,
    },
    example: 'gpg: decryption failed: No secret key',
  },
  {
    id: 'gpg-key-expired',
    title: 'The gpg key has expired (or was revoked)',
    group: 'pass-gpg',
    // gpg 2.2/2.4 print the same two lines for an expired and for a revoked key (tried here with
    // both); an untrusted key adds "There is no assurance…" first (gpg-key-untrusted).
    patterns: [/(?:gpg: (?<fingerprint>[0-9A-F]{16,40}): )?skipped: [Uu]nusable public key/, /encryption failed: [Uu]nusable public key/, /[Uu]nusable secret key/],
    explanation:
      'pass encrypts for the key in .gpg-id, and gpg refuses to encrypt for a key that has expired or was revoked; the '
      + 'message is the same for both. The key listing tells them apart ([expired] or [revoked]). Extending an expired key '
      + 'keeps every stored entry readable; a revoked key needs a new one (`pass init` with it re-encrypts the store).',
    fix: {
      description: 'List the key to see whether it expired or was revoked; extend an expired key and its subkeys by a year',
      commands: [['gpg', '--list-keys', '<fingerprint>'], ['gpg', '--quick-set-expire', '<fingerprint>', '1y'], ['gpg', '--quick-set-expire', '<fingerprint>', '1y', '*']],
      automatic: false,
    },
    example: 'gpg: 5AD5ADDDEDD4710790636724D95AD1FA5E02E571: skipped: Unusable public key\ngpg: [stdin]: encryption failed: Unusable public key\nPassword encryption aborted.',
  },
  {
    // gpg's encrypt path (g10/pkclist.c): a key whose owner trust is unknown, used with --batch.
    id: 'gpg-key-untrusted',
    title: 'gpg does not trust the key it is asked to encrypt for',
    group: 'pass-gpg',
    patterns: [
      /(?:gpg: (?<fingerprint>[0-9A-F]{16,40}): )?There is no assurance this key belongs to the named user/,
      /It is NOT certain that the key belongs to the person named/,
    ],
    // Without --batch gpg asks "Use this key anyway?" and, with no terminal, fails on /dev/tty instead.
    supersedes: ['gpg-key-expired', 'gpg-no-tty'],
    explanation:
      'The key is there and valid, but nothing in this keyring vouches for it: a public key imported from another machine '
      + 'or a colleague without setting its trust. In batch mode gpg then refuses it as "Unusable public key", which is not '
      + 'an expired key. When it is your own key (the one in .gpg-id), give it ultimate trust; for someone else\'s, check '
      + 'the fingerprint with them first.',
    fix: {
      description: 'Check the fingerprint is the key you mean, then set its trust (gpg --edit-key <fingerprint> trust; 5 for your own key)',
      commands: [['gpg', '--fingerprint', '<fingerprint>'], ['gpg', '--edit-key', '<fingerprint>', 'trust']],
      automatic: false,
    },
    example: 'gpg: 38FC6A9264E4B59F: There is no assurance this key belongs to the named user\ngpg: [stdin]: encryption failed: Unusable public key',
  },
  {
    id: 'pass-entry-missing',
    title: 'The entry is not in the password store',
    group: 'pass-gpg',
    patterns: [/Error: (?<entry>\S+) is not in the password store\./, /is not in the password store/],
    explanation:
      'pass has no file for that name under ~/.password-store: the program asked for an entry that was never written (a '
      + 'first run, another profile name), or the store in use is another one (PASSWORD_STORE_DIR set elsewhere). It is '
      + 'not a gpg or store fault: every other entry is still fine.',
    fix: { description: 'List what the store holds; log in to write the entry again', commands: [['pass', 'ls'], ['duo-sso-setup', 'login']], automatic: false },
    example: 'Error: duo-sso/eticloud is not in the password store.',
  },
  {
    id: 'gpg-unsafe-permissions',
    title: 'gpg warns that its home folder has unsafe permissions or owner',
    group: 'pass-gpg',
    patterns: [
      /no writable keyring found/, /WARNING: unsafe (?:permissions|ownership) on (?:homedir|configuration file|extension)/, /WARNING: unsafe enclosing directory (?:permissions|ownership)/,
      // A ~/.gnupg (or a file in it) that root owns after `sudo gpg`: gpg cannot write its keyring, trustdb or lock files.
      /can't create directory [`'"][^'"\n]*\.gnupg[^'"\n]*['"]: Permission denied/,
      /gpg: trustdb is not writable\b/,
      /keyblock resource [`'"][^'"\n]*['"]: Permission denied/,
      /(?:trustdb|keybox|file) [`'"][^'"\n]*\.gnupg\/[^'"\n]*['"]: Permission denied|can't (?:open|create) [`'"][^'"\n]*\.gnupg\/[^'"\n]*['"]: Permission denied/,
    ],
    explanation:
      '~/.gnupg (or a file in it) is readable by others, or owned by another user (often root, after `sudo gpg`). gpg still '
      + 'works with a warning when only the mode is wrong; when root owns the files, gpg-agent cannot use them and keys '
      + 'look missing.',
    fix: {
      description: 'Give ~/.gnupg back to your user and make it private (chmod 700 on the folder, chmod 600 on the files in it)',
      commands: [['sudo', 'chown', '-R', '<user>', '~/.gnupg'], ['chmod', '700', '~/.gnupg'], ['duo-sso-setup', 'doctor', '--only', 'gpg,permissions']],
      automatic: false,
    },
    example: "gpg: WARNING: unsafe permissions on homedir '/home/jdoe/.gnupg'",
  },
  {
    id: 'gpg-agent-unavailable',
    title: 'gpg cannot reach or start gpg-agent (or keyboxd)',
    group: 'pass-gpg',
    patterns: [
      /can't connect to the agent: IPC connect call failed/,
      /can't connect to the agent: (?!IPC connect)[^\n]+/,
      /problem with the agent: (?!No pinentry)[^\n]+/,
      /failed to start (?:agent|keyboxd) '[^']*': /,
      // gnupg 2.4 with use-keyboxd: the key database is a daemon as well (common/asshelp.c, g10/call-keyboxd.c).
      /can't connect to the keyboxd: /, /error opening key DB: (?:No Keybox daemon running|[^\n]*IPC connect call failed)/, /\bGPG_ERR_NO_KEYBOXD\b/,
      /no gpg-agent running in this session/,
      /gpg-agent is not available in this session/,
      /\bGPG_ERR_NO_AGENT\b/,
      /can't connect to [`'"]?[^'"\n]*S\.gpg-agent/,
      // The agent binary itself failing to start (common/asshelp.c), and its socket path over the sun_path limit
      // (agent/gpg-agent.c create_socket_name: a deep GNUPGHOME in CI or a container).
      /failed to start gpg-agent '[^'\n]*': /, /error running '[^'\n]*gpg-agent': /, /socket name [`'"][^'"\n]*['"] is too long/,
    ],
    supersedes: ['gpg-no-secret-key'],
    explanation:
      'gpg 2 does every secret-key operation through gpg-agent, over a socket in ~/.gnupg or /run/user/UID/gnupg. The agent '
      + 'is not installed (gnupg-agent package), cannot create its socket (a read-only or root-owned ~/.gnupg, a path too '
      + 'long), or a stale socket is left from a killed agent. A home folder on a filesystem without Unix sockets (NFS, a '
      + 'VirtualBox or Vagrant share, /mnt/c in WSL) cannot hold them: `gpgconf --create-socketdir` moves them to '
      + '/run/user/UID/gnupg (in WSL, where /run/user/UID may be missing, systemd or a login session creates it).',
    fix: {
      description: 'Restart the agent and see what the gpg check finds',
      commands: [['gpgconf', '--kill', 'gpg-agent'], ['gpgconf', '--launch', 'gpg-agent'], ['duo-sso-setup', 'doctor', '--only', 'gpg']],
      automatic: false,
    },
    example: 'gpg: can\'t connect to the agent: IPC connect call failed\ngpg: decryption failed: No secret key',
  },
  {
    id: 'gpg-passphrase-rejected',
    title: 'The gpg passphrase was wrong, or the prompt was cancelled or timed out',
    group: 'pass-gpg',
    patterns: [/decryption failed: [Bb]ad passphrase/, /public key decryption failed: (?:Bad passphrase|Operation cancelled|Timeout)/,
      // pinentry's retry prompt, gpg 1.4's, and a symmetric (or cached) passphrase that does not fit.
      /Bad Passphrase \(try \d+ of \d+\)/, /Invalid passphrase; please try again/, /decryption failed: Bad session key/, /\bGPG_ERR_(?:BAD_PASSPHRASE|CANCELED|TIMEOUT)\b/, /gpg: cancelled by user/, /signing failed: (?:Bad passphrase|Operation cancelled|Timeout)/,
      gpgDecryptLine(['Bad passphrase', ...GPG_BAD_PASSPHRASE_L10N]),
      // gpg-agent's log (agent/command.c, agent/findkey.c): the pinentry answer was wrong or the dialog was closed.
      /failed to unprotect the secret key: (?:Bad passphrase|Operation cancelled|Timeout)/, /command '(?:PKDECRYPT|PKSIGN|PKAUTH)' failed: (?:Bad passphrase|Operation cancelled|Timeout)/],
    supersedes: ['gpg-no-secret-key'],
    explanation:
      'The key is there and gpg asked for its passphrase, but the answer was wrong, the pinentry window was closed, or nobody '
      + 'answered in time (a pinentry on another screen). The store and the key are fine. "cancelled" (MISSING_PASSPHRASE) '
      + 'when no prompt ever appeared means pinentry could not find your terminal: a program ran gpg for you and GPG_TTY is '
      + 'not set; add `export GPG_TTY=$(tty)` to the shell profile and retry.',
    fix: { description: 'Try again and type the key\'s passphrase at the prompt', commands: [['duo-sso-setup', 'doctor', '--fix', '--only', 'pass']], automatic: false },
    example: 'gpg: public key decryption failed: Bad passphrase\ngpg: decryption failed: No secret key',
  },
  {
    id: 'gpg-no-pinentry',
    title: 'gpg-agent cannot start a pinentry to ask for the passphrase',
    group: 'pass-gpg',
    patterns: [
      // GPG_ERR_NO_PIN_ENTRY (85) outside decryption (there gpg-key-locked answers it), and the agent's own lines.
      /(?:signing|clear-sign|sign|agent_genkey|error sending to agent|changing the PIN|problem with the agent|[Kk]ey generation failed|error building skey array|sign\+encrypt failed)[^\n]*: No pinentry/,
      /\bERR 67108949 No pinentry\b/,
      /can't connect to the PIN entry module/,
      /You may want to update to a newer pinentry/,
      // The pinentry program named in gpg-agent.conf, run by hand or by a wrapper, is not there.
      /\bpinentry(?:-(?:mac|curses|tty|gnome3|gtk-2|qt|touchid|wsl-ps1))?: (?:command )?not found/, /command not found: pinentry(?:-[\w-]+)?\b/,
      /\bGPG_ERR_NO_PIN_ENTRY\b/,
    ],
    supersedes: ['gpg-no-secret-key', 'gpg-passphrase-rejected', 'git-gpg-sign-failed'],
    explanation:
      'gpg asks for a passphrase through gpg-agent, which runs a pinentry program. None could run: no pinentry is installed, '
      + 'gpg-agent.conf names a pinentry-program that does not exist (or is graphical, over SSH), or the agent was started '
      + 'before pinentry was installed. Install a pinentry (pinentry-curses, pinentry-mac, pinentry-gnome3), point '
      + 'pinentry-program at it in ~/.gnupg/gpg-agent.conf, and restart the agent. After moving to an Apple Silicon Mac, a '
      + 'pinentry-program of /usr/local/bin/pinentry-mac no longer exists (Homebrew is in /opt/homebrew there); in WSL, a '
      + 'Windows pinentry (Gpg4win\'s pinentry.exe under /mnt/c) can ask instead. After editing gpg-agent.conf, '
      + '`gpg-connect-agent reloadagent /bye` (or gpgconf --kill gpg-agent) makes the agent read it again.',
    fix: {
      description: 'Install a pinentry (or correct pinentry-program in ~/.gnupg/gpg-agent.conf), then restart gpg-agent',
      commands: [['gpgconf', '--kill', 'gpg-agent'], ['duo-sso-setup', 'doctor', '--only', 'gpg']],
      automatic: false,
    },
    example: 'gpg: signing failed: No pinentry\ngpg: [stdin]: clear-sign failed: No pinentry',
  },
  {
    id: 'git-gpg-sign-failed',
    title: 'git could not sign with gpg (gpg\'s own error decides why)',
    group: 'pass-gpg',
    patterns: [/error: gpg failed to sign the data/,
      // GUI clients (SourceGit, GitHub Desktop, IDEs) show git's message without its "error: " prefix.
      /^\s*gpg failed to sign the data\b/m],
    explanation:
      'git hides gpg\'s message. The usual causes: GPG_TTY is not set, so pinentry cannot ask (export GPG_TTY=$(tty)); no '
      + 'pinentry can run; user.signingkey names a key whose secret half is not here; commit.gpgsign is on for a repository '
      + 'you did not mean to sign in; or gpg.program names a gpg that does not exist. Running gpg by hand shows which. A GUI '
      + 'git client has no terminal for pinentry-curses to ask in: it needs a graphical pinentry (pinentry-mac on macOS, '
      + 'pinentry-gnome3 or pinentry-qt on Linux) as pinentry-program in ~/.gnupg/gpg-agent.conf.',
    fix: {
      description: 'Sign a test text with gpg to see its own error, and check which key and gpg program git uses',
      commands: [['sh', '-c', 'echo test | gpg --clearsign'], ['git', 'config', '--get-regexp', '^(user\\.signingkey|commit\\.gpgsign|gpg\\.program)$']],
      automatic: false,
    },
    example: 'error: gpg failed to sign the data\nfatal: failed to write commit object',
  },
  {
    // gnupg common/asshelp.c warn_server_version_mismatch: an agent started by an older gnupg still runs.
    id: 'gpg-agent-outdated',
    title: 'An older gpg-agent (or dirmngr) is still running after gnupg was upgraded',
    group: 'pass-gpg',
    patterns: [/server '(?:gpg-agent|dirmngr|keyboxd|scdaemon)' is older than us \([\d.]+ < [\d.]+\)/, /Use the command "gpgconf --kill all" to restart them/],
    explanation:
      'gnupg was upgraded while its agent kept running, so gpg talks to the old one: it works with a warning, or fails in ways '
      + 'that look like a missing key or a pinentry problem. Stopping all gnupg daemons lets the next gpg start the new ones; '
      + 'no key or passphrase is lost.',
    fix: { description: 'Stop the old gnupg daemons (the next gpg starts current ones), then retry', commands: [['gpgconf', '--kill', 'all'], ['duo-sso-setup', 'doctor', '--only', 'gpg']], automatic: false },
    example: "gpg: WARNING: server 'gpg-agent' is older than us (2.2.27 < 2.4.5)\ngpg: Note: Outdated servers may lack important security fixes.\ngpg: Note: Use the command \"gpgconf --kill all\" to restart them.",
  },
  {
    // gnupg common/dotlock.c: a lock file in ~/.gnupg left by a gpg that was killed (or one still running).
    id: 'gpg-lock-stale',
    title: 'gpg is waiting for a lock in ~/.gnupg (another gpg, or one that was killed)',
    group: 'pass-gpg',
    patterns: [
      /waiting for lock \(held by \d+(?: - probably dead)?\)/,
      /lock [`'"][^'"\n]*['"] not made: /,
      /lock not made: (?:open\(O_EXCL\)|writing to)/,
      /\bdatabase_open \d+ waiting for lock\b/,
    ],
    explanation:
      'gpg locks its keyring and trust database while it writes them. Another gpg (or gpg-agent, keyboxd) holds the lock, or '
      + 'one was killed and left its .lock file; gpg then waits forever. When no gpg process is left, the stale *.lock files in '
      + '~/.gnupg (pubring.kbx.lock, trustdb.gpg.lock, public-keys.d/*.lock) can be removed; nothing else needs to go.',
    fix: {
      description: 'Stop the gnupg daemons and see whether any gpg still runs; if none does, remove the stale .lock files in ~/.gnupg',
      commands: [['gpgconf', '--kill', 'all'], ['pgrep', '-fl', 'gpg']],
      automatic: false,
    },
    example: "gpg: waiting for lock (held by 41233 - probably dead) ...\ngpg: keydb_search failed: Operation timed out",
  },
  {
    // libgpg-error card codes (GPG_ERR_CARD_NOT_PRESENT 112, GPG_ERR_CARD 108, GPG_ERR_NO_SCDAEMON 119) as gpg prints them.
    id: 'gpg-card-missing',
    title: 'The gpg key lives on a smartcard or YubiKey that gpg cannot reach',
    group: 'pass-gpg',
    patterns: [
      /OpenPGP card not available: /,
      /(?:public key decryption|decryption|signing|sign|clear-sign|selecting card) failed: (?:Card error|Card not present|Card removed|No SmartCard daemon|Operation not supported by device|Card reset required)/,
      /\bGPG_ERR_(?:CARD_NOT_PRESENT|CARD_REMOVED|NO_SCDAEMON)\b/,
      /Please insert the card with serial number/,
      // gpg --card-status without a reader or scdaemon (g10/card-util.c, common/asshelp.c).
      /selecting card failed: (?:No such device|Operation not supported by device|No SmartCard daemon)/, /error getting version from 'scdaemon': No SmartCard daemon/,
    ],
    supersedes: ['gpg-no-secret-key', 'git-gpg-sign-failed', 'gpg-passphrase-rejected'],
    explanation:
      'The secret key is a stub pointing at a smartcard (a YubiKey, Nitrokey): the key itself is on the card, which is not '
      + 'plugged in, is used by another program (pcscd, a browser), or scdaemon cannot talk to it. The key is not missing: '
      + 'plug the card in, and restart scdaemon if gpg still does not see it. "selecting card failed: No such device" with the '
      + 'card plugged in is usually scdaemon\'s built-in CCID driver failing to claim a reader that pcscd holds (gnupg 2.3 '
      + 'and later try their own driver first): add disable-ccid to ~/.gnupg/scdaemon.conf so scdaemon goes through pcscd, '
      + 'then restart scdaemon.',
    fix: {
      description: 'Insert the card and check gpg sees it (gpg --card-status); if not, restart scdaemon',
      commands: [['gpg', '--card-status'], ['gpgconf', '--kill', 'scdaemon']],
      automatic: false,
    },
    example: 'gpg: public key decryption failed: Card not present\ngpg: decryption failed: No secret key',
  },
  {
    // gnupg g10/gpg.c (--recv-keys / --send-keys) and dirmngr's error codes.
    id: 'gpg-keyserver-failed',
    title: 'gpg could not fetch a key from a keyserver',
    group: 'pass-gpg',
    patterns: [/keyserver (?:receive|send|search|refresh) failed: /, /\bNo keyserver available\b/, /\bGPG_ERR_NO_DIRMNGR\b|failed to start the dirmngr '[^']*'|failed to start dirmngr '[^']*'/, /can't connect to the dirmngr: /,
      // common/asshelp.c when the dirmngr binary is absent (Debian and Ubuntu ship it as a separate package).
      /connecting dirmngr at '[^'\n]*' failed: /],
    explanation:
      'gpg asked dirmngr for the key and it failed: no keyserver is configured, the keyserver has no such key (keys.openpgp.org '
      + 'holds only keys whose e-mail was confirmed), or the network (proxy, VPN, firewall on port 11371) blocked it. Importing '
      + 'the key from a file or from its owner (gpg --import KEY.asc) avoids the keyserver altogether. "failed to start the '
      + 'dirmngr \'/usr/bin/dirmngr\': No such file or directory" (then "No dirmngr") means dirmngr is not installed: on '
      + 'Debian and Ubuntu it is its own package, so install it (sudo apt-get install dirmngr).',
    fix: { description: 'Import the key from a file its owner sends, or name a keyserver explicitly (--keyserver hkps://keys.openpgp.org)', commands: [['gpg', '--import', '<key-file>']], automatic: false },
    example: 'gpg: keyserver receive failed: No data',
  },
  {
    // pass (src/password-store.sh) prints only this when gpg failed and said nothing: a wrapper that hid
    // gpg's own lines. With gpg's lines present, the entry for gpg's reason answers instead.
    id: 'pass-encryption-failed',
    title: 'pass could not encrypt the entry (gpg\'s own message decides why)',
    group: 'pass-gpg',
    patterns: [
      /^(?![\s\S]*\bgpg: )[\s\S]*?\bPassword encryption aborted\./,
      /^(?![\s\S]*\bgpg: )[\s\S]*?\bGPG encryption failed\. Would you like to try again\?/,
      /^(?![\s\S]*\bgpg: )[\s\S]*?\bCould not reencrypt new password\./,
    ],
    explanation:
      'pass runs gpg to encrypt for the keys in ~/.password-store/.gpg-id, and gpg refused. gpg printed the reason just before '
      + '(a key it does not have, an expired or untrusted key, no terminal for the passphrase); a program that called pass may '
      + 'have hidden it. The gpg and pass checks find which.',
    fix: { description: 'Let the doctor check the key in .gpg-id (present, valid, trusted) and run pass by hand to see gpg\'s line', commands: [['duo-sso-setup', 'doctor', '--only', 'gpg,pass'], ['cat', '~/.password-store/.gpg-id']], automatic: false },
    example: 'Password encryption aborted.',
  },
  {
    // password-store.sh verify_file, with PASSWORD_STORE_SIGNING_KEY set.
    id: 'pass-signature-invalid',
    title: 'pass refuses the store: .gpg-id is not signed by PASSWORD_STORE_SIGNING_KEY',
    group: 'pass-gpg',
    patterns: [/Signature for (?<path>\S+) (?:does not exist|is invalid)\./, /Could not sign \.gpg_id\./, /Signing of \.gpg_id unsuccessful\./],
    explanation:
      'PASSWORD_STORE_SIGNING_KEY is set, so pass accepts a .gpg-id only with a valid signature by one of those keys (.gpg-id.sig). '
      + 'It is missing (a store initialised before the variable was set), or made by another key. Unset the variable if you do '
      + 'not use signed stores; otherwise `pass init` with it set signs .gpg-id again.',
    fix: { description: 'See whether PASSWORD_STORE_SIGNING_KEY is meant to be set; unset it, or re-sign .gpg-id with that key', commands: [['sh', '-c', 'echo "$PASSWORD_STORE_SIGNING_KEY"'], ['ls', '-l', '~/.password-store/.gpg-id', '~/.password-store/.gpg-id.sig']], automatic: false },
    example: 'Signature for /home/jdoe/.password-store/.gpg-id does not exist.',
  },
  {
    // password-store.sh cmd_git and the clipboard helper.
    id: 'pass-extension-unavailable',
    title: 'pass cannot use git or the clipboard here',
    group: 'pass-gpg',
    patterns: [/the password store is not a git repository\. Try "(?:pass|\S+) git init"/, /No X11 or Wayland display(?: and clipper)? detected/, /Could not copy data to the clipboard/],
    explanation:
      'These are pass features outside its store: `pass git` needs the store to be a git repository (pass git init), and '
      + '`pass -c` needs a desktop session with xclip or wl-copy. Over SSH, in WSL or on a server there is no clipboard: '
      + 'show the entry instead. Neither concerns what the store holds.',
    fix: { description: 'Show the entry instead of copying it where there is no desktop (or install xclip / wl-clipboard); for pass git, run pass git init first', commands: [], automatic: false },
    example: 'Error: No X11 or Wayland display and clipper detected',
  },
  {
    // gnupg: pinentry ran but could not use the terminal (libgpg-error/pinentry "Permission denied",
    // pinentry-curses "Screen or window too small").
    id: 'gpg-pinentry-terminal',
    title: 'gpg\'s passphrase prompt could not use this terminal (owned by another user, or too small)',
    group: 'pass-gpg',
    patterns: [
      /(?:public key decryption|decryption|signing|sign|clear-sign|agent_genkey|changing the passphrase) failed: Permission denied/,
      /key \S+: error sending to agent: Permission denied/,
      /failed: Screen or window too small/,
      // funtoo keychain runs gpg --sign with its output discarded and says only this (keychain.sh).
      /Problem adding \(is pinentry installed\?\); giving up/,
    ],
    supersedes: ['gpg-no-secret-key', 'git-gpg-sign-failed'],
    explanation:
      'gpg-agent started pinentry on your terminal and pinentry could not open it: after `su` or `sudo -u` the terminal still '
      + 'belongs to the first user, so the second cannot open /dev/tty ("Permission denied"); pinentry-curses also refuses a '
      + 'window too small for its dialog. The key is there and fine. Log in as that user directly (ssh, a new login shell), '
      + 'or enlarge the window; then point the agent at the terminal again. keychain\'s "Problem adding (is pinentry '
      + 'installed?)" hides gpg\'s reason: when a pinentry is installed, it is this (`ls -l $(tty)` shows the terminal\'s '
      + 'owner; chown or chmod it to yours, or log in directly); when none is, install one.',
    fix: {
      description: 'Run gpg from a terminal that belongs to you (log in as that user, not su), then point gpg-agent at it',
      commands: [['sh', '-c', 'ls -l "$(tty)"'], ['gpg-connect-agent', 'updatestartuptty', '/bye']],
      automatic: false,
    },
    example: 'gpg: signing failed: Permission denied\ngpg: [stdin]: clear-sign failed: Permission denied',
  },
  {
    // gnupg g10/sig-check.c, sign.c, keygen.c: a key or signature dated after this machine's clock.
    id: 'gpg-time-warp',
    title: 'gpg sees a key or signature from the future (this machine\'s clock is behind)',
    group: 'pass-gpg',
    patterns: [
      /(?:was|has been) created \d+ (?:seconds?|days?) in (?:the )?future \(time warp or clock problem\)/,
      /\bin the future \(time warp or clock problem\)/,
    ],
    explanation:
      'The key (or signature) was made on a machine whose clock was ahead of this one, or this clock is behind: a virtual '
      + 'machine or WSL after sleep, or a machine without time sync. gpg then ignores the key as not yet valid, so encrypting '
      + 'or verifying fails. Correcting the clock fixes it; the key is fine. (AWS refuses requests from a skewed clock too.)',
    fix: { description: 'Set the clock right (time sync on), then retry', commands: [['duo-sso-setup', 'doctor', '--only', 'clock']], automatic: false },
    example: 'gpg: key 38FC6A9264E4B59F was created 4021 seconds in the future (time warp or clock problem)',
  },
  {
    // gnupg g10/armor.c: the input has no OpenPGP packets (an HTML error page saved as a key, the wrong file).
    id: 'gpg-no-openpgp-data',
    title: 'gpg was given something that is not a key or an encrypted file',
    group: 'pass-gpg',
    patterns: [/no valid OpenPGP data found/, /\bGPG_ERR_NO_DATA\b[^\n]*(?:import|decrypt)/],
    explanation:
      'What gpg read holds no OpenPGP data: a key "downloaded" as a web page (a login or error page, often from an internal '
      + 'host off the VPN), an empty file, a copy damaged by an editor or a line-ending conversion, or a file that was never '
      + 'encrypted. Look at the file: an exported key starts with "-----BEGIN PGP PUBLIC KEY BLOCK-----".',
    fix: { description: 'Look at the first line of the file gpg read; fetch the key again (on the VPN) or ask its owner for it', commands: [['head', '-n', '1', '<file>']], automatic: false },
    example: 'gpg: no valid OpenPGP data found.\ngpg: Total number processed: 0',
  },
  {
    // gpg itself is not there: the shell, git (gpg-interface.c "cannot run %s"), Go's os/exec, Node's spawn, Ubuntu's
    // command-not-found.
    id: 'gpg-missing',
    title: 'gpg (GnuPG) is not installed or not on PATH',
    group: 'pass-gpg',
    patterns: [
      /\bgpg2?: (?:command )?not found/,
      /command not found: gpg2?\b/,
      /cannot run gpg2?: No such file or directory/,
      /exec: "gpg2?": executable file not found/,
      // gopass (internal/backend/crypto/gpg/cli binary lookup, and its main's "No gpg binary found: %s").
      /\bno gpg binary found\b/i,
      /spawn gpg2? ENOENT/,
      /'gpg2?' is not recognized as an internal or external command/,
      /(?:Command 'gpg2?' not found, but can be installed with|The program 'gpg2?' is currently not installed)/,
    ],
    supersedes: ['git-gpg-sign-failed'],
    explanation:
      'No gpg is on PATH: GnuPG is not installed (macOS has none by default: Homebrew\'s gnupg, or GPG Suite), it is '
      + 'installed as gpg2 only, or a GUI program started without the shell\'s PATH (/opt/homebrew/bin missing). pass and git '
      + 'signing both run `gpg`. Installing gnupg (with pass) sets up what duo-sso needs on Linux.',
    fix: { description: 'Install GnuPG (and pass), or point the program at the gpg you have (git config gpg.program)', commands: [['duo-sso-setup', 'install', 'pass-gpg']], automatic: false },
    example: 'error: cannot run gpg: No such file or directory\nerror: gpg failed to sign the data\nfatal: failed to write commit object',
  },
  {
    // git's sign_buffer runs `gpg --status-fd=2 -bsau <user.signingkey>` unless gpg.format says ssh (git 2.34+);
    // a signing key that is an SSH public key (a .pub path or the key text) reaches gpg, which reports it as an
    // unknown secret key (gnupg g10/sign.c "skipped \"%s\": %s", status INV_SGNR). Tried here with gpg 2.2.
    id: 'git-signing-key-is-ssh',
    title: 'git asked gpg to sign with an SSH key (gpg.format is not set to ssh)',
    group: 'pass-gpg',
    patterns: [
      /gpg: skipped "[^"\n]*\.pub": (?:No secret key|secret key not available)/,
      /gpg: skipped "(?:key::)?(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\d+|sk-ssh-ed25519@openssh\.com) [^"\n]*": (?:No secret key|secret key not available)/,
      /\[GNUPG:\] INV_SGNR \d+ (?:[^\n]*\.pub|(?:key::)?ssh-(?:rsa|ed25519|dss) )/,
    ],
    supersedes: ['gpg-no-secret-key', 'git-gpg-sign-failed'],
    explanation:
      'user.signingkey names an SSH key (a .pub file or the key itself), but git still signs with gpg, which has no such '
      + 'secret key. Signing with SSH keys (git 2.34 and later; Secretive, 1Password and ssh-agent keys) needs gpg.format set '
      + 'to ssh. If you meant to sign with gpg, set user.signingkey to your gpg key id instead. Nothing is wrong with the gpg '
      + 'keyring or the password store.',
    fix: {
      description: 'Tell git the signing key is an SSH key (git config --global gpg.format ssh), or point user.signingkey at a gpg key id',
      commands: [['git', 'config', '--get-regexp', '^(user\\.signingkey|gpg\\.format)$'], ['git', 'config', '--global', 'gpg.format', 'ssh']],
      automatic: false,
    },
    example: 'error: gpg failed to sign the data:\ngpg: skipped "/Users/jdoe/.ssh/id_ed25519.pub": No secret key\n[GNUPG:] INV_SGNR 9 /Users/jdoe/.ssh/id_ed25519.pub\n[GNUPG:] FAILURE sign 17\ngpg: signing failed: No secret key',
  },
  {
    // gopass (pkg/cui AskForPrivateKey, action/init): lists private keys through gpg and keeps only the usable
    // ones (not expired or revoked, and, without --always-trust, with owner trust), then finds none.
    id: 'gopass-no-usable-key',
    title: 'gopass found no usable private key (missing, expired, or not trusted)',
    group: 'pass-gpg',
    patterns: [/\bno useable private keys found\b/i, /make sure you have valid private keys with sufficient trust/],
    supersedes: ['gpg-no-secret-key'],
    explanation:
      'gopass asks gpg for secret keys and keeps those it can use: present, not expired or revoked, and trusted. A key '
      + 'imported from another machine has unknown owner trust, so it is left out although `gpg --list-secret-keys` shows '
      + 'it: give your own key ultimate trust (gpg --edit-key <fingerprint>, then trust, 5). An expired key needs its '
      + 'expiry extended (gpg --quick-set-expire); no key at all means importing yours or generating one.',
    fix: {
      description: 'List your secret keys with their validity, then set the owner trust of your own key (trust, 5 = ultimate)',
      commands: [LIST_KEYS, ['gpg', '--edit-key', '<fingerprint>', 'trust']],
      automatic: false,
    },
    example: 'Error: failed to run onboarding wizard: failed to init local store: failed to read user input: no useable private keys found. make sure you have valid private keys with sufficient trust',
  },
  {
    // gpg with --pinentry-mode loopback (scripts, python-gnupg, CI, tools that pass the passphrase themselves) against an
    // agent that refuses it (no-allow-loopback-pinentry, or gnupg 2.1 before 2.1.12 without allow-loopback-pinentry):
    // g10/call-agent.c "setting pinentry mode '%s' failed: %s"; gpg then says "No secret key" for a key it has.
    // Tried here with gpg 2.2 (decrypt and key generation).
    id: 'gpg-loopback-not-allowed',
    title: 'gpg-agent refuses the loopback pinentry a script asked for (the key is there)',
    group: 'pass-gpg',
    patterns: [
      /setting pinentry mode '(?:loopback|ask|cancel|error)' failed: (?:Not supported|Forbidden|Not implemented)/,
      // The same in gpg's status lines (--status-fd), which wrappers log instead of its stderr.
      /\[GNUPG:\] ERROR set_pinentry_mode \d+/,
    ],
    supersedes: ['gpg-no-secret-key', 'gpg-passphrase-rejected', 'gpg-no-pinentry'],
    explanation:
      'Something ran gpg with --pinentry-mode loopback, to hand it the passphrase itself (a script, python-gnupg, a CI job), '
      + 'and gpg-agent does not allow that: ~/.gnupg/gpg-agent.conf says no-allow-loopback-pinentry (or an old gnupg 2.1 '
      + 'agent lacks allow-loopback-pinentry). gpg then reports "No secret key" although the key is in the keyring: do not '
      + 'import it again or re-initialise anything. Allow loopback in gpg-agent.conf and restart the agent, or run without '
      + 'loopback so pinentry asks.',
    fix: {
      description: 'Put allow-loopback-pinentry in ~/.gnupg/gpg-agent.conf (and remove no-allow-loopback-pinentry), then restart gpg-agent',
      commands: [['gpgconf', '--list-options', 'gpg-agent'], ['gpgconf', '--kill', 'gpg-agent']],
      automatic: false,
    },
    example: "gpg: setting pinentry mode 'loopback' failed: Not supported\ngpg: encrypted with 3072-bit RSA key, ID D8B73607A9B93C56, created 2026-12-07\n      \"Jane Doe <jane@example.com>\"\ngpg: decryption failed: No secret key",
  },
  {
    // gnupg g10/tdbio.c ("%s: directory does not exist!", fatal) and g10/keydb.c ("keyblock resource '%s': %s"):
    // gpg's home folder is not there (gpg creates ~/.gnupg itself only when it is the default home and HOME exists).
    // Tried here with gpg 2.2: GNUPGHOME naming a missing folder, and HOME naming one.
    id: 'gpg-home-missing',
    title: 'gpg\'s home folder (~/.gnupg or GNUPGHOME) does not exist',
    group: 'pass-gpg',
    patterns: [
      /gpg: [Ff]atal: (?<path>[^\n]*?): directory does not exist!/,
      /keyblock resource [`'"](?<path>[^'"\n]*)['"]: (?:No such file or directory|file open error)/,
      /gpg: [Ff]atal: can't create directory [`'"](?<path>[^'"\n]*)['"]: No such file or directory/,
    ],
    // With no keyring at all every key is "missing": the folder, not the key or the store, is what to fix.
    supersedes: ['pass-key-missing', 'gpg-no-secret-key'],
    explanation:
      'gpg keeps its keys in ~/.gnupg, or in the folder GNUPGHOME names, and that folder does not exist: GNUPGHOME points '
      + 'at a path that is not there (a typo, a folder of another user or machine, a CI path), HOME is unset or wrong (under '
      + 'sudo, a service or a container), or this account never ran gpg. If your keys are in another folder, point GNUPGHOME '
      + 'at it (or unset it) rather than creating an empty one: a fresh, empty keyring makes every key look missing. If this '
      + 'account has no keys yet, create ~/.gnupg (mkdir -m 700) and generate or import your key.',
    fix: {
      description: 'See which folder gpg uses (GNUPGHOME, HOME); point it at the folder that holds your keys, or create ~/.gnupg (mode 700) and generate or import a key',
      commands: [['sh', '-c', 'echo "GNUPGHOME=$GNUPGHOME HOME=$HOME"'], ['mkdir', '-m', '700', '-p', '~/.gnupg'], LIST_KEYS],
      automatic: false,
    },
    describe: (f) => (f.path ? `gpg could not use ${f.path}.` : undefined),
    example: "gpg: keyblock resource '/home/jdoe/gnupg/pubring.kbx': No such file or directory\ngpg: Fatal: /home/jdoe/gnupg: directory does not exist!",
  },
  {
    // PC/SC's SCARD_E_NO_SERVICE (0x8010001D) as each layer prints it: pcsc-lite's pcsc_stringify_error ("Service not
    // available."), pyscard's EstablishContextException (ykman, yubikey tools), scdaemon's apdu.c ("no service").
    id: 'pcscd-not-running',
    title: 'The smartcard service (pcscd) is not running',
    group: 'pass-gpg',
    patterns: [
      /\bEstablishContextException\b/,
      /Failure to establish context: (?:Service not available|The Smart Card Resource Manager is not running)/,
      /SCardEstablishContext(?: failed)?:? (?:Service not available|0x8010001[dD])/,
      /pcsc_establish_context failed: no service\b/,
      /\bSCARD_E_NO_SERVICE\b|\b0x8010001[dD]\b/,
    ],
    supersedes: ['gpg-card-missing'],
    explanation:
      'Programs that talk to a smartcard or YubiKey through PC/SC (ykman, yubikey-manager, OpenSC, pcsc_scan, pyscard, and '
      + 'scdaemon when told to use it) need the pcscd daemon, and none is running: pcsc-lite (pcscd) or the CCID reader driver '
      + 'is not installed, or its socket unit is not enabled. On Linux install pcscd and libccid and enable it (sudo systemctl '
      + 'enable --now pcscd.socket); on Windows the "Smart Card" service must be running. The card and its keys are fine.',
    fix: {
      description: 'Install pcscd and the CCID driver, enable and start pcscd, then check the card is seen',
      commands: [['sudo', 'systemctl', 'enable', '--now', 'pcscd.socket'], ['systemctl', 'status', 'pcscd'], ['gpg', '--card-status']],
      platformCommands: { win32: [['sc', 'start', 'SCardSvr']] },
      automatic: false,
    },
    example: "smartcard.pcsc.PCSCExceptions.EstablishContextException: 'Failure to establish context: Service not available.'",
  },
  {
    // gnupg g10/mainproc.c check_sig_and_print ("Can't check signature: %s"; gpg 1.4 "public key not found"), its
    // status line NO_PUBKEY, and apt's acquire-item.cc quoting that status. Tried here with gpg 2.2 (an empty keyring).
    id: 'gpg-verify-no-pubkey',
    title: 'gpg cannot check a signature: the signer\'s public key is not in your keyring',
    group: 'pass-gpg',
    patterns: [
      /Can't check signature: (?:No public key|public key not found)/i,
      /\bNO_PUBKEY (?<fingerprint>[0-9A-F]{8,40})\b/,
      /\[GNUPG:\] ERRSIG [0-9A-F]{16} /,
    ],
    explanation:
      'The signature itself may be fine: gpg only lacks the public key of whoever signed (the AWS CLI installer\'s signing '
      + 'key, a release key, a repository key), so it cannot tell good from bad. Import that key from its publisher (the '
      + 'AWS CLI install guide prints its key; a project\'s release page or KEYS file names its own), compare its '
      + 'fingerprint with the published one, then verify again. This says nothing about your own key or the password store. '
      + 'For apt ("NO_PUBKEY" in apt-get update) the key belongs in that repository\'s keyring, not yours: fetch the vendor\'s '
      + 'key into /etc/apt/keyrings (gpg --dearmor) and name it with signed-by= in the repository\'s sources line.',
    fix: {
      description: 'Import the signer\'s public key from its publisher, compare the fingerprint with the published one, and verify again',
      commands: [['gpg', '--import', '<signer-key.asc>'], ['gpg', '--fingerprint', '<fingerprint>'], ['gpg', '--verify', '<file.sig>', '<file>']],
      automatic: false,
    },
    example: "gpg: Signature made Mon Dec  7 19:24:40 2026 UTC\ngpg:                using RSA key FB5DB77FD5C118B80511ADA8A6310ACC4672475C\ngpg: Can't check signature: No public key",
  },
  {
    // gnupg g10/mainproc.c ("BAD signature from \"%s\""), status BADSIG. Tried here: a signed file changed after signing.
    id: 'gpg-bad-signature',
    title: 'The signature does not match the file (BAD signature): do not use the file',
    group: 'pass-gpg',
    patterns: [/gpg: BAD signature from /, /\[GNUPG:\] BADSIG [0-9A-F]{16} /],
    supersedes: ['gpg-verify-no-pubkey'],
    explanation:
      'gpg has the signer\'s key and the signature does not fit the file: the file was changed after it was signed (an '
      + 'incomplete or corrupted download, a proxy that rewrote it, or tampering), or the signature belongs to another '
      + 'file or version. Do not install or run it. Download both the file and its signature again from the official '
      + 'address and verify again; if it still fails, report it to the publisher.',
    fix: {
      description: 'Delete the download, fetch the file and its signature again from the official address, and verify again before using it',
      commands: [['gpg', '--verify', '<file.sig>', '<file>']],
      automatic: false,
    },
    example: 'gpg: Signature made Mon Dec  7 19:24:40 2026 UTC\ngpg:                using EDDSA key 433B6116B4CB095BC7539A3CAAB5766F39BD9199\ngpg: BAD signature from "AWS CLI Test <cli@example.com>" [unknown]',
  },
  {
    // gnupg g10/pkclist.c check_signatures_trust: a good signature by a key nothing in this keyring certifies.
    id: 'gpg-signature-key-not-certified',
    title: 'A good signature, by a key your keyring does not vouch for (a warning, not a failure)',
    group: 'pass-gpg',
    patterns: [
      /WARNING: This key is not certified with (?:a trusted signature|sufficiently trusted signatures)!/,
      /There is no indication that the signature belongs to the owner/,
      /It is not certain that the signature belongs to the owner/,
    ],
    explanation:
      'The signature is good ("Good signature from"): the file is exactly what that key signed. gpg warns because nothing in '
      + 'your keyring says the key really belongs to the person or company it names: you imported it, but did not certify or '
      + 'trust it. Compare the "Primary key fingerprint" gpg prints with the one the publisher gives (the AWS CLI install guide, '
      + 'a release page); when they match, the warning can be ignored (or sign the key locally with gpg --lsign-key to silence it).',
    fix: {
      description: 'Compare the primary key fingerprint with the publisher\'s; if it matches, the file is fine (gpg --lsign-key marks the key as checked)',
      commands: [['gpg', '--fingerprint', '<fingerprint>'], ['gpg', '--lsign-key', '<fingerprint>']],
      automatic: false,
    },
    example: 'gpg: Good signature from "AWS CLI Team <aws-cli@amazon.com>" [unknown]\ngpg: WARNING: This key is not certified with a trusted signature!\ngpg:          There is no indication that the signature belongs to the owner.',
  },
  {
    // libgpg-error GPG_ERR_BAD_PIN (87) and GPG_ERR_PIN_BLOCKED (130) as gpg and scdaemon print them (scd/apdu.c maps the
    // card's SW_CHV_WRONG / SW_CHV_BLOCKED to them); status SC_OP_FAILURE 2 and 3 (g10/call-agent.c status_sc_op_failure).
    id: 'gpg-card-pin',
    title: 'The smartcard (YubiKey) PIN was wrong, or is now blocked',
    group: 'pass-gpg',
    patterns: [
      /(?:signing|sign|clear-sign|decryption|public key decryption|authentication|changing the PIN|error changing the PIN|verify CHV\d|agent_scd_\w+) failed: (?:Bad PIN|PIN blocked)/,
      /\bGPG_ERR_(?:BAD_PIN|PIN_BLOCKED)\b/,
      /\[GNUPG:\] SC_OP_FAILURE [23]\b/,
      /\bPIN blocked\b[^\n]*(?:card|CHV|scdaemon)|(?:card|CHV|scdaemon)[^\n]*\bPIN blocked\b/i,
    ],
    supersedes: ['gpg-card-missing', 'gpg-no-secret-key', 'gpg-passphrase-rejected', 'git-gpg-sign-failed'],
    explanation:
      'The key is on the card and the card is there; the PIN typed was wrong. After three wrong user PINs the card blocks '
      + 'the PIN ("PIN blocked"): the keys are still on it, and the Admin PIN (or a reset code) unblocks it and sets a new '
      + 'PIN (gpg --card-edit, admin, passwd, 2 "unblock PIN"; ykman openpgp access unblock-pin on a YubiKey). YubiKeys ship '
      + 'with user PIN 123456 and Admin PIN 12345678. Do not factory-reset the card for this: that deletes the keys on it.',
    fix: {
      description: 'Retry with the right PIN; if it is blocked, unblock it with the Admin PIN (gpg --card-edit, then admin, passwd, 2) and set a new one',
      commands: [['gpg', '--card-status'], ['gpg', '--card-edit']],
      automatic: false,
    },
    example: 'gpg: signing failed: Bad PIN\ngpg: [stdin]: clear-sign failed: Bad PIN',
  },
];
