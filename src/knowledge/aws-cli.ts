// Failures of the AWS CLI installation rather than of AWS: a v1 shadowing v2, no CLI,
// no credentials at all.
import type { KnownFailure } from './types.js';

export const awsCliFailures: readonly KnownFailure[] = [
  {
    id: 'aws-cli-v1-shadowing',
    title: 'AWS CLI v1 runs instead of v2',
    group: 'aws-cli',
    patterns: [
      /^aws-cli\/1\.\d+\.\d+/m,
      /AWS CLI version 2, the latest major version of the AWS CLI, is now stable/,
      // A pip-installed v1 whose Python packages are gone or mismatched.
      /import awscli\.clidriver|No module named '?awscli/,
    ],
    explanation:
      'The first `aws` on PATH is a v1 (usually pip or a pyenv shim), even if v2 is installed further down PATH. '
      + 'v1 is out of support, lacks v2\'s options and reports errors differently.',
    fix: {
      description: 'See which aws runs and which is v2, then remove v1 (`pip uninstall awscli`) or put v2\'s folder first on PATH',
      commands: [['duo-sso-setup', 'doctor', '--only', 'aws-cli']],
      automatic: false,
    },
    example: 'aws-cli/1.29.0 Python/3.11.7 Linux/6.1.0 botocore/1.31.0',
  },
  {
    id: 'aws-cli-not-found',
    title: 'The AWS CLI is not installed or not on PATH',
    group: 'aws-cli',
    patterns: [/\baws: (?:command )?not found/, /command not found: aws\b/, /'aws(?:\.exe)?' is not recognized as/, /Command 'aws' not found/, /exec: \\?"aws\\?": executable file not found/],
    explanation: 'duo-sso writes credentials for the AWS CLI, but no `aws` is on PATH.',
    fix: { description: 'Install the AWS CLI v2', commands: [['duo-sso-setup', 'install', 'aws-cli']], automatic: false },
    example: 'zsh: command not found: aws',
  },
];
