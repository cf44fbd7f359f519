// AWS CLI on macOS through Homebrew, when brew is present.
import type { Recipe } from '../types.js';
import { hasBrew, verifyStep } from './common.js';

export const awsCliMacosBrew: Recipe = {
  component: 'aws-cli',
  method: 'brew',
  applies: (input) => input.facts.os === 'darwin' && hasBrew(input),
  plan: () => ({
    component: 'aws-cli',
    method: 'brew',
    summary: 'AWS CLI v2 from Homebrew (awscli)',
    steps: [
      { kind: 'run', title: 'brew install awscli', argv: ['brew', 'install', 'awscli'], sudo: false, mutates: true, timeoutMs: 600_000, env: { HOMEBREW_NO_AUTO_UPDATE: '1' } },
      verifyStep('Check the installed AWS CLI', 'aws', 'aws-cli/2.'),
    ],
    notes: [],
  }),
};
