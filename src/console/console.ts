// `console`: the AWS web console in the browser, signed in as a profile (through the
// federation endpoint) or, with --sso, the organisation's own console link. The sign-in URL
// carries a SigninToken good for 15 minutes: it goes to the browser through a private page
// (sign-in-page.ts; never an argument, which any local user can read) or to stdout (--print),
// never to stderr, logs or an error message. Plain http would send the session in clear text:
// the federation endpoint is https, or http on loopback only (the tests' stand-in).
import { appliedPolicy, readPolicy } from '../policy/read.js';
import type { Context } from '../context.js';
import { ExitCode, UserError } from '../errors.js';
import { readState } from '../state/state.js';
import { chosenProfile, loginAdvice, profileCredentials } from '../exec/credentials.js';
import { defaultDestination, endpointsFor, loginUrl, parseSigninToken, partitionOf, signinTokenUrl } from './federation.js';
import { openerFor } from './open-url.js';
import { PAGE_LIFETIME_MS, writeSignInPage } from './sign-in-page.js';
import { wrapText } from '../ui/wrap.js';

/** The web console link from the guide; state.json's `consoleSsoUrl` overrides it. */
export const DEFAULT_SSO_CONSOLE_URL = 'https://go2.cisco.com/aws';
const FEDERATION_TIMEOUT_MS = 15_000;

export interface ConsoleOptions {
  profile?: string;
  print: boolean;
  destination?: string;
  sso: boolean;
}

/** 127.0.0.0/8, ::1 and localhost: the only hosts plain http may reach (a stand-in on this machine). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(host);
}

function httpUrl(value: string, what: string, opts: { httpsOnly?: boolean } = {}): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UserError(`${what} is not a URL: ${value}`, { exitCode: ExitCode.usage });
  }
  const http = url.protocol === 'http:' && (!opts.httpsOnly || isLoopbackHost(url.hostname));
  if (url.protocol !== 'https:' && !http) {
    const why = opts.httpsOnly && url.protocol === 'http:' ? ' (plain http would send the session keys in clear text; http is allowed for 127.0.0.1, ::1 and localhost only)' : '';
    throw new UserError(`${what} must be an https URL, got ${value}${why}`, { exitCode: ExitCode.usage });
  }
  return url.toString();
}

export async function ssoConsoleUrl(ctx: Pick<Context, 'env' | 'paths'>): Promise<string> {
  const fromState = (await readState(ctx.paths)).consoleSsoUrl;
  const state = typeof fromState === 'string' ? fromState : undefined;
  // The user's own choice, then the organisation policy's link, then the guide's.
  const org = state ? undefined : appliedPolicy(await readPolicy(ctx.paths))?.consoleUrl;
  const chosen = ctx.env.DUO_SSO_SETUP_CONSOLE_SSO_URL || state || org || DEFAULT_SSO_CONSOLE_URL;
  return httpUrl(chosen, ctx.env.DUO_SSO_SETUP_CONSOLE_SSO_URL ? 'DUO_SSO_SETUP_CONSOLE_SSO_URL' : state ? 'consoleSsoUrl in state.json' : 'consoleUrl in the organisation policy');
}

/** Exchanges the session for a SigninToken. Errors name the profile and the endpoint's host only. */
async function signinToken(federation: string, creds: { accessKeyId: string; secretAccessKey: string; sessionToken: string }, profile: string, advice: () => Promise<string | undefined>): Promise<string> {
  const host = new URL(federation).host;
  let response: Response;
  try {
    response = await fetch(signinTokenUrl(federation, creds), { signal: AbortSignal.timeout(FEDERATION_TIMEOUT_MS), redirect: 'error' });
  } catch (error) {
    // Only the error's code: undici's messages are safe today, but the request URL holds the session.
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new UserError(`cannot reach the AWS federation endpoint ${host} (${cause})`, { hint: 'Check the network or proxy; `duo-sso-setup doctor` tests the connection.' });
  }
  const body = await response.text().catch(() => '');
  const token = response.ok ? parseSigninToken(body) : undefined;
  if (!token) {
    throw new UserError(`the AWS federation endpoint ${host} did not accept the session of profile ${profile} (HTTP ${response.status})`, {
      hint: `The credentials may have expired or been revoked. ${(await advice()) ?? ''}`.trim(),
    });
  }
  return token;
}

/**
 * Opens `url` in the browser, or prints it when asked to, or when there is no browser to open.
 * A URL holding a secret reaches the browser through a private page, never the opener's argv.
 */
async function deliver(ctx: Context, url: string, what: string, print: boolean, secret: boolean): Promise<void> {
  const canOpen = !print && openerFor(process.platform, ctx.env, url) !== undefined;
  const page = canOpen && secret ? await writeSignInPage(url, `Signing in to ${what}`) : undefined;
  const opener = canOpen ? openerFor(process.platform, ctx.env, page?.fileUrl ?? url) : undefined;
  if (opener) {
    let r;
    try {
      r = await ctx.runner.run(opener.file, opener.args, { timeoutMs: 15_000 });
    } catch (error) {
      await page?.remove();
      throw error;
    }
    if (r.exitCode === 0 && !r.timedOut && !r.spawnError) {
      ctx.io.err(`Opened ${what} in your browser.\n`);
      // --json: one document on stdout whatever happened; the URL stays with the browser.
      if (ctx.options.json) ctx.io.out(`${JSON.stringify({ opened: true }, null, 2)}\n`);
      const lifetime = Number(ctx.env.DUO_SSO_SETUP_CONSOLE_PAGE_MS || PAGE_LIFETIME_MS);
      await page?.removeAfter(Number.isFinite(lifetime) && lifetime >= 0 ? lifetime : PAGE_LIFETIME_MS);
      return;
    }
    await page?.remove();
    ctx.io.err(wrapText(`Could not open a browser (${opener.file}: ${r.spawnError ?? (r.timedOut ? 'timed out' : `exit ${r.exitCode}`)}); open this URL yourself:\n`, ctx.io.errWidth));
  } else if (!print) {
    ctx.io.err('No browser to open here; open this URL yourself:\n');
  }
  // The URL is one word to copy (wrapText would keep it whole anyway): printed as it is.
  ctx.io.out(ctx.options.json ? `${JSON.stringify({ url }, null, 2)}\n` : `${url}\n`);
}

export async function runConsole(ctx: Context, opts: ConsoleOptions): Promise<number> {
  if (opts.sso) {
    if (opts.profile || opts.destination) throw new UserError('--sso opens the organisation\'s console link; it takes no --profile or --destination', { exitCode: ExitCode.usage });
    await deliver(ctx, await ssoConsoleUrl(ctx), 'the AWS console sign-in page', opts.print, false);
    return ExitCode.ok;
  }
  const profile = chosenProfile(ctx, opts.profile);
  const creds = await profileCredentials(ctx, profile, { requireSession: true });
  const region = ctx.env.AWS_REGION || ctx.env.AWS_DEFAULT_REGION || creds.region;
  const partition = partitionOf(region);
  const destination = opts.destination ? httpUrl(opts.destination, '--destination') : defaultDestination(partition, region);
  const federation = ctx.env.DUO_SSO_SETUP_FEDERATION_URL ? httpUrl(ctx.env.DUO_SSO_SETUP_FEDERATION_URL, 'DUO_SSO_SETUP_FEDERATION_URL', { httpsOnly: true }) : endpointsFor(partition).federation;
  const token = await signinToken(federation, { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey, sessionToken: creds.sessionToken! }, profile, () => loginAdvice(ctx, profile));
  await deliver(ctx, loginUrl(federation, token, destination), `the AWS console as ${profile}`, opts.print, true);
  return ExitCode.ok;
}
