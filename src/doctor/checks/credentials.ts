// Whether each profile has credentials that have not expired (from the files and what
// `login` remembered; no network). Built on `status`; expired credentials are everyday life,
// so this warns rather than fails.
import { gatherStatus } from '../../login/status.js';
import { result, type Check } from '../../check/types.js';
import { UserError } from '../../errors.js';

export const credentialsCheck: Check = {
  id: 'credentials',
  title: 'AWS credentials',
  async run({ env, paths, now }) {
    let report;
    try {
      report = await gatherStatus({ env, paths, now }, { verify: false });
    } catch (error) {
      // The credentials file cannot be read: its own problem, said as such.
      if (error instanceof UserError) return result.fail(error.message, error.opts.hint ? [error.opts.hint] : []);
      throw error;
    }
    if (report.profiles.length === 0) return result.skip('no profiles in config.json and no credentials saved yet');
    const data = { profiles: report.profiles.map((p) => ({ name: p.name, state: p.state, ...(p.expires ? { expires: p.expires } : {}) })) };
    const bad = report.profiles.filter((p) => p.state !== 'valid');
    const details = report.profiles.map((p) => `${p.name}: ${p.state}${p.expires ? ` (${p.state === 'expired' ? 'expired' : 'expires'} ${p.expires})` : ''}`);
    if (bad.length === 0) return result.ok(`${report.profiles.length} profile${report.profiles.length > 1 ? 's' : ''} with current credentials`, details, data);
    const names = bad.map((p) => p.name);
    return result.warn(`${names.join(', ')}: ${bad.every((p) => p.state === 'missing') ? 'no credentials' : 'expired or missing credentials'}`, details, {
      description: 'Log in again (a Duo push will ask you to approve)',
      commands: [['duo-sso-setup', 'login', ...(names.length < report.profiles.length ? names.flatMap((n) => ['--profile', n]) : [])]],
      automatic: false,
    }, data);
  },
};
