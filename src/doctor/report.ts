// `doctor --report [FILE]`: a support bundle (.tar.gz, mode 0600) holding what support asks
// for: the doctor's findings, versions, platform facts, config.json, ~/.aws/config, the
// *names* (never values) in ~/.aws/credentials, state.json, the policy in force and the last
// logins. Every text passes the one redactor (src/knowledge/redact.ts) before it is packed;
// the credentials file's values are never even read into the bundle.
import { createGzip } from 'node:zlib';
import { open, readdir } from 'node:fs/promises';
import { readOwnText } from '../fs/safe-read.js';
import { basename, join, resolve } from 'node:path';
import type { Context } from '../context.js';
import { ExitCode, UserError } from '../errors.js';
import { findFirst, type PlatformFacts } from '../platform/facts.js';
import { VERSION_PROBES, parseToolVersion, type ToolVersion } from './tool-versions.js';
import { TOOL_NAME, TOOL_VERSION } from '../platform/self.js';
import { refuseOthersPlace } from '../platform/root-home.js';
import { redactSecrets } from '../knowledge/redact.js';
import { readPolicy } from '../policy/read.js';
import { logDir } from '../login/run-log.js';
import { renderHuman, toJson } from './render.js';
import type { Outcome } from './run-checks.js';
import { summarise } from './run-checks.js';
import { wrapText } from '../ui/wrap.js';

/** The bundle's entries, in order; `logins/…` holds up to ten files. docs/doctor.md lists them. */
export const ENTRIES = [
  'README.txt', 'doctor.json', 'doctor.txt', 'versions.json', 'platform.json', 'environment.json',
  'config.json', 'aws-config.txt', 'aws-credentials-names.txt', 'state.json', 'policy.json', 'logins/',
] as const;

/** Variables whose values help support and hold no secret (a proxy URL's password is redacted). */
const ENV_VALUES = ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_REGION', 'AWS_DEFAULT_REGION',
  'AWS_CA_BUNDLE', 'NODE_EXTRA_CA_CERTS', 'HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy', 'SHELL', 'GPG_TTY',
  'PASSWORD_STORE_DIR', 'DUO_SSO_SETUP_POLICY', 'LANG', 'TERM'];
/** Variables that are only reported as set or not: their values are secrets. */
const ENV_NAMES_ONLY = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN'];

/** Option names that may appear in a credentials file; any other name is counted, not shown. */
const KNOWN_KEYS = new Set(['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'aws_security_token', 'aws_credential_expiration',
  'x_security_token_expires', 'aws_expiration', 'expiration', 'credential_process', 'region', 'output', 'role_arn', 'source_profile',
  'credential_source', 'mfa_serial', 'role_session_name', 'external_id', 'duration_seconds', 'sso_session', 'sso_start_url', 'sso_region',
  'sso_account_id', 'sso_role_name', 'web_identity_token_file', 'ca_bundle']);

/**
 * Sections and key names of an AWS credentials file, nothing else: a name we do not know (a
 * stray secret followed by '=' would look like one), a continuation or a bare value is counted.
 */
export function credentialNames(text: string): string {
  const out: string[] = [];
  let hidden = 0;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trimEnd();
    if (line.trim() === '' || /^\s*[#;]/.test(line)) continue;
    const section = /^\[([^\]\r\n]{1,128})\]\s*$/.exec(line);
    const key = /^([A-Za-z_]+)\s*[=:]/.exec(line);
    if (section) out.push(`[${section[1]}]`);
    else if (key && KNOWN_KEYS.has(key[1]!.toLowerCase())) out.push(`  ${key[1]}`);
    else hidden++;
  }
  if (hidden > 0) out.push(`(${hidden} other line${hidden === 1 ? '' : 's'} not shown)`);
  return `${out.join('\n')}\n`;
}

export function environmentFacts(env: Context['env']): Record<string, unknown> {
  const values = Object.fromEntries(ENV_VALUES.filter((k) => env[k] !== undefined).map((k) => [k, env[k]]));
  const set = ENV_NAMES_ONLY.filter((k) => env[k] !== undefined);
  return { values, setButNotShown: set };
}

/**
 * Beyond the one redactor, a bundle also leaves out who the user is: the session name in an
 * assumed-role ARN is the SAML NameID (usually an e-mail address), and so is any address.
 */
export function redactIdentity(text: string): string {
  return text
    .replace(/(:assumed-role\/[^/\s"']+\/)[^\s"',]+/g, '$1[redacted]')
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[email]');
}

function defaultName(now: Date): string {
  return `${TOOL_NAME}-report-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.tar.gz`;
}

/** A file's text; undefined when missing or not a regular file (a FIFO must not hang the bundle). */
async function readText(path: string): Promise<string | undefined> {
  return readOwnText(path, 'owned').catch(() => undefined);
}

/** Tools asked for their version for the bundle (node and deno are the runtime, below). */
const BUNDLE_TOOLS = ['aws', 'duo-sso', 'brew', 'gpg', 'pass', 'git'] as const;

async function versions(ctx: Context, platform: PlatformFacts): Promise<Record<string, unknown>> {
  const probe = async (tool: (typeof BUNDLE_TOOLS)[number]): Promise<ToolVersion | null> => {
    const path = findFirst(tool, ctx.env);
    if (!path) return null;
    // On a Mac without the command line tools /usr/bin/git is a stub that opens an installer
    // dialog when run: a support bundle must not do that.
    if (tool === 'git' && platform.os === 'darwin' && path === '/usr/bin/git') {
      const dev = await ctx.runner.run('xcode-select', ['-p'], { timeoutMs: 5000 }).catch(() => undefined);
      if (!dev || dev.exitCode !== 0) return { version: null, answer: 'not asked: /usr/bin/git without the Xcode command line tools' };
    }
    const args = VERSION_PROBES.find((p) => p.tool === tool)!.args;
    const r = await ctx.runner.run(path, [...args], { timeoutMs: 5000 }).catch(() => undefined);
    return r && r.exitCode === 0 ? parseToolVersion(tool, `${r.stdout}\n${r.stderr}`) : null;
  };
  const found = await Promise.all(BUNDLE_TOOLS.map(async (t) => [t, await probe(t)] as const));
  const deno = (globalThis as { Deno?: { version?: { deno?: string } } }).Deno;
  const runtime = deno ? { name: 'deno', version: deno.version?.deno ?? null, node: process.versions.node } : { name: 'node', version: process.versions.node };
  return { [TOOL_NAME]: TOOL_VERSION, runtime, ...Object.fromEntries(found) };
}

async function loginLogs(ctx: Context): Promise<Array<[string, string]>> {
  const dir = logDir(ctx.paths);
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort().slice(-10);
  const texts = await Promise.all(names.map(async (n) => [`logins/${n}`, (await readText(join(dir, n))) ?? ''] as [string, string]));
  return texts.filter(([, t]) => t !== '');
}

export async function collectBundle(ctx: Context, outcomes: readonly Outcome[], platform: PlatformFacts): Promise<Array<[string, string]>> {
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  const [vers, config, awsConfig, credentials, state, policy, logins] = await Promise.all([
    versions(ctx, platform), readText(ctx.paths.duoConfig), readText(ctx.paths.awsConfig), readText(ctx.paths.awsCredentials),
    readText(ctx.paths.stateFile), readPolicy(ctx.paths), loginLogs(ctx),
  ]);
  const plain: typeof ctx.style = { ...ctx.style, color: false };
  const entries: Array<[string, string]> = [
    ['README.txt', [
      `${TOOL_NAME} ${TOOL_VERSION} support bundle, made ${ctx.now().toISOString()}.`,
      'Secrets are removed: AWS keys, session tokens, SAML responses and the user\'s NameID, passwords in URLs.',
      'aws-credentials-names.txt lists only the sections and key names of ~/.aws/credentials, never values.',
      `Entries: ${ENTRIES.join(', ')}`, '',
    ].join('\n')],
    ['doctor.json', json(toJson(outcomes, platform))],
    ['doctor.txt', renderHuman(outcomes, plain, { verbose: true })],
    ['versions.json', json(vers)],
    ['platform.json', json(platform)],
    ['environment.json', json(environmentFacts(ctx.env))],
    ['config.json', config ?? `(no file at ${ctx.paths.duoConfig})\n`],
    ['aws-config.txt', awsConfig ?? `(no file at ${ctx.paths.awsConfig})\n`],
    ['aws-credentials-names.txt', credentials === undefined ? `(no file at ${ctx.paths.awsCredentials})\n` : credentialNames(credentials)],
    ['state.json', state ?? `(no file at ${ctx.paths.stateFile})\n`],
    ['policy.json', json(policy)],
    ...logins,
  ];
  return entries.map(([name, text]) => [name, redactIdentity(redactSecrets(text))]);
}

async function packTarGz(entries: ReadonlyArray<[string, string]>, mtime: Date): Promise<Buffer> {
  // tar-stream is CommonJS: its exports arrive as the default export in the bundle.
  const tarStream = await import('tar-stream');
  const pack = (tarStream.pack ?? (tarStream as unknown as { default: typeof tarStream }).default.pack)();
  const gzip = createGzip();
  const chunks: Buffer[] = [];
  gzip.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((res, rej) => {
    gzip.on('end', () => res());
    gzip.on('error', rej);
  });
  pack.pipe(gzip);
  for (const [name, text] of entries) {
    await new Promise<void>((res, rej) => pack.entry({ name: `duo-sso-setup-report/${name}`, mode: 0o600, mtime }, text, (e) => (e ? rej(e) : res())));
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

export async function writeSupportBundle(ctx: Context, outcomes: readonly Outcome[], platform: PlatformFacts, file: string): Promise<number> {
  const path = resolve(file === '' ? defaultName(ctx.now()) : file);
  const entries = await collectBundle(ctx, outcomes, platform);
  const bytes = await packTarGz(entries, ctx.now());
  if (ctx.options.dryRun) {
    ctx.io.out(wrapText(`would write ${path} (${entries.length} entries: ${entries.map(([n]) => n).join(', ')})\n`, ctx.io.outWidth));
    return ExitCode.ok;
  }
  // As root, never a root-owned bundle in another user's folder (src/platform/root-home.ts).
  refuseOthersPlace(path);
  let handle;
  try {
    // 'wx' with 0600: never over an existing file or through a planted link, and private from the start.
    handle = await open(path, 'wx', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UserError(`${path} already exists`, { hint: `Name another file: ${TOOL_NAME} doctor --report FILE` });
    throw new UserError(`cannot write ${path}: ${(error as Error).message}`, { hint: `Name a file in a folder you can write: ${TOOL_NAME} doctor --report ~/${basename(path)}` });
  }
  try {
    await handle.writeFile(bytes);
  } finally {
    await handle.close();
  }
  const counts = summarise(outcomes);
  const summary = {
    path, bytes: bytes.length, entries: entries.map(([n]) => n),
    checks: counts,
  };
  if (ctx.options.json) ctx.io.out(`${JSON.stringify(summary, null, 2)}\n`);
  else {
    ctx.io.out(wrapText(`wrote ${path} (${bytes.length} bytes, readable only by you)\n`, ctx.io.outWidth));
    ctx.io.out(wrapText(`It holds the doctor's findings (${counts.ok} ok, ${counts.warn} warnings, ${counts.fail} failed), tool versions, platform facts, `
      + 'config.json, ~/.aws/config, the section and key names of ~/.aws/credentials (no values), state.json, the organisation policy '
      + `and the last logins (${entries.filter(([n]) => n.startsWith('logins/')).length}). AWS keys, tokens, SAML responses, your NameID and passwords in URLs are removed. `
      + `Look inside with: tar -xzOf ${path} | less\n`, ctx.io.outWidth));
  }
  return ExitCode.ok;
}
