// duo-sso on Linux keeps its secrets in pass, which encrypts with gpg: a usable secret key
// (not expired, not revoked, able to encrypt) is required.
import { gpgTtyEdit } from '../../shell/edit-profile.js';
import { result, type Check, type Fix } from '../../check/types.js';
import { probeGpg, usableKeys } from './gpg-probe.js';
import { readProfileText } from '../../fs/safe-read.js';

const setupFix: Fix = {
  description: 'Install gpg and pass, create a key and initialise the store',
  commands: [['duo-sso-setup', 'install', 'pass-gpg']],
  automatic: true,
  needsConfirmation: true,
};

export const gpgCheck: Check = {
  id: 'gpg',
  title: 'GnuPG',
  applies: (platform) => platform.os === 'linux',
  async run(ctx) {
    const state = await probeGpg(ctx);
    if (state.kind === 'missing') return result.fail('gpg not found on PATH', ['pass needs gpg to encrypt duo-sso\'s secrets.'], setupFix);
    if (state.kind === 'broken') return result.fail(`gpg fails: ${state.message}`, [`at ${state.path}`], setupFix);
    const usable = usableKeys(state);
    const details = state.keys.map((k) => `${k.state === 'usable' ? 'key' : `${k.state} key`} ${k.fingerprint} ${k.userIds[0] ?? ''}`.trim());
    const data = { path: state.path, version: state.version ?? null, keys: state.keys.map((k) => ({ fingerprint: k.fingerprint, state: k.state, expires: k.expires?.toISOString() ?? null })) };
    if (usable.length === 0) {
      const why = state.keys.length === 0 ? 'no secret key' : 'no usable secret key (expired, revoked or unable to encrypt)';
      return result.fail(why, details, setupFix, data);
    }
    const interactive = ctx.io.stdinIsTTY;
    if (interactive && !ctx.env.GPG_TTY) {
      // Just added to the profile (install pass-gpg, doctor --fix): this terminal predates it.
      const edit = gpgTtyEdit(ctx.env, ctx.paths.home);
      if (edit.present(await readProfileText(edit.file))) {
        return result.warn(`gpg ${state.version ?? ''} with ${usable.length} usable key(s); GPG_TTY is set by ${edit.file} but not in this terminal`.replace('  ', ' '), [
          ...details,
          'Terminals opened before that line was added do not have it: open a new one (or run `export GPG_TTY=$(tty)` here).',
        ], undefined, data);
      }
      return result.warn(`gpg ${state.version ?? ''} with ${usable.length} usable key(s), but GPG_TTY is not set`.replace('  ', ' '), [
        ...details,
        'Without GPG_TTY pinentry cannot ask for your passphrase: "Inappropriate ioctl for device".',
      ], gpgTtyFix(ctx.env.SHELL), data);
    }
    return result.ok(`gpg ${state.version ?? ''} with ${usable.length} usable key(s)`.replace('  ', ' '), details, data);
  },
};

/**
 * The line for the user's own shell. No command: the one we had (`install pass-gpg`) also
 * reinstalls packages and re-runs `pass init`, far more than one line in a profile.
 */
export function gpgTtyFix(shell: string | undefined): Fix {
  const name = shell?.split('/').pop() ?? '';
  const [line, file] = name === 'fish' ? ['set -gx GPG_TTY (tty)', '~/.config/fish/config.fish']
    : name === 'zsh' ? ['export GPG_TTY=$(tty)', '~/.zshrc']
      : ['export GPG_TTY=$(tty)', '~/.bashrc'];
  return { description: `Add \`${line}\` to ${file}, then open a new terminal`, commands: [], automatic: false };
}
