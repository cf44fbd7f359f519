// config.json's keys and named profiles: types, account ids, role names, profile names the
// AWS CLI can use, duplicates. Its automatic fix is `config fix`'s code, limited to these findings.
import { configFindingsResult, fixConfigFindings } from '../../config/doctor-checks.js';
import type { Check } from '../../check/types.js';

export const profilesCheck: Check = {
  id: 'profiles',
  title: 'config.json keys and profiles',
  run: (ctx) => configFindingsResult(ctx, 'profiles'),
  fix: (ctx) => fixConfigFindings(ctx, 'profiles'),
};
