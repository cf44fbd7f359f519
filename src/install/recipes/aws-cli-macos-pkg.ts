// AWS CLI on macOS from the official pkg. Per user (no sudo): installer's
// CurrentUserHomeDirectory target with a choices.xml that points the install at $HOME,
// then a link in ~/.local/bin. --system installs for everyone with sudo, as AWS documents.
import { join } from 'node:path';
import { choicesXml } from '../choices-xml.js';
import { MAX_DOWNLOAD_BYTES } from '../../release/release-source.js';
import { WORK, type Recipe, type Step } from '../types.js';
import { needsSudo, verifyStep } from './common.js';
import { AWS_CLI_DOWNLOAD_BASE } from './aws-cli-linux-zip.js';

/** The start of the signing certificate's name in `pkgutil --check-signature AWSCLIV2.pkg`. */
export const PKG_SIGNER = 'Developer ID Installer: Amazon';

export const awsCliMacosPkg: Recipe = {
  component: 'aws-cli',
  method: 'pkg',
  applies: ({ facts }) => facts.os === 'darwin',
  plan(input) {
    const { options, paths } = input;
    const url = `${(options.awsCliUrl ?? AWS_CLI_DOWNLOAD_BASE).replace(/\/+$/, '')}/AWSCLIV2.pkg`;
    const pkg = `${WORK}/AWSCLIV2.pkg`;
    const download: Step = {
      kind: 'download', title: 'Download AWSCLIV2.pkg', url, to: pkg, maxBytes: MAX_DOWNLOAD_BYTES,
      verify: { kind: 'none', why: 'the pkg carries an Apple Developer ID signature, checked with pkgutil next (it must be Amazon\'s)' },
    };
    // Any Developer ID passes pkgutil; the package must also be Amazon's.
    const checkSig: Step = { kind: 'run', title: 'Check the package is signed by Amazon', argv: ['pkgutil', '--check-signature', pkg], sudo: false, mutates: false, expect: PKG_SIGNER };
    if (options.system) {
      return {
        component: 'aws-cli', method: 'pkg', summary: 'AWS CLI v2 from the official pkg, for all users (sudo)',
        steps: [
          download, checkSig,
          { kind: 'run', title: 'Install for all users', argv: ['installer', '-pkg', pkg, '-target', '/'], sudo: needsSudo(input, true), mutates: true, timeoutMs: 600_000 },
          verifyStep('Check the installed AWS CLI', '/usr/local/bin/aws', 'aws-cli/2.'),
        ],
        notes: ['The installer runs with sudo.'],
      };
    }
    const installRoot = paths.home;
    const awsDir = join(installRoot, 'aws-cli');
    const link = join(paths.localBin, 'aws');
    return {
      component: 'aws-cli', method: 'pkg', summary: `AWS CLI v2 from the official pkg, for this user only (${awsDir}, no sudo)`,
      steps: [
        download, checkSig,
        { kind: 'write-file', title: 'Write choices.xml (install location)', path: `${WORK}/choices.xml`, content: choicesXml(installRoot), mode: 0o644 },
        {
          kind: 'run', title: `Install into ${awsDir}`,
          argv: ['installer', '-pkg', pkg, '-target', 'CurrentUserHomeDirectory', '-applyChoiceChangesXML', `${WORK}/choices.xml`],
          sudo: false, mutates: true, timeoutMs: 600_000,
        },
        { kind: 'run', title: `Create ${paths.localBin}`, argv: ['mkdir', '-p', paths.localBin], sudo: false, mutates: true },
        { kind: 'run', title: `Link aws into ${paths.localBin}`, argv: ['ln', '-sf', join(awsDir, 'aws'), link], sudo: false, mutates: true },
        { kind: 'run', title: `Link aws_completer into ${paths.localBin}`, argv: ['ln', '-sf', join(awsDir, 'aws_completer'), join(paths.localBin, 'aws_completer')], sudo: false, mutates: true },
        { kind: 'add-to-path', title: `Put ${paths.localBin} on PATH`, dir: paths.localBin },
        verifyStep('Check the installed AWS CLI', link, 'aws-cli/2.'),
      ],
      notes: [],
    };
  },
};
