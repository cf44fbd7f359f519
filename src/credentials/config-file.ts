// The `credential_process` line in ~/.aws/config that makes the AWS CLI (and every SDK,
// Terraform, kubectl) ask us for a profile's credentials.
import { configSectionName, getSection, setValues } from '../aws/ini.js';

/** Recognises a command this tool wrote, whatever the path of node/deno/the script. */
export function isOurCommand(value: string | undefined): boolean {
  return value !== undefined && /(?:^|\s|["'])credential-process["']?\s+--profile\s/.test(value);
}

/**
 * The command line for credential_process. The AWS CLI splits it with POSIX shell rules
 * (shlex) except on Windows, where it uses the Windows rules: quote for the one that applies.
 */
export function credentialProcessCommand(self: readonly string[], profile: string, platform: NodeJS.Platform = process.platform): string {
  const argv = [...self, 'credential-process', '--profile', profile];
  if (platform === 'win32') return argv.map((a) => (/^[^\s"]+$/.test(a) ? a : `"${a.replace(/"/g, '\\"')}"`)).join(' ');
  return argv.map((a) => (/^[\w@%+=:,./~-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

export type ConfigEdit = { kind: 'set'; text: string } | { kind: 'conflict'; existing: string };

/** Sets our credential_process for `profile`; refuses to replace someone else's. */
export function setCredentialProcess(text: string, profile: string, command: string): ConfigEdit {
  const section = configSectionName(profile);
  const existing = getSection(text, section)?.credential_process;
  if (existing !== undefined && !isOurCommand(existing)) return { kind: 'conflict', existing };
  return { kind: 'set', text: setValues(text, section, { credential_process: command }) };
}

/** Our credential_process line removed (when it is ours), the rest as it was. */
export function removeCredentialProcess(text: string, profile: string): string {
  const section = configSectionName(profile);
  return isOurCommand(getSection(text, section)?.credential_process) ? setValues(text, section, { credential_process: undefined }) : text;
}
