// This machine's clock against AWS's, read from the STS Date header (one unsigned request:
// any answer carries the header). SigV4 refuses requests signed 15 minutes off and SAML
// assertions expire after 5, so drift breaks logins long before anything else notices.
import { readStsClock } from '../../aws/sts.js';
import { describeSkew, FAIL_SKEW_SECONDS, skewLevel, timeSyncCommands, WARN_SKEW_SECONDS } from '../../login/clock.js';
import { result, type Check, type Fix } from '../../check/types.js';

export const clockCheck: Check = {
  id: 'clock',
  title: 'Clock against AWS',
  timeoutMs: 8000,
  async run({ env, platform }) {
    const reading = await readStsClock(env, { timeoutMs: 5000 });
    if (!reading.ok) return result.skip(`could not reach STS at ${reading.url} (${reading.reason})`, ['The clock is compared with the Date header of an STS answer.']);
    const level = skewLevel(reading.skewSeconds);
    const data = { skewSeconds: reading.skewSeconds, url: reading.url };
    const summary = describeSkew(reading.skewSeconds);
    if (level === 'ok') return result.ok(summary, [], data);
    const fix: Fix = { description: 'Resynchronise the clock', commands: timeSyncCommands(platform), automatic: false, needsConfirmation: true };
    const why = `AWS refuses requests signed more than 15 min off, and SAML assertions must be redeemed within 5 min (warn beyond ${WARN_SKEW_SECONDS} s, fail beyond ${FAIL_SKEW_SECONDS} s).`;
    return level === 'warn' ? result.warn(summary, [why], fix, data) : result.fail(summary, [why], fix, data);
  },
};
