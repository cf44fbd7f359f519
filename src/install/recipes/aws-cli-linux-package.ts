// AWS CLI from the distro's package manager (--method package). Simple, but some releases
// still package v1: the verify step expects v2 and says so when it is not.
import { AWS_CLI_PACKAGES, installArgv, installEnv } from '../../release/packages.js';
import type { PlanInput, Recipe } from '../types.js';
import { verifyStep } from './common.js';

export const awsCliLinuxPackage: Recipe = {
  component: 'aws-cli',
  method: 'package',
  applies: ({ facts }) => facts.os === 'linux' && facts.distro !== undefined && facts.packageManager !== undefined,
  plan(input: PlanInput) {
    const pm = input.facts.packageManager;
    if (pm === undefined || pm === 'winget') {
      return { component: 'aws-cli', method: 'package', summary: 'no known package manager on this machine', steps: [], notes: ['Use --method zip instead.'] };
    }
    const packages = AWS_CLI_PACKAGES[pm];
    return {
      component: 'aws-cli',
      method: 'package',
      summary: `AWS CLI from ${pm} (${packages.join(' ')})`,
      steps: [
        { kind: 'run', title: `Install ${packages.join(' ')} with ${pm}`, argv: installArgv(pm, packages), sudo: pm !== 'brew' && !input.isRoot, mutates: true, timeoutMs: 600_000, env: installEnv(pm) },
        verifyStep('Check the installed AWS CLI', 'aws', 'aws-cli/2.'),
      ],
      notes: ['Distro packages can lag behind; some releases still ship v1 (use --method zip for v2).'],
    };
  },
};
