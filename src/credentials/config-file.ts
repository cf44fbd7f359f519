// The `credential_process` line in ~/.aws/config that makes the AWS CLI (and every SDK,
// Terraform, kubectl) ask us for a profile's credentials. The profile's section is the one
// botocore resolves (`[profile dev]`, `[profile "dev"]`, `[profile default]`, …) and the
// command is split exactly as botocore splits it on this platform.
import { appendSection, parseIni, removeOptions, setOption } from '../aws/ini-model.js';
import { configProfiles, rawConfigParse, splitCredentialProcess } from '../aws/botocore-view.js';
import { configSectionName } from '../aws/ini.js';

/** Recognises a command this tool wrote, whatever the path of node/deno/the script. */
export function isOurCommand(value: string | undefined, platform: NodeJS.Platform = process.platform): boolean {
  if (value === undefined) return false;
  const words = splitCredentialProcess(value, platform) ?? [];
  const at = words.indexOf('credential-process');
  return at > 0 && words[at + 1] === '--profile' && words.length === at + 3;
}

/**
 * The command line for credential_process. The AWS CLI splits it with POSIX shell rules
 * (shlex) except on Windows, where it uses the Windows rules: quote for the one that applies.
 */
export function credentialProcessCommand(self: readonly string[], profile: string, platform: NodeJS.Platform = process.platform): string {
  const argv = [...self, 'credential-process', '--profile', profile];
  if (platform === 'win32') return argv.map((a) => (/^[^\s"]+$/.test(a) ? a : `"${a.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1')}"`)).join(' ');
  return argv.map((a) => (/^[\w@%+=:,./~-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

export type ConfigEdit = { kind: 'set'; text: string } | { kind: 'conflict'; existing: string } | { kind: 'unreadable' };

/** The profile's winning config section, as botocore resolves the name. */
function profileSection(text: string, profile: string) {
  const ini = parseIni(text);
  if (!ini.ok) return undefined;
  const raw = rawConfigParse(ini.file);
  if (!raw.ok) return undefined;
  return { file: ini.file, found: configProfiles(raw.sections).get(profile) };
}

/** Sets our credential_process for `profile`; refuses to replace someone else's. */
export function setCredentialProcess(text: string, profile: string, command: string): ConfigEdit {
  const at = profileSection(text, profile);
  if (!at) return { kind: 'unreadable' };
  const existing = at.found?.values.credential_process;
  if (existing !== undefined && (typeof existing !== 'string' || !isOurCommand(existing))) return { kind: 'conflict', existing: String(existing) };
  if (!at.found) return { kind: 'set', text: appendSection(at.file, configSectionName(profile), [['credential_process', command]]) };
  return { kind: 'set', text: setOption(at.file, at.found.section, 'credential_process', command) };
}

/** Our credential_process line removed (when it is ours), the rest as it was. */
export function removeCredentialProcess(text: string, profile: string): string {
  const at = profileSection(text, profile);
  const option = at?.found?.section.options.get('credential_process');
  return at?.found && option && isOurCommand(option.value) ? removeOptions(at.file, at.found.section, ['credential_process']) : text;
}

/** The absolute paths our credential_process line runs (the runtime and the script), split as the AWS CLI splits it. */
export function commandPaths(value: string, platform: NodeJS.Platform = process.platform): string[] {
  const words = splitCredentialProcess(value, platform) ?? [];
  const end = words.indexOf('credential-process');
  return words.slice(0, end < 0 ? words.length : end).filter((w) => /^(\/|[A-Za-z]:\\)/.test(w));
}
