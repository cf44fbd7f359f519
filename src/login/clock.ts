// Clock skew as AWS sees it. SigV4 refuses requests signed more than 15 minutes off, and a
// SAML assertion is only redeemable for 5 minutes, so a few minutes of drift (common on WSL
// after sleep) already breaks logins. Shared by `login` and the doctor's `clock` check.
import type { PlatformFacts } from '../platform/facts.js';

export const WARN_SKEW_SECONDS = 60;
export const FAIL_SKEW_SECONDS = 300;

export type SkewLevel = 'ok' | 'warn' | 'fail';

export function skewLevel(skewSeconds: number): SkewLevel {
  const a = Math.abs(skewSeconds);
  return a > FAIL_SKEW_SECONDS ? 'fail' : a > WARN_SKEW_SECONDS ? 'warn' : 'ok';
}

export function describeSkew(skewSeconds: number): string {
  if (Math.abs(skewSeconds) <= 1) return 'this clock agrees with AWS';
  const amount = Math.abs(skewSeconds) >= 120 ? `${Math.round(Math.abs(skewSeconds) / 60)} min` : `${Math.abs(skewSeconds)} s`;
  return `this clock is ${amount} ${skewSeconds > 0 ? 'behind' : 'ahead of'} AWS`;
}

/** The OS's command to resynchronise the clock now. */
export function timeSyncCommands(platform: Pick<PlatformFacts, 'os' | 'wsl'>): string[][] {
  if (platform.os === 'darwin') return [['sudo', 'sntp', '-sS', 'time.apple.com']];
  if (platform.os === 'win32') return [['w32tm', '/resync']];
  // WSL's clock drifts while Windows sleeps; hwclock -s copies the host's time back.
  if (platform.wsl) return [['sudo', 'hwclock', '-s']];
  return [['sudo', 'timedatectl', 'set-ntp', 'true']];
}
