// The doctor's checks, in the order they are reported. Adding a check = one file + one line here.
import type { Check } from '../../check/types.js';
import { platformCheck } from './platform.js';
import { pathCheck } from './path.js';
import { awsCliCheck } from './aws-cli.js';
import { duoSsoCheck } from './duo-sso.js';
import { homebrewCheck } from './homebrew.js';
import { gpgCheck } from './gpg.js';
import { passCheck } from './pass.js';
import { secretStoreCheck } from './secret-store.js';
import { configCheck } from './config.js';
import { updatesCheck } from './updates.js';
import { sessionDurationCheck } from './session-duration.js';
import { profilesCheck } from './profiles.js';
import { regionCheck } from './region.js';
import { clockCheck } from './clock.js';
import { credentialsCheck } from './credentials.js';
import { policyCheck } from './policy.js';
import { networkCheck } from './network.js';
import { kubeconfigCheck } from './kubeconfig.js';
import { permissionsCheck } from './permissions.js';

export const checks: readonly Check[] = [
  // The machine
  platformCheck,
  pathCheck,
  // Tools
  awsCliCheck,
  duoSsoCheck,
  homebrewCheck,
  // Linux secret storage
  gpgCheck,
  passCheck,
  secretStoreCheck,
  // duo-sso configuration
  configCheck,
  sessionDurationCheck,
  profilesCheck,
  regionCheck,
  policyCheck,
  // AWS access
  networkCheck,
  clockCheck,
  credentialsCheck,
  kubeconfigCheck,
  permissionsCheck,
  // Staying current
  updatesCheck,
];
