// `doctor --user NAME` (root only): the same doctor run as that user, for MDMs, which run
// scripts as root although the HOME, keychain and PATH that matter are the user's. Rather
// than drop privileges probe by probe, the whole run is this tool again under the user's
// uid and gid (set by the OS before our code runs), with the user's HOME and a clean
// environment: every probe and every file a fix writes is the user's, so nothing under
// their HOME can end up owned by root.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Context } from '../context.js';
import { ExitCode, UserError } from '../errors.js';
import { selfArgv } from '../platform/self.js';

export interface Account {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
}

/** One line of `getent passwd NAME`: name:x:uid:gid:gecos:home:shell. */
export function parsePasswd(line: string): Account | undefined {
  const f = line.trim().split(':');
  if (f.length < 7 || !/^\d+$/.test(f[2]!) || !/^\d+$/.test(f[3]!)) return undefined;
  return { name: f[0]!, uid: Number(f[2]), gid: Number(f[3]), home: f[5]!, shell: f[6]! };
}

/** `dscl . -read /Users/NAME NFSHomeDirectory PrimaryGroupID UniqueID UserShell` (macOS). */
export function parseDscl(name: string, text: string): Account | undefined {
  const field = (k: string) => new RegExp(`^${k}:\\s*(.+)$`, 'm').exec(text)?.[1]?.trim();
  const uid = field('UniqueID');
  const gid = field('PrimaryGroupID');
  const home = field('NFSHomeDirectory');
  if (!uid || !gid || !home || !/^\d+$/.test(uid) || !/^\d+$/.test(gid)) return undefined;
  return { name, uid: Number(uid), gid: Number(gid), home, shell: field('UserShell') ?? '/bin/zsh' };
}

/** What userPath reads of the machine (injected for tests). */
export interface PathFacts {
  exists(path: string): boolean;
  /** A file's text, or undefined when it cannot be read. */
  read(path: string): string | undefined;
  /** A folder's entries, or [] when it cannot be read. */
  list(dir: string): string[];
}

const realFacts: PathFacts = {
  exists: existsSync,
  read: (p) => {
    try {
      return readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  },
  list: (d) => {
    try {
      return readdirSync(d).sort();
    } catch {
      return [];
    }
  },
};

/** The system's PATH for a user's login: what login(1)/pam_env (Linux) or path_helper (macOS) would set. */
function systemLoginPath(os: NodeJS.Platform, facts: PathFacts): string[] {
  if (os === 'darwin') {
    // path_helper: /etc/paths, then each file in /etc/paths.d, a directory per line.
    const lines = [facts.read('/etc/paths') ?? '', ...facts.list('/etc/paths.d').map((f) => facts.read(`/etc/paths.d/${f}`) ?? '')].join('\n');
    const dirs = lines.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('/'));
    return dirs.length > 0 ? dirs : ['/usr/local/bin', '/usr/bin', '/bin', '/usr/sbin', '/sbin'];
  }
  // pam_env's /etc/environment (Debian, Ubuntu), else login.defs's ENV_PATH for users (not ENV_SUPATH, root's).
  const environment = /^\s*PATH=["']?([^"'\n]+)["']?\s*$/m.exec(facts.read('/etc/environment') ?? '')?.[1];
  const loginDefs = /^\s*ENV_PATH\s+(?:PATH=)?(\S+)\s*$/m.exec(facts.read('/etc/login.defs') ?? '')?.[1];
  const path = environment ?? loginDefs ?? '/usr/local/bin:/usr/bin:/bin';
  return path.split(':').filter((d) => d.startsWith('/'));
}

/**
 * The PATH the user's own login would have, built without running their shell's rc files (as
 * root that would run their code with root's rights): the system's login PATH, with what the
 * usual profiles put first when it exists: Homebrew's bin folders (`brew shellenv`) and the
 * user's ~/.local/bin and ~/bin (Debian's and Ubuntu's ~/.profile). Root's own PATH (its sbin
 * folders, its tools) is not the user's and is not passed on.
 */
export function userPath(account: Pick<Account, 'home'>, os: NodeJS.Platform, facts: PathFacts = realFacts): string {
  const own = [`${account.home}/.local/bin`, `${account.home}/bin`];
  const brew = os === 'darwin' ? ['/opt/homebrew/bin', '/opt/homebrew/sbin'] : ['/home/linuxbrew/.linuxbrew/bin', '/home/linuxbrew/.linuxbrew/sbin', `${account.home}/.linuxbrew/bin`];
  const dirs = [...[...own, ...brew].filter((d) => facts.exists(d)), ...systemLoginPath(os, facts)];
  return [...new Set(dirs)].join(':');
}

/** The variables the user's own login would have, and nothing of root's (PATH, AWS_*, GNUPGHOME, SUDO_*). */
export function userEnv(account: Account, env: Context['env'], exists: (p: string) => boolean = existsSync, os: NodeJS.Platform = process.platform, facts: PathFacts = { ...realFacts, exists }): Record<string, string> {
  const keep = ['LANG', 'LC_ALL', 'LC_CTYPE', 'TZ', 'TERM', 'NO_COLOR', 'CI', 'DUO_SSO_SETUP_POLICY', 'TMPDIR'];
  const out: Record<string, string> = {};
  for (const k of keep) if (env[k] !== undefined) out[k] = env[k]!;
  Object.assign(out, { PATH: userPath(account, os, facts), HOME: account.home, USER: account.name, LOGNAME: account.name, SHELL: account.shell });
  // Their session bus, where a desktop session has one: the Secret Service lives there.
  const runtime = `/run/user/${account.uid}`;
  if (exists(runtime)) {
    out.XDG_RUNTIME_DIR = runtime;
    if (exists(`${runtime}/bus`)) out.DBUS_SESSION_BUS_ADDRESS = `unix:path=${runtime}/bus`;
  }
  return out;
}

/** argv without `--user NAME` / `--user=NAME`. */
export function withoutUserFlag(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--user') i++;
    else if (!argv[i]!.startsWith('--user=')) out.push(argv[i]!);
  }
  return out;
}

async function lookUp(ctx: Pick<Context, 'runner'>, name: string, os: NodeJS.Platform): Promise<Account | undefined> {
  if (os === 'darwin') {
    const r = await ctx.runner.run('dscl', ['.', '-read', `/Users/${name}`, 'NFSHomeDirectory', 'PrimaryGroupID', 'UniqueID', 'UserShell']);
    return r.exitCode === 0 ? parseDscl(name, r.stdout) : undefined;
  }
  const r = await ctx.runner.run('getent', ['passwd', name]);
  if (r.exitCode === 0) return parsePasswd(r.stdout.split('\n')[0] ?? '');
  // No getent (a minimal image): the local user database is all there is.
  const local = await readFile('/etc/passwd', 'utf8').catch(() => '');
  return local.split('\n').map(parsePasswd).find((a) => a?.name === name);
}

/** `console`: whoever is logged in at the Mac's screen (owner of /dev/console). */
async function consoleUser(ctx: Pick<Context, 'runner'>, os: NodeJS.Platform): Promise<string> {
  if (os !== 'darwin') throw new UserError('--user console means the user logged in at the screen, which only macOS reports', { exitCode: ExitCode.usage, hint: 'Name the user: --user NAME.' });
  const r = await ctx.runner.run('stat', ['-f', '%Su', '/dev/console']);
  const name = r.stdout.trim();
  if (r.exitCode !== 0 || !name || name === 'root') throw new UserError('nobody is logged in at the screen (the login window owns /dev/console)', { hint: 'Run again once a user has logged in, or name the user: --user NAME.' });
  return name;
}

export async function runDoctorAsUser(ctx: Pick<Context, 'runner' | 'env'>, user: string, argv: readonly string[], os: NodeJS.Platform = process.platform): Promise<number> {
  if (os === 'win32') throw new UserError('--user is for macOS and Linux; on Windows run the doctor in the user\'s context (Intune: "Run this script using the logged-on credentials")', { exitCode: ExitCode.usage });
  if (process.getuid?.() !== 0) throw new UserError('--user needs root: it runs the checks as another user', { exitCode: ExitCode.usage, hint: `Run it as that user instead: duo-sso-setup ${withoutUserFlag(argv).join(' ')}` });
  const name = user === 'console' ? await consoleUser(ctx, os) : user;
  const account = await lookUp(ctx, name, os);
  if (!account) throw new UserError(`no user named ${JSON.stringify(name)} on this machine`, { hint: os === 'darwin' ? 'dscl . -list /Users' : 'getent passwd' });
  if (!existsSync(account.home)) throw new UserError(`${name}'s home folder ${account.home} does not exist`, { hint: 'The user has not logged in on this machine yet.' });
  const [file, ...pre] = selfArgv();
  return new Promise((resolve, reject) => {
    const child = spawn(file!, [...pre, ...withoutUserFlag(argv)], {
      uid: account.uid, gid: account.gid, env: userEnv(account, ctx.env, existsSync, os), cwd: account.home, stdio: 'inherit',
    });
    child.on('error', (e) => reject(new UserError(`cannot run the doctor as ${name}: ${e.message}`)));
    child.on('exit', (code, signal) => resolve(code ?? (signal === 'SIGINT' ? ExitCode.interrupted : ExitCode.failure)));
  });
}
