// Which profile names exist anywhere we look: config.json (duo-sso logs them in) and the AWS
// CLI's two files. A name found nowhere is a typo, said as such with the known ones listed,
// before anything is asked or done; a name only in ~/.aws is real but not duo-sso's to log in.
import type { Paths } from '../platform/paths.js';
import { ExitCode, UserError } from '../errors.js';
import { configProfileNames, sectionNames } from '../aws/ini.js';
import { readAwsFile } from '../aws/shared-files.js';
import { parseIni } from '../aws/ini-model.js';
import { rawConfigParse } from '../aws/botocore-view.js';
import { readConfig } from './read-config.js';
import { listProfiles } from './model.js';

export interface KnownProfiles {
  /** config.json's profiles: the ones `duo-sso-setup login --profile NAME` can log in. */
  duoSso: string[];
  /** Profiles of ~/.aws/config and ~/.aws/credentials (as botocore names them), config.json's aside. */
  awsOnly: string[];
  /**
   * Every file was read and parsed. When one was not (not UTF-8, a syntax error the AWS CLI
   * refuses too), a name missing from the lists is not known to be unknown: the command's own
   * reading reports the broken file instead of a misleading "unknown profile".
   */
  complete: boolean;
}

export async function knownProfiles(paths: Pick<Paths, 'duoConfig' | 'awsConfig' | 'awsCredentials'>): Promise<KnownProfiles> {
  const read = await readConfig(paths.duoConfig).catch(() => undefined);
  const duoSso = read?.kind === 'parsed' ? listProfiles(read.value).map((p) => p.name) : [];
  let complete = read === undefined || read.kind === 'parsed' || read.kind === 'missing';
  const text = async (path: string) => readAwsFile(path).then((r) => {
    if (r.kind === 'absent') return '';
    // Read as botocore reads it: a file it refuses (nested-block or separator errors too) is not complete.
    const ini = r.kind === 'text' ? parseIni(r.text) : undefined;
    if (!ini?.ok || !rawConfigParse(ini.file).ok) complete = false;
    return r.kind === 'text' ? r.text : '';
  }, () => {
    complete = false;
    return '';
  });
  const aws = [...configProfileNames(await text(paths.awsConfig)), ...sectionNames(await text(paths.awsCredentials))];
  return { duoSso, awsOnly: [...new Set(aws)].filter((n) => !duoSso.includes(n)), complete };
}

export function isKnown(known: KnownProfiles, name: string): boolean {
  return known.duoSso.includes(name) || known.awsOnly.includes(name);
}

/** The usage error (exit 2) for names found nowhere; `also`: other places that count as known (a secret store's entries). */
export function unknownProfileError(names: readonly string[], known: KnownProfiles, paths: Pick<Paths, 'duoConfig' | 'awsConfig' | 'awsCredentials'>): UserError {
  const list = names.map((n) => `'${n}'`).join(', ');
  const lines = [
    known.duoSso.length > 0 ? `Profiles duo-sso logs in (${paths.duoConfig}): ${known.duoSso.join(', ')}` : `${paths.duoConfig} has no profiles: add one with duo-sso-setup config add-profile NAME --account ID --role ROLE`,
    ...(known.awsOnly.length > 0 ? [`Other AWS profiles: ${known.awsOnly.join(', ')}`] : []),
  ];
  return new UserError(`unknown profile${names.length > 1 ? 's' : ''} ${list}: not in ${paths.duoConfig}, ${paths.awsConfig} or ${paths.awsCredentials}`, {
    hint: lines.join('\n'),
    exitCode: ExitCode.usage,
  });
}

/** Throws the usage error when any of `names` is known nowhere. */
export async function requireKnownProfiles(paths: Pick<Paths, 'duoConfig' | 'awsConfig' | 'awsCredentials'>, names: readonly string[], alsoKnown: readonly string[] = []): Promise<KnownProfiles> {
  const known = await knownProfiles(paths);
  const unknown = names.filter((n) => !isKnown(known, n) && !alsoKnown.includes(n));
  if (unknown.length > 0 && known.complete) throw unknownProfileError(unknown, known, paths);
  return known;
}

/**
 * A profile named on the command line (`--profile NAME`, `remove-profile NAME`) that the file the
 * command reads does not have: bad input, so a usage error (exit 2) like unknownProfileError, in
 * every command alike (docs/config.md, "Unknown profile names").
 */
export function missingProfileError(names: readonly string[], where: string, available: readonly string[], emptyHint: string): UserError {
  return new UserError(`no profile ${names.map((n) => `'${n}'`).join(', ')} in ${where}`, {
    hint: available.length > 0 ? `Profiles there: ${available.join(', ')}` : emptyHint,
    exitCode: ExitCode.usage,
  });
}
