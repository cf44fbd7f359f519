// `status`: one line per profile (or one JSON document). Exit 0 only when every profile has
// valid credentials.
import type { Context } from '../context.js';
import { ExitCode } from '../errors.js';
import { paint, shellQuote, symbols, type Style } from '../ui/style.js';
import { wrapText } from '../ui/wrap.js';
import { describeSkew, skewLevel } from './clock.js';
import { formatExpiry } from './render.js';
import { gatherStatus, type StatusReport } from './status.js';

export async function runStatus(ctx: Context, opts: { verify: boolean; profiles: string[] }): Promise<number> {
  const report = await gatherStatus(ctx, { verify: opts.verify, only: opts.profiles });
  const allValid = report.profiles.length > 0 && report.profiles.every((p) => p.state === 'valid');
  if (report.configProblem && !ctx.options.json) {
    ctx.io.err(wrapText(`${report.configProblem}\nProfiles are taken from ${report.credentialsPath} and the credential_process lines of ~/.aws/config instead (see duo-sso-setup config validate).\n`, ctx.io.errWidth));
  }
  if (ctx.options.json) ctx.io.out(`${JSON.stringify({ ok: allValid, ...report }, null, 2)}\n`);
  else ctx.io.out(wrapText(renderStatus(report, ctx.style, ctx.now()), ctx.io.outWidth));
  return allValid ? ExitCode.ok : ExitCode.failure;
}

const isoMinute = (iso: string) => iso.replace(/\.\d{3}Z$/, 'Z');

export function renderStatus(report: StatusReport, style: Style, now: Date): string {
  const s = symbols(style);
  if (report.profiles.length === 0) {
    const config = report.configProblem ? `${report.configPath} is not usable` : report.configMissing ? `${report.configPath} does not exist` : `${report.configPath} has none`;
    // config init refuses an existing file: a config without profiles gets one added instead.
    const next = report.configProblem ? ['config validate'] : report.configMissing ? ['config init'] : ['config add-profile NAME --account ACCOUNT_ID --role ROLE', 'config import   # from the account/role list a login without profiles prints'];
    return `No profiles: ${config} and ${report.credentialsPath} holds no credentials.\n${next.map((c) => `  ${s.dollar} duo-sso-setup ${c}\n`).join('')}`;
  }
  const width = Math.max(...report.profiles.map((p) => p.name.length));
  const lines = report.profiles.map((p) => {
    const mark = p.state === 'valid' ? paint(style, 'green', s.ok) : p.state === 'unverified' ? paint(style, 'yellow', s.warn) : paint(style, 'red', s.fail);
    const where = p.account ? `${p.account} ${p.role ?? ''}`.trim() : '';
    const parts: string[] = [where];
    if (p.state === 'missing') parts.push('no credentials');
    else if (p.state === 'expired') {
      // STS may call them expired before the time we expected (e.g. the role's session was revoked).
      parts.push(p.expires && Date.parse(p.expires) <= now.getTime() ? `expired ${formatExpiry(p.expires, now).replace(/ \(expired\)$/, '')}` : 'expired (STS says so)');
    } else if (p.expires) parts.push(`expires ${formatExpiry(p.expires, now)}${p.expirySource === 'estimated' ? ' at the earliest' : ''}`);
    else parts.push('expiry unknown');
    if (p.storedIn) parts.push(`keys in ${p.storedIn === 'pass' ? 'pass' : 'the keychain'}${p.renewal?.on ? ', renewed by credential_process' : ''}`);
    if (p.identity) parts.push(p.identity.arn);
    if (p.error && p.state !== 'expired') parts.push(`${p.error.code}: ${p.error.message}`);
    const failed = p.renewal?.failed;
    // A failed renewal names its own fix (e.g. --interactive), also while the keys still work.
    const fix = failed ? failed.command : shellQuote(['duo-sso-setup', 'login', '--profile', p.name]);
    const pad = ' '.repeat(width + 4);
    const why = failed ? `\n${pad}${paint(style, 'yellow', s.warn)} renewal failed at ${isoMinute(failed.failedAt)}: ${failed.message}${Date.parse(failed.retryAfter) > now.getTime() ? ` (next try after ${isoMinute(failed.retryAfter)})` : ''}` : '';
    const hint = p.state === 'valid' || p.state === 'unverified' ? (failed ? `${why}\n${pad}${s.dollar} ${fix}` : '') : `${why}\n${pad}${s.dollar} ${fix}`;
    return `${mark} ${p.name.padEnd(width)}  ${parts.filter(Boolean).join('  ')}${hint}`;
  });
  if (report.skewSeconds !== undefined && skewLevel(report.skewSeconds) !== 'ok') lines.push('', `clock: ${describeSkew(report.skewSeconds)} (see duo-sso-setup doctor --only clock)`);
  return `${lines.join('\n')}\n`;
}
