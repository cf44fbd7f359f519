// Failures of pass (on gpg), the Linux secret store duo-sso keeps its Duo state in. The
// Secret Service over D-Bus, the other store, is in secret-service.ts.
import type { KnownFailure } from './types.js';

const INSTALL_PASS_GPG = ['duo-sso-setup', 'install', 'pass-gpg'];
const LIST_KEYS = ['gpg', '--list-secret-keys', '--keyid-format', 'long'];

export const passGpgFailures: readonly KnownFailure[] = [
  {
    id: 'pass-not-initialised',
    title: 'The password store is not initialised',
    group: 'pass-gpg',
    patterns: [/You must run:\s+pass init/, /before you may use the password store/, /password store is empty\. Try "pass init"/],
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
    patterns: [/\bpass: (?:command )?not found/, /command not found: pass\b/, /exec: "pass": executable file not found/, /spawn pass ENOENT/],
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
    patterns: [/skipped: No public key/, /encryption failed: No public key/],
    explanation: '~/.password-store/.gpg-id names a gpg key that is not in this keyring (a store copied from another machine, or a deleted key).',
    fix: {
      description: 'Initialise the store for a key you hold (re-encrypts existing entries)',
      commands: [LIST_KEYS, ['pass', 'init', '<gpg-id>']],
      automatic: false,
    },
    example: 'gpg: 0D3F1B2A9C8E7D6F: skipped: No public key\ngpg: [stdin]: encryption failed: No public key\nPassword encryption aborted.',
  },
  {
    id: 'gpg-no-tty',
    title: 'gpg cannot ask for the passphrase (no terminal)',
    group: 'pass-gpg',
    patterns: [/Inappropriate ioctl for device/],
    supersedes: ['gpg-no-secret-key'],
    explanation:
      'gpg-agent needs a terminal to show pinentry but was not told which one: GPG_TTY is unset (typical in a fresh shell, '
      + 'tmux, or a script). gpg then reports "No secret key" even though the key is there. '
      + 'Add `export GPG_TTY=$(tty)` to ~/.bashrc or ~/.zshrc so every new terminal has it.',
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
    patterns: [/decryption failed: No pinentry/, /gpg-agent has no cached passphrase/, /your gpg key is locked/],
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
    patterns: [/decryption failed: No secret key/, /gpg: signing failed: No secret key/],
    explanation:
      'The entry was encrypted for a gpg key whose secret half is not in this keyring: the store was initialised on another '
      + 'machine or for another key, or the key was deleted. (When gpg-agent cannot prompt, see gpg-no-tty.)',
    fix: {
      description: 'Compare your secret keys with the key the store uses (~/.password-store/.gpg-id); import the key or re-initialise the store',
      commands: [LIST_KEYS, ['cat', '~/.password-store/.gpg-id']],
      automatic: false,
    },
    example: 'gpg: decryption failed: No secret key',
  },
  {
    id: 'gpg-key-expired',
    title: 'The gpg key has expired',
    group: 'pass-gpg',
    patterns: [/(?:gpg: (?<fingerprint>[0-9A-F]{16,40}): )?skipped: Unusable public key/, /encryption failed: Unusable public key/, /Unusable secret key/],
    explanation: 'pass encrypts for the key in .gpg-id, and gpg refuses to encrypt for an expired key. Extending the expiry keeps every stored entry readable.',
    fix: {
      description: 'Extend the key and its subkeys by a year',
      commands: [['gpg', '--quick-set-expire', '<fingerprint>', '1y'], ['gpg', '--quick-set-expire', '<fingerprint>', '1y', '*']],
      automatic: false,
    },
    example: 'gpg: 5AD5ADDDEDD4710790636724D95AD1FA5E02E571: skipped: Unusable public key\ngpg: [stdin]: encryption failed: Unusable public key\nPassword encryption aborted.',
  },
];
