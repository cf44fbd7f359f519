// Every recipe, per component in order of preference: without --method the planner takes
// the first that applies. Adding a distro or method = one file + one line here.
import type { Component, Recipe } from '../types.js';
import { awsCliLinuxZip } from './aws-cli-linux-zip.js';
import { awsCliLinuxPackage } from './aws-cli-linux-package.js';
import { awsCliMacosBrew } from './aws-cli-macos-brew.js';
import { awsCliMacosPkg } from './aws-cli-macos-pkg.js';
import { awsCliWindowsMsi, awsCliWindowsWinget } from './aws-cli-windows.js';
import { duoSsoBrew } from './duo-sso-brew.js';
import { duoSsoRelease } from './duo-sso-release.js';
import { passGpgLinux, passGpgNotNeeded } from './pass-gpg-linux.js';

export const recipes: Record<Component, readonly Recipe[]> = {
  'aws-cli': [
    awsCliMacosBrew, // macOS with Homebrew
    awsCliMacosPkg, // macOS without
    awsCliLinuxZip, // Linux: signed official zip (the default, gets v2 everywhere)
    awsCliLinuxPackage, // Linux: --method package
    awsCliWindowsWinget,
    awsCliWindowsMsi,
  ],
  'duo-sso': [
    duoSsoBrew, // macOS / Linuxbrew, unless --from
    duoSsoRelease,
  ],
  'pass-gpg': [
    passGpgLinux,
    passGpgNotNeeded,
  ],
};
