// Issue 18 item 4 (precision): text that is NOT a failure of the kind a knowledge entry names,
// gathered at test time from what is installed on this machine (third-party text is read,
// never committed): help pages and a successful --debug call of the real AWS CLI against a
// loopback STS, gpg/pass/git/npm/node output of successful commands, man pages, Debian
// changelogs, READMEs under node_modules, Python tracebacks of unrelated errors. Each source
// is cut into message-sized chunks (1-20 lines), the size of what a user pastes. A source
// whose program or file is absent is reported as skipped with the reason, not silently dropped.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { StsServer } from './sts-server.js';

export interface NegativeChunk {
  source: string;
  text: string;
}

export interface NegativeCorpus {
  chunks: NegativeChunk[];
  /** Source → why it was left out (program or file absent). */
  skipped: Record<string, string>;
}

const MAX_LINES = 20;

/**
 * Paragraphs (blank-line separated) of at most MAX_LINES lines; a longer paragraph is cut
 * into MAX_LINES-line windows. Blank-only chunks are dropped.
 */
export function chunkText(text: string): string[] {
  const out: string[] = [];
  for (const para of text.replace(/\r\n?/g, '\n').split(/\n(?:[ \t]*\n)+/)) {
    const lines = para.split('\n');
    for (let i = 0; i < lines.length; i += MAX_LINES) {
      const piece = lines.slice(i, i + MAX_LINES).join('\n');
      if (piece.trim() !== '') out.push(piece);
    }
  }
  return out;
}

interface Run { stdout: string; stderr: string; code: number }

function run(file: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(file, args, { env, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ stdout: String(stdout), stderr: String(stderr), code });
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

const BASE_ENV = { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TERM: 'dumb', MANPAGER: 'cat', PAGER: 'cat', MANWIDTH: '100' };

/** Successful commands of the real programs (exit 0 required: a failing one is not a success output). */
async function successOutputs(home: string, add: (source: string, text: string) => void, skip: (source: string, why: string) => void): Promise<void> {
  const env = { ...BASE_ENV, HOME: home, GNUPGHOME: join(home, '.gnupg'), PASSWORD_STORE_DIR: join(home, '.password-store') };
  const ok = async (source: string, file: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<void> => {
    if (!existsSync(file)) return skip(source, `${file} is not installed`);
    const r = await run(file, args, { ...env, ...extraEnv });
    if (r.code !== 0) return skip(source, `${file} ${args.join(' ')} exited ${r.code}: ${r.stderr.slice(0, 200)}`);
    add(source, `${r.stdout}\n\n${r.stderr}`);
  };
  // AWS CLI help pages (the text names every error option and exception without being one).
  for (const topic of [['help'], ['sts', 'help'], ['sts', 'assume-role-with-saml', 'help'], ['sts', 'get-caller-identity', 'help'], ['configure', 'help'], ['configure', 'sso', 'help'], ['sso', 'login', 'help'], ['help', 'config-vars'], ['help', 'topics'], ['s3', 'help'], ['eks', 'get-token', 'help']]) {
    await ok(`aws ${topic.join(' ')}`, '/usr/bin/aws', topic, { AWS_PAGER: '' });
  }
  // gpg: a key made without a passphrase, listed; pass initialised on it, an entry stored and listed.
  await run('/usr/bin/gpg', ['--batch', '--passphrase', '', '--quick-gen-key', 'Negative Corpus <neg@example.invalid>', 'future-default', 'default', 'never'], env);
  await ok('gpg --list-keys', '/usr/bin/gpg', ['--list-keys', '--with-colons', '--fingerprint']);
  await ok('gpg --list-keys', '/usr/bin/gpg', ['--list-keys']);
  await ok('gpg --list-secret-keys', '/usr/bin/gpg', ['--list-secret-keys']);
  await ok('gpg --version', '/usr/bin/gpg', ['--version']);
  await ok('pass init', '/usr/bin/pass', ['init', 'neg@example.invalid']);
  if (existsSync('/usr/bin/pass')) await run('/usr/bin/pass', ['insert', '-m', 'aws/neg'], env, 'not-a-secret\nuser: neg\n');
  await ok('pass ls', '/usr/bin/pass', ['ls']);
  await ok('pass show', '/usr/bin/pass', ['show', 'aws/neg']);
  await ok('pass --help', '/usr/bin/pass', ['--help']);
  await ok('git --help', '/usr/bin/git', ['help', '-a']);
  // A throwaway repository: this project's own history quotes the knowledge base's codes.
  const repo = join(home, 'repo');
  const git = (args: string[]): Promise<void> => ok(`git ${args[0]}`, '/usr/bin/git', ['-C', repo, ...args], { GIT_AUTHOR_NAME: 'Neg', GIT_AUTHOR_EMAIL: 'neg@example.invalid', GIT_COMMITTER_NAME: 'Neg', GIT_COMMITTER_EMAIL: 'neg@example.invalid' });
  await ok('git init', '/usr/bin/git', ['init', '-b', 'main', repo]);
  await writeFile(join(repo, 'README.md'), 'A repository made to record what git prints when all goes well.\n');
  await git(['add', 'README.md']);
  await git(['commit', '-m', 'First commit']);
  await git(['checkout', '-b', 'feature']);
  await writeFile(join(repo, 'notes.txt'), 'line one\nline two\n');
  await git(['add', 'notes.txt']);
  await git(['commit', '-m', 'Add notes']);
  await git(['status']);
  await git(['log', '--stat']);
  await git(['branch', '-a', '-v']);
  await git(['show', '--stat', 'HEAD']);
  const node = process.execPath;
  await ok('node --help', node, ['--help']);
  const npmCli = join(node, '..', '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
  if (existsSync(npmCli)) {
    await ok('npm help', node, [npmCli, 'help']);
    await ok('npm config ls', node, [npmCli, 'config', 'ls', '-l'], { npm_config_cache: join(home, '.npm'), npm_config_update_notifier: 'false' });
  } else skip('npm', `${npmCli} is absent`);
  await ok('ssh -V', '/usr/bin/ssh', ['-V']);
  await ok('curl --help all', '/usr/bin/curl', ['--help', 'all']);
  await ok('python3 version', '/usr/bin/python3', ['-c', 'import sys, ssl; print(sys.version); print(ssl.OPENSSL_VERSION)']);
}

/** A successful `aws sts get-caller-identity --debug` against the loopback STS: botocore's whole debug log. */
async function awsDebug(home: string, add: (source: string, text: string) => void, skip: (source: string, why: string) => void): Promise<void> {
  if (!existsSync('/usr/bin/aws')) return skip('aws --debug', '/usr/bin/aws is not installed');
  const sts = await StsServer.start();
  try {
    const keys = { accessKeyId: 'AKIAEXAMPLENEGATIVE1', secretAccessKey: 'negativeCorpusSecretKeyExample0000000000', expiration: new Date(Date.now() + 3600_000), arn: 'arn:aws:sts::123456789012:assumed-role/admin/neg@example.com', userId: 'AROAEXAMPLE:neg@example.com', account: '123456789012' };
    sts.addCredentials(keys);
    await writeFile(join(home, 'credentials'), `[neg]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n`);
    await writeFile(join(home, 'config'), '[profile neg]\nregion = us-east-1\noutput = json\n');
    const env = { ...BASE_ENV, HOME: home, AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'), AWS_CONFIG_FILE: join(home, 'config'), AWS_PAGER: '' };
    for (const args of [['sts', 'get-caller-identity'], ['sts', 'get-caller-identity', '--output', 'text'], ['configure', 'list']]) {
      const r = await run('/usr/bin/aws', [...args, '--profile', 'neg', '--endpoint-url', sts.url, '--debug'], env);
      if (r.code !== 0) skip(`aws ${args.join(' ')} --debug`, `exited ${r.code}`);
      else add(`aws ${args.join(' ')} --debug`, `${r.stdout}\n\n${r.stderr}`);
    }
  } finally {
    await sts.close();
  }
}

async function manPages(add: (source: string, text: string) => void, skip: (source: string, why: string) => void): Promise<void> {
  if (!existsSync('/usr/bin/man')) return skip('man', '/usr/bin/man is not installed');
  for (const page of ['gpg', 'gpg-agent', 'gpgconf', 'pass', 'curl', 'ssh', 'ssh-agent', 'git', 'git-clone', 'pinentry', 'secret-tool', 'dbus-launch', 'openssl', 'sudo']) {
    const r = await run('/usr/bin/man', ['-P', 'cat', page], { ...BASE_ENV });
    if (r.code !== 0 || r.stdout.trim() === '') skip(`man ${page}`, `no manual page (exit ${r.code})`);
    else add(`man ${page}`, r.stdout.replace(/.\x08/g, ''));
  }
}

async function changelogs(add: (source: string, text: string) => void, skip: (source: string, why: string) => void): Promise<void> {
  for (const pkg of ['gnupg', 'gpg', 'pass', 'curl', 'openssh-client', 'libsecret-1-0', 'gnome-keyring', 'dbus', 'awscli', 'python3-botocore', 'ca-certificates', 'openssl', 'git', 'nodejs', 'npm', 'pinentry-curses']) {
    const dir = `/usr/share/doc/${pkg}`;
    const file = ['changelog.Debian.gz', 'changelog.gz', 'NEWS.Debian.gz'].map((f) => join(dir, f)).find((f) => existsSync(f));
    if (!file) { skip(`changelog ${pkg}`, `${dir} has no changelog`); continue; }
    // The newest entries only: a whole Debian changelog goes back decades.
    add(`changelog ${pkg}`, gunzipSync(await readFile(file)).toString('utf8').split('\n').slice(0, 400).join('\n'));
  }
}

async function nodeModulesReadmes(add: (source: string, text: string) => void, skip: (source: string, why: string) => void): Promise<void> {
  const dir = join(process.cwd(), 'node_modules');
  if (!existsSync(dir)) return skip('node_modules READMEs', `${dir} is absent`);
  for (const name of ['@aws-sdk/client-sts', '@smithy/node-http-handler', 'fast-xml-parser', 'vitest', 'typescript', 'esbuild', 'commander', 'undici', 'semver', 'yaml']) {
    const file = join(dir, name, 'README.md');
    if (!existsSync(file)) { skip(`README ${name}`, `${file} is absent`); continue; }
    add(`README ${name}`, (await readFile(file, 'utf8')).split('\n').slice(0, 600).join('\n'));
  }
}

/** Tracebacks of Python errors that have nothing to do with AWS, keyrings or the network. */
async function pythonTracebacks(add: (source: string, text: string) => void, skip: (source: string, why: string) => void): Promise<void> {
  if (!existsSync('/usr/bin/python3')) return skip('python tracebacks', '/usr/bin/python3 is not installed');
  const programs = [
    'print(1/0)',
    'import json; json.loads("{\\"a\\": 1,}")',
    'd = {"region": 1}; d["profile"]',
    'import os; os.listdir("/nonexistent-negative-corpus")',
    'open("/proc/1/mem", "rb").read(1)',
    'import nonexistent_module_negative',
    'int("twelve")',
    '[].pop()',
    'import configparser; c = configparser.ConfigParser(); c.read_string("[a]\\nx=1\\n"); c.get("a", "y")',
    'import subprocess; subprocess.run(["false"], check=True)',
    'import datetime; datetime.datetime.strptime("2026-13-01", "%Y-%m-%d")',
    'def f(): return f()\nf()',
    'import base64; base64.b64decode("abc")',
    'None.strip()',
    'import shutil; shutil.copy("/etc/hostname", "/proc/negative")',
  ];
  for (const p of programs) {
    const r = await run('/usr/bin/python3', ['-c', p], { ...BASE_ENV });
    add(`python: ${p.slice(0, 40)}`, r.stderr);
  }
}

/** Other programs failing in ways that share no cause with ours: a missing file, a bad revision, a JS error. */
async function otherFailures(home: string, add: (source: string, text: string) => void): Promise<void> {
  const env = { ...BASE_ENV, HOME: home };
  const fails: [string, string, string[]][] = [
    ['ls (missing file)', '/bin/ls', [join(home, 'no-such-file')]],
    ['cat (a directory)', '/bin/cat', [home]],
    ['git (not a repository)', '/usr/bin/git', ['-C', home, 'status']],
    ['git (bad revision)', '/usr/bin/git', ['-C', join(home, 'repo'), 'show', 'no-such-revision']],
    ['git (unknown option)', '/usr/bin/git', ['log', '--no-such-option']],
    ['node (TypeError)', process.execPath, ['-e', 'const a = undefined; a.map((x) => x);']],
    ['node (JSON.parse)', process.execPath, ['-e', 'JSON.parse("{\\"a\\": .5}")']],
    ['node (ENOENT)', process.execPath, ['-e', `require("fs").readFileSync(${JSON.stringify(join(home, 'config.json'))})`]],
    ['node (assertion)', process.execPath, ['-e', 'require("assert").strictEqual(1, 2)']],
    ['gpg (unknown command)', '/usr/bin/gpg', ['--no-such-command']],
  ];
  for (const [source, file, args] of fails) {
    if (!existsSync(file)) continue;
    const r = await run(file, args, env);
    add(source, `$ ${[file, ...args].join(' ')}\n${r.stdout}${r.stderr}`);
  }
}

async function logs(add: (source: string, text: string) => void, skip: (source: string, why: string) => void): Promise<void> {
  for (const file of ['/var/log/dpkg.log', '/var/log/apt/history.log', '/var/log/alternatives.log', '/var/log/fontconfig.log']) {
    if (!existsSync(file)) { skip(file, 'absent'); continue; }
    add(file, (await readFile(file, 'utf8').catch(() => '')).split('\n').slice(-400).join('\n'));
  }
}

/**
 * Sources whose every chunk is a program's output after it succeeded (or an unrelated Python
 * error): no diagnosis at all is right for them. The rest (man pages, changelogs, READMEs,
 * logs) are documentation, which may quote a failure's own message when describing it.
 */
export function isSuccessSource(source: string): boolean {
  return !/^(?:man |changelog |README |\/var\/log\/)/.test(source);
}

export async function buildNegativeCorpus(): Promise<NegativeCorpus> {
  const chunks: NegativeChunk[] = [];
  const skipped: Record<string, string> = {};
  const add = (source: string, text: string): void => { for (const t of chunkText(text)) chunks.push({ source, text: t }); };
  const skip = (source: string, why: string): void => { skipped[source] = why; };
  const home = await mkdtemp(join(tmpdir(), 'negative-corpus-'));
  try {
    await successOutputs(home, add, skip);
    await awsDebug(home, add, skip);
    await manPages(add, skip);
    await changelogs(add, skip);
    await nodeModulesReadmes(add, skip);
    await pythonTracebacks(add, skip);
    await otherFailures(home, add);
    await logs(add, skip);
  } finally {
    // gpg-agent started for the throwaway GNUPGHOME would outlive the test.
    await run('/usr/bin/gpgconf', ['--kill', 'gpg-agent'], { ...BASE_ENV, HOME: home, GNUPGHOME: join(home, '.gnupg') });
    await rm(home, { recursive: true, force: true });
  }
  return { chunks, skipped };
}

