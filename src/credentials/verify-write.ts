// After migrate or restore wrote ~/.aws/config and ~/.aws/credentials: read them back with
// the model and check that every profile but the one we meant to change resolves for the
// AWS CLI exactly as before. If not, the originals go back (unless another program wrote
// the files meanwhile: its content is not ours to overwrite) and the command fails.
import { updateFile } from '../fs/safe-write.js';
import { rm } from 'node:fs/promises';
import { awsView } from '../aws/botocore-view.js';
import { UserError } from '../errors.js';
import { changedProfile, type AwsPaths, type AwsTexts } from './migrate-files.js';
import { readText } from './files.js';

/** The written files would change another profile; `restored`: the originals are back. */
export class VerifyFailed extends UserError {
  constructor(message: string, readonly restored: boolean) {
    super(message, { hint: 'This is a bug: please report it with the layout of the two files (without the keys).' });
  }
}

export async function verifyAfterWrite(paths: AwsPaths, before: AwsTexts, written: AwsTexts, profile: string): Promise<void> {
  const now: AwsTexts = { config: await readText(paths.awsConfig), credentials: await readText(paths.awsCredentials) };
  const changed = changedProfile(awsView(before.config, before.credentials), awsView(now.config, now.credentials), new Set([profile]));
  if (changed === undefined) return;
  const ours = now.config === written.config && now.credentials === written.credentials;
  if (ours) {
    for (const [path, text] of [[paths.awsConfig, before.config], [paths.awsCredentials, before.credentials]] as const) {
      if (text === undefined) await rm(path, { force: true });
      else await updateFile(path, () => text, { backup: false });
    }
  }
  throw new VerifyFailed(`after writing, the AWS CLI would see profile ${changed} differently; ${ours ? 'both files were put back as they were' : 'another program changed the files meanwhile, so they were left as they are'}`, ours);
}
