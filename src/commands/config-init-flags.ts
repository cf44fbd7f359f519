// `config init`'s flags, which `setup` also takes and passes on to the config init it runs.
import type { Command } from 'commander';

/** Commander's argument parser for a repeatable option: every value, in order. */
export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** `label` prefixes each description (setup says which step a flag is for: "config: "). */
export function addConfigInitFlags(command: Command, label = ''): Command {
  return command
    .option('--profile <NAME=ACCOUNT:ROLE[:SECONDS]>', `${label}a named profile (repeatable); the account id keeps its leading zeros`, collect)
    .option('--production <NAME>', `${label}mark a profile as production: 1-hour cap (repeatable)`, collect)
    .option('--url <URL>', `${label}duo-sso sign-in URL (default https://cloudsso.cisco.com)`)
    .option('--device <D>', `${label}preferred Duo device (default phone1)`)
    .option('--factor <F>', `${label}preferred Duo factor: push, phone, passcode or sms (default push)`)
    .option('--session-duration <SECONDS>', `${label}top-level session duration (default 3600)`);
}
