// AWS CLI on Windows: winget when present, else the official MSI (msiexec asks for
// administrator approval itself).
import type { Recipe } from '../types.js';
import { verifyStep } from './common.js';
import { AWS_CLI_DOWNLOAD_BASE } from './aws-cli-linux-zip.js';

export const awsCliWindowsWinget: Recipe = {
  component: 'aws-cli',
  method: 'winget',
  applies: ({ facts }) => facts.os === 'win32' && facts.packageManager === 'winget',
  plan: () => ({
    component: 'aws-cli', method: 'winget', summary: 'AWS CLI v2 from winget (Amazon.AWSCLI)',
    steps: [
      {
        kind: 'run', title: 'winget install Amazon.AWSCLI',
        argv: ['winget', 'install', '-e', '--id', 'Amazon.AWSCLI', '--accept-source-agreements', '--accept-package-agreements'],
        sudo: false, mutates: true, timeoutMs: 900_000,
      },
      verifyStep('Check the installed AWS CLI', 'aws', 'aws-cli/2.'),
    ],
    notes: ['Open a new terminal afterwards: Windows updates PATH for new terminals only.'],
  }),
};

export const awsCliWindowsMsi: Recipe = {
  component: 'aws-cli',
  method: 'msi',
  applies: ({ facts }) => facts.os === 'win32',
  plan: ({ options }) => ({
    component: 'aws-cli', method: 'msi', summary: 'AWS CLI v2 from the official MSI',
    steps: [
      {
        kind: 'run', title: 'Run the AWS CLI MSI installer',
        argv: ['msiexec.exe', '/i', `${(options.awsCliUrl ?? AWS_CLI_DOWNLOAD_BASE).replace(/\/+$/, '')}/AWSCLIV2.msi`, '/passive'],
        sudo: false, mutates: true, interactive: true, timeoutMs: 900_000,
      },
      verifyStep('Check the installed AWS CLI', 'C:\\Program Files\\Amazon\\AWSCLIV2\\aws.exe', 'aws-cli/2.'),
    ],
    notes: ['Windows asks for administrator approval during the install.', 'Open a new terminal afterwards: Windows updates PATH for new terminals only.'],
  }),
};
