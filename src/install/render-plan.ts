// Plans as text (for --dry-run and the confirmation before a real run) and as JSON.
// Pure: a plan in, text out. `{work}` is shown as $WORK (a private temporary folder).
import { paint, shellQuote, symbols, type Style } from '../ui/style.js';
import { fingerprintLabel } from './recipes/aws-cli-linux-zip.js';
import type { Plan, Step } from './types.js';
import { isUrl } from '../net/download.js';
import { keyLabel, unverifiedRefusal } from '../net/release-verify.js';

const showPath = (p: string): string => p.replaceAll('{work}', '$WORK');

/** The command lines a step stands for, as a user would type them. */
export function stepCommands(step: Step): string[][] {
  switch (step.kind) {
    case 'run': return [[...(step.sudo ? ['sudo'] : []), ...step.argv.map(showPath)]];
    case 'download': {
      const cmds = [isUrl(step.url) ? ['curl', '-fL', '-o', showPath(step.to), step.url] : ['cp', step.url, showPath(step.to)]];
      if (step.verify.kind === 'sha256') cmds.push(['sha256sum', showPath(step.to)]);
      if (step.verify.kind === 'signed-checksums') {
        cmds.push(['curl', '-fL', '-o', '$WORK/checksums.txt', step.verify.checksumsUrl]);
        cmds.push(['curl', '-fL', '-o', '$WORK/checksums.txt.minisig', `${step.verify.checksumsUrl}.minisig`]);
        cmds.push(['minisign', '-V', '-P', step.verify.keys[0]!, '-m', '$WORK/checksums.txt']);
        cmds.push(['sha256sum', showPath(step.to)]);
      }
      if (step.verify.kind === 'signature') {
        cmds.push(['curl', '-fL', '-o', `${showPath(step.to)}.sig`, step.verify.signatureUrl]);
        cmds.push(['gpg', '--verify', `${showPath(step.to)}.sig`, showPath(step.to)]);
      }
      return cmds;
    }
    case 'install-binary': {
      if (!step.sudo) return [['install', '-m', '0755', showPath(step.from), step.to]];
      // What the executor runs: prove it works, then copy it in beside the target and rename over it.
      const tmp = sudoTempName(step.to, '$PID');
      return [[showPath(step.from), ...step.versionArgs], ['sudo', 'cp', showPath(step.from), tmp], ['sudo', 'chmod', '0755', tmp], ['sudo', 'mv', '-f', tmp, step.to]];
    }
    case 'write-file': return [];
    case 'add-to-path': return [];
    case 'gpg-key': return [['gpg', ...gpgKeyArgs(step.name ? uid(step.name, step.email) : 'NAME <EMAIL>', step.passphrase)]];
    case 'pass-init': return [['pass', 'init', step.fingerprint === 'new-key' ? '<new key fingerprint>' : step.fingerprint]];
    case 'pass-round-trip': return [];
    case 'profile-line': return [];
    case 'verify': return [step.argv];
    case 'remove-software': return [step.argv];
  }
}

/** The temporary name a sudo install copies to, beside the target (one per process). */
export function sudoTempName(target: string, pid: string | number): string {
  return `${target}.tmp-${pid}`;
}

/**
 * gpg's arguments to create the key pass encrypts with. `future-default` is ed25519/cv25519:
 * decrypting with it takes about half the time of gpg 2.2's RSA-3072 default, and pass
 * decrypts on every AWS CLI call once credentials live in pass (credential_process).
 */
export function gpgKeyArgs(id: string, passphrase: boolean): string[] {
  // A passphrase is asked by duo-sso-setup and handed to gpg on its standard input, never in
  // its arguments: so the same typing also unlocks the new key for the store's first round trip.
  const given = passphrase ? ['--batch', '--pinentry-mode', 'loopback', '--passphrase-fd', '0'] : ['--batch', '--pinentry-mode', 'loopback', '--passphrase', ''];
  return [...given, '--quick-gen-key', id, 'future-default', 'default', 'never'];
}

/**
 * Decrypts a message to the new key with the passphrase on standard input: gpg-agent keeps the
 * passphrase it was given this way in its cache (default-cache-ttl), so the store's round trip
 * and the first credential_process calls that follow do not ask for it a third time.
 */
export function gpgUnlockArgs(): string[] {
  return ['--batch', '--pinentry-mode', 'loopback', '--passphrase-fd', '0', '--decrypt'];
}

export function uid(name: string, email: string): string {
  return email ? `${name} <${email}>` : name;
}

function stepDetail(step: Step): string[] {
  switch (step.kind) {
    case 'download':
      return [step.verify.kind === 'sha256' ? `verified: sha256 ${step.verify.sha256}`
        : step.verify.kind === 'signature' ? `verified: gpg signature by ${fingerprintLabel(step.verify.fingerprint)} before anything is unpacked`
          : step.verify.kind === 'signed-checksums' ? `verified against the release's checksums.txt (${step.verify.asset}), whose minisign signature must verify with ${keyLabel(step.verify.keys, step.verify.keySource)}; refused without one`
            : step.verify.kind === 'unverifiable' ? `REFUSED: cannot be verified (${step.verify.why}); pass --sha256 HEX or --allow-unverified`
              : `not verified: ${step.verify.why}`];
    case 'install-binary': return [step.sudo
      ? 'made executable and run with --version, then copied next to the target with sudo and renamed into place'
      : 'copied next to the target, made executable, run with --version, then renamed into place'];
    case 'write-file': return [`${showPath(step.path)} (mode ${step.mode.toString(8)})`];
    case 'add-to-path': return [`if ${step.dir} is not on PATH: offer to add it to your shell profile (with a backup)`];
    case 'verify': return [`expects "${step.expect}" in the output`];
    case 'run': return step.expect ? [`must succeed and say "${step.expect}"`] : [];
    case 'remove-software': return [step.consent.requested
      ? `you asked for this with ${step.consent.flag}`
      : `not done by default (--yes alone leaves it installed): pass ${step.consent.flag}, or answer yes when asked (default No)`];
    default: return [];
  }
}

export function renderPlanHuman(plans: readonly Plan[], style: Style, opts: { dryRun: boolean }): string {
  const sym = symbols(style);
  const lines: string[] = [];
  for (const plan of plans) {
    lines.push(`${paint(style, 'bold', plan.component)} (${plan.method}): ${plan.summary}`);
    if (plan.steps.length === 0) lines.push('    nothing to do');
    plan.steps.forEach((step, i) => {
      const sudo = 'sudo' in step && step.sudo ? paint(style, 'yellow', ' [sudo]') : step.kind === 'remove-software' && !step.consent.requested ? paint(style, 'yellow', ` [only with ${step.consent.flag}]`) : '';
      lines.push(`  ${i + 1}. ${step.title}${sudo}`);
      for (const d of stepDetail(step)) lines.push(`       ${paint(style, 'dim', d)}`);
      for (const c of stepCommands(step)) lines.push(`       ${sym.dollar} ${shellQuote(c)}`);
    });
    for (const n of plan.notes) lines.push(`  ${sym.bullet} ${n}`);
    lines.push('');
  }
  if (opts.dryRun) lines.push('Dry run: nothing was changed. Run again without --dry-run to do this.', ...refusedPlans(plans).map(refusalLine));
  return `${lines.join('\n').trimEnd()}\n`;
}

export interface RefusedPlan {
  component: Plan['component'];
  /** Why nothing can verify the download. */
  why: string;
  /** The commands that get past it, as the real run's refusal names them. */
  hint: string;
}

/**
 * Plans with a download nothing can verify: a real run stops there before downloading
 * (execute.ts throws this same refusal), so a preview must not read as if it would succeed.
 */
export function refusedPlans(plans: readonly Plan[]): RefusedPlan[] {
  return plans.flatMap((plan) => plan.steps.flatMap((step) => (step.kind === 'download' && step.verify.kind === 'unverifiable'
    ? [{ component: plan.component, why: step.verify.why, hint: unverifiedRefusal(step.url, step.verify.why, step.verify.retry).opts.hint ?? '' }]
    : [])));
}

function refusalLine(r: RefusedPlan): string {
  return `Except ${r.component}: a real run would refuse its download, which cannot be verified (${r.why}), and install nothing for it.\n${r.hint}`.trimEnd();
}

export function planToJson(plan: Plan): Record<string, unknown> {
  return {
    component: plan.component,
    method: plan.method,
    summary: plan.summary,
    steps: plan.steps.map((s) => {
      // Step content (e.g. choices.xml) stays in the plan; paths show $WORK.
      const copy = JSON.parse(JSON.stringify(s).replaceAll('{work}', '$WORK')) as Record<string, unknown>;
      return { ...copy, commands: stepCommands(s) };
    }),
    notes: plan.notes,
  };
}
