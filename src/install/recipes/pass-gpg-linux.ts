// pass + gpg on Linux, where duo-sso keeps its secrets: the distro's packages, a gpg key
// when none is usable, `pass init`, a round trip, and GPG_TTY for pinentry.
import { PASS_GPG_PACKAGES, installArgv, installEnv } from '../../release/packages.js';
import type { Recipe, Step } from '../types.js';

export const passGpgLinux: Recipe = {
  component: 'pass-gpg',
  method: 'package',
  applies: ({ facts }) => facts.os === 'linux',
  plan(input) {
    const { facts, options } = input;
    const pm = facts.packageManager;
    const steps: Step[] = [];
    const notes: string[] = [];
    if (pm && pm !== 'winget') {
      const packages = PASS_GPG_PACKAGES[pm];
      steps.push({
        kind: 'run', title: `Install ${packages.join(' ')} with ${pm}`, argv: installArgv(pm, packages),
        sudo: pm !== 'brew' && !input.isRoot, mutates: true, timeoutMs: 600_000, env: installEnv(pm),
      });
    } else {
      notes.push('No known package manager: install pass and gnupg yourself, then rerun.');
    }
    if (input.existingGpgKey) {
      notes.push(`Using your existing gpg key ${input.existingGpgKey}.`);
    } else {
      // No invented identity: without --gpg-name (or git's user.name, or an answer at a
      // terminal) the step is shown with a placeholder and refused before anything runs.
      const name = options.gpgName ?? '';
      const email = options.gpgEmail ?? '';
      const who = name ? (email ? `${name} <${email}>` : name) : '<your name: --gpg-name> <email: --gpg-email>';
      steps.push({
        kind: 'gpg-key', title: `Create a gpg key for ${who}${options.passphrase ? ' (you choose a passphrase)' : ' (no passphrase)'}`,
        name, email, passphrase: options.passphrase,
      });
    }
    steps.push(
      { kind: 'pass-init', title: `Initialise the password store for ${input.existingGpgKey ?? 'the new key'}`, fingerprint: input.existingGpgKey ?? 'new-key' },
      { kind: 'pass-round-trip', title: 'Write, read back and delete a test entry' },
      { kind: 'profile-line', title: 'Add GPG_TTY to your shell profile when missing', purpose: 'gpg-tty' },
    );
    return { component: 'pass-gpg', method: 'package', summary: `pass and gpg${pm ? ` from ${pm}` : ''}, a key and an initialised store`, steps, notes };
  },
};

/** macOS and Windows keep duo-sso's secrets in the OS keychain: nothing to install. */
export const passGpgNotNeeded: Recipe = {
  component: 'pass-gpg',
  method: 'none',
  applies: ({ facts }) => facts.os !== 'linux',
  plan: ({ facts }) => ({
    component: 'pass-gpg', method: 'none',
    summary: `not needed on ${facts.os === 'darwin' ? 'macOS' : facts.os === 'win32' ? 'Windows' : facts.os}: duo-sso uses the system keychain`,
    steps: [], notes: [],
  }),
};
