// `config init`'s flags, which `setup` also takes and passes on to the config init it runs.
import { InvalidArgumentError, type Command } from 'commander';

/** Commander's argument parser for a repeatable option: every value, in order. */
export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** An empty value (`--device ""`) would write an empty setting that duo-sso cannot use. */
const nonEmpty = (what: string) => (value: string): string => {
  if (value.trim() === '') throw new InvalidArgumentError(`${what} cannot be empty`);
  return value;
};

/** `label` prefixes each description (setup says which step a flag is for: "config: "). */
export function addConfigInitFlags(command: Command, label = ''): Command {
  return command
    .option('--profile <NAME=ACCOUNT:ROLE[:SECONDS]>', `${label}a named profile (repeatable); the account id keeps its leading zeros`, collect)
    .option('--production <NAME>', `${label}mark a profile as production: 1-hour cap (repeatable)`, collect)
    .option('--url <URL>', `${label}duo-sso sign-in URL (default https://cloudsso.cisco.com)`, nonEmpty('the URL'))
    .option('--device <D>', `${label}preferred Duo device (default phone1)`, nonEmpty('the device'))
    .option('--factor <F>', `${label}preferred Duo factor: push, phone, passcode or sms (default push)`, nonEmpty('the factor'))
    .option('--session-duration <SECONDS>', `${label}top-level session duration (default 3600)`)
    .option('--region <REGION>', `${label}default AWS region, written to ~/.aws/config for profiles that have none (default: the organisation policy's)`, nonEmpty('the region'));
}
