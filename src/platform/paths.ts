// Where things live, derived only from the environment so tests can point it all at a
// sandbox HOME. AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE and AWS_PROFILE are honoured.
import { homedir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';

export type Env = Readonly<Record<string, string | undefined>>;

export interface Paths {
  home: string;
  duoConfig: string;
  stateDir: string;
  stateFile: string;
  awsConfig: string;
  awsCredentials: string;
  passwordStore: string;
  localBin: string;
  /** The organisation policy file (src/policy): where MDMs drop it, or DUO_SSO_SETUP_POLICY. */
  policyFile: string;
  /** Our cache (the log of recent logins for support bundles): the OS's per-user cache folder. */
  cacheDir: string;
}

export const POLICY_ENV = 'DUO_SSO_SETUP_POLICY';

/**
 * The file DUO_SSO_SETUP_POLICY names, else the system location. Which one applies is
 * src/policy/read.ts's decision: a policy at the system location always wins.
 */
export function policyPath(env: Env, os: NodeJS.Platform = process.platform): string {
  return env[POLICY_ENV] || systemPolicyPath(env, os);
}

/** Where MDMs drop the policy on each OS: fixed, so no variable of the user's can move it (Windows: %ProgramData%). */
export function systemPolicyPath(env: Env, os: NodeJS.Platform = process.platform): string {
  if (os === 'darwin') return '/Library/Application Support/duo-sso-setup/policy.json';
  if (os === 'win32') return join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'duo-sso-setup', 'policy.json');
  return '/etc/duo-sso-setup/policy.json';
}

export function homeDir(env: Env, os: NodeJS.Platform = process.platform): string {
  const fromEnv = os === 'win32' ? env.USERPROFILE ?? env.HOME : env.HOME;
  if (fromEnv) return fromEnv;
  // os.homedir() answers an empty HOME with '', which would put every path relative to the
  // current folder: ask the user database instead (the doctor's platform check reports HOME).
  return homedir() || passwdHome();
}

function passwdHome(): string {
  try {
    return userInfo().homedir;
  } catch {
    return '/';
  }
}

function expandHome(p: string, home: string): string {
  return p === '~' ? home : p.startsWith('~/') ? join(home, p.slice(2)) : p;
}

export function resolvePaths(env: Env, opts: { configPath?: string; os?: NodeJS.Platform } = {}): Paths {
  const home = homeDir(env, opts.os);
  const stateDir = join(home, '.config', 'duo-sso-setup');
  return {
    home,
    // duo-sso reads ~/.config/duo-sso/config.json on every OS (it ignores XDG_CONFIG_HOME).
    duoConfig: resolve(expandHome(opts.configPath ?? join(home, '.config', 'duo-sso', 'config.json'), home)),
    stateDir,
    stateFile: join(stateDir, 'state.json'),
    awsConfig: resolve(expandHome(env.AWS_CONFIG_FILE || join(home, '.aws', 'config'), home)),
    awsCredentials: resolve(expandHome(env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'), home)),
    passwordStore: resolve(expandHome(env.PASSWORD_STORE_DIR || join(home, '.password-store'), home)),
    localBin: join(home, '.local', 'bin'),
    policyFile: policyPath(env, opts.os),
    cacheDir: cacheDir(env, home, opts.os ?? process.platform),
  };
}

function cacheDir(env: Env, home: string, os: NodeJS.Platform): string {
  if (os === 'darwin') return join(home, 'Library', 'Caches', 'duo-sso-setup');
  if (os === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'duo-sso-setup', 'Cache');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'duo-sso-setup');
}

/** The profile the AWS CLI would use without --profile. */
export function activeAwsProfile(env: Env): string {
  return env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE || 'default';
}
