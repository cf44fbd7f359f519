// The session durations in config.json against the policy (and what state.json learned
// about each role). Its automatic fix is `config fix`'s code, limited to these findings.
import { configFindingsResult, fixConfigFindings } from '../../config/doctor-checks.js';
import type { Check } from '../../check/types.js';

export const sessionDurationCheck: Check = {
  id: 'session-duration',
  title: 'session durations in config.json',
  run: (ctx) => configFindingsResult(ctx, 'session-duration'),
  fix: (ctx) => fixConfigFindings(ctx, 'session-duration'),
};
