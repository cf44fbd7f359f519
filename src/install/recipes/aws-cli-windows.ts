// AWS CLI on Windows: winget when present, else the official MSI (msiexec asks for
// administrator approval itself), downloaded and signature-checked by us first.
import { MAX_DOWNLOAD_BYTES } from '../../release/release-source.js';
import { WORK, type Recipe } from '../types.js';
import { verifyStep } from './common.js';
import { AWS_CLI_DOWNLOAD_BASE } from './aws-cli-linux-zip.js';
import { powershellQuote } from '../../platform/powershell.js';

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

/**
 * The organisations Amazon signs the AWS CLI MSI as: the certificate subject's O= component
 * must be one of these exactly (case and all). A substring test (`-notmatch 'O=Amazon'`)
 * accepted "O=Amazonite LLC". A new signing organisation fails closed: add it here.
 */
export const AMAZON_SIGNERS: readonly string[] = ['Amazon.com Services LLC', 'Amazon Web Services, Inc.'];

/**
 * PowerShell: the O= values of an X.500 subject ("CN=x, O=y, C=US"): split at each comma that
 * starts a new attribute (one inside a quoted value, `O="Amazon Web Services, Inc."`, does
 * not), quotes taken off. A subject with no O or with several is refused by the caller.
 */
export const SUBJECT_ORGANISATIONS = "@(($who -split ',\\s*(?=[A-Za-z0-9.]+=)') | Where-Object { $_ -clike 'O=*' } | ForEach-Object { $_.Substring(2).Trim('\"') })";

/**
 * Checks the downloaded MSI's Authenticode signature before msiexec sees it: valid, and
 * issued to Amazon. The path comes in through the environment, so no quoting is involved.
 */
export const MSI_SIGNATURE_CHECK = [
  '$s = Get-AuthenticodeSignature -LiteralPath $env:DUO_SSO_SETUP_FILE',
  "if ($s.Status -ne 'Valid') { [Console]::Error.WriteLine(\"signature: $($s.Status) $($s.StatusMessage)\"); exit 1 }",
  '$who = $s.SignerCertificate.Subject',
  `$orgs = ${SUBJECT_ORGANISATIONS}`,
  `if ($orgs.Count -ne 1 -or @(${AMAZON_SIGNERS.map(powershellQuote).join(', ')}) -cnotcontains $orgs[0]) { [Console]::Error.WriteLine("signed by $who, not by Amazon"); exit 1 }`,
  'Write-Output "signed by $who"',
].join('; ');

export const awsCliWindowsMsi: Recipe = {
  component: 'aws-cli',
  method: 'msi',
  applies: ({ facts }) => facts.os === 'win32',
  plan: ({ options }) => {
    const msi = `${WORK}\\AWSCLIV2.msi`;
    return {
      component: 'aws-cli', method: 'msi', summary: 'AWS CLI v2 from the official MSI, its Authenticode signature checked first',
      steps: [
        {
          kind: 'download', title: 'Download AWSCLIV2.msi', url: `${(options.awsCliUrl ?? AWS_CLI_DOWNLOAD_BASE).replace(/\/+$/, '')}/AWSCLIV2.msi`, to: msi, maxBytes: MAX_DOWNLOAD_BYTES,
          verify: { kind: 'none', why: 'the MSI carries an Authenticode signature, checked next' },
        },
        {
          kind: 'run', title: 'Check the installer is signed by Amazon (Authenticode)', argv: ['powershell.exe', '-NoProfile', '-NonInteractive', '-Command', MSI_SIGNATURE_CHECK],
          env: { DUO_SSO_SETUP_FILE: msi }, sudo: false, mutates: false, timeoutMs: 60_000,
        },
        { kind: 'run', title: 'Run the AWS CLI MSI installer', argv: ['msiexec.exe', '/i', msi, '/passive'], sudo: false, mutates: true, interactive: true, timeoutMs: 900_000 },
        verifyStep('Check the installed AWS CLI', 'C:\\Program Files\\Amazon\\AWSCLIV2\\aws.exe', 'aws-cli/2.'),
      ],
      notes: ['Windows asks for administrator approval during the install.', 'Open a new terminal afterwards: Windows updates PATH for new terminals only.'],
    };
  },
};
