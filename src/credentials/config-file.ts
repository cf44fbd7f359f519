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

/** The words of a command line we wrote: quotes group; inside double quotes only \\" is an escape (Windows). */
export function splitCommand(value: string): string[] {
  const words: string[] = [];
  const re = /'([^']*)'|"((?:\\"|[^"])*)"|(\S+?)(?=\s|'|"|$)|(\s+)/gy;
  let word: string | undefined;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    if (m[4] !== undefined) {
      if (word !== undefined) words.push(word);
      word = undefined;
      continue;
    }
    word = (word ?? '') + (m[1] ?? m[2]?.replace(/\\"/g, '"') ?? m[3] ?? '');
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** The absolute paths our credential_process line runs (the runtime and the script). */
export function commandPaths(value: string): string[] {
  const words = splitCommand(value);
  const end = words.indexOf('credential-process');
  return words.slice(0, end < 0 ? words.length : end).filter((w) => /^(\/|[A-Za-z]:\\)/.test(w));
}
