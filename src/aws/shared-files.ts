// Reading ~/.aws/config and ~/.aws/credentials from disk into the one model (ini-model.ts,
// botocore-view.ts): the bytes are checked to be what the AWS CLI can read, and a file it
// cannot read is reported with where (file:line:col) and why, never half-read.
import { readOwnFile } from '../fs/safe-read.js';
import { decodeAwsFile, type IniError } from './ini-model.js';
import { parseFiles, viewOf, type AwsView, type ParsedFiles } from './botocore-view.js';

export type AwsFileRead = { kind: 'absent' } | { kind: 'text'; text: string } | { kind: 'invalid'; error: IniError };

export function decodeBytes(bytes: Uint8Array | undefined): AwsFileRead {
  if (bytes === undefined) return { kind: 'absent' };
  const decoded = decodeAwsFile(bytes);
  return decoded.ok ? { kind: 'text', text: decoded.text } : { kind: 'invalid', error: decoded.error };
}

export async function readAwsFile(path: string): Promise<AwsFileRead> {
  try {
    // A dotfile: a link is followed only to a regular file of the same user; a pipe is refused (fs/safe-read).
    return decodeBytes(await readOwnFile(path, 'owned'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    throw error;
  }
}

/** `path:line[:col]: line N reason`, the one-line form every refusal uses. */
export function describeIniError(path: string, error: IniError): string {
  return `${path}:${error.line}${error.column ? `:${error.column}` : ''}: line ${error.line} ${error.reason}`;
}

export interface AwsTexts {
  config: string | undefined;
  credentials: string | undefined;
}

export type AwsFilesLoad =
  | { ok: true; texts: AwsTexts; files: ParsedFiles }
  | { ok: false; which: 'config' | 'credentials'; error: IniError };

/** Both files as the AWS CLI reads them: config first, as botocore fails on it first. */
export function loadTexts(config: AwsFileRead, credentials: AwsFileRead): AwsFilesLoad {
  if (config.kind === 'invalid') return { ok: false, which: 'config', error: config.error };
  const configText = config.kind === 'text' ? config.text : undefined;
  const configOnly = parseFiles(configText, undefined);
  if (!configOnly.ok) return { ok: false, which: 'config', error: configOnly.error };
  if (credentials.kind === 'invalid') return { ok: false, which: 'credentials', error: credentials.error };
  const texts = { config: configText, credentials: credentials.kind === 'text' ? credentials.text : undefined };
  const parsed = parseFiles(texts.config, texts.credentials);
  return parsed.ok ? { ok: true, texts, files: parsed.files } : { ok: false, which: parsed.which, error: parsed.error };
}

/** What the AWS CLI sees, from the files' bytes (undefined: the file does not exist). */
export function viewOfBytes(config: Uint8Array | undefined, credentials: Uint8Array | undefined): AwsView {
  const load = loadTexts(decodeBytes(config), decodeBytes(credentials));
  return load.ok ? viewOf(load.files) : { error: load.which, where: load.error };
}
