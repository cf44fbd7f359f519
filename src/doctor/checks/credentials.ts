// Whether each profile has credentials that have not expired (from the files and what
// `login` remembered; no network). Built on `status`; expired credentials are everyday life,
// so this warns rather than fails.
import { gatherStatus } from '../../login/status.js';
import { result, type Check } from '../../check/types.js';
import { UserError } from '../../errors.js';
import { servedOnce, type StoredProblem } from './secret-store.js';

/** What the secret-store check found that means the profile's keys cannot be handed out. */
const UNSERVED: readonly StoredProblem['kind'][] = ['missing', 'unreadable', 'damaged'];

export const credentialsCheck: Check = {
  id: 'credentials',
  title: 'AWS credentials',
  // It may wait for the secret-store check's reading of each entry (gpg), which has 20 s.
  timeoutMs: 20_000,
  async run(ctx) {
    const { env, paths, now } = ctx;
    let report;
    try {
      report = await gatherStatus({ env, paths, now }, { verify: false });
    } catch (error) {
      // The credentials file cannot be read: its own problem, said as such.
      if (error instanceof UserError) return result.fail(error.message, error.opts.hint ? [error.opts.hint] : []);
      throw error;
    }
    if (report.profiles.length === 0) return result.skip('no profiles in config.json and no credentials saved yet');
    // status knows a stored profile's expiry from our records, not whether its entry can be read:
    // the secret-store check reads each entry (once per run), and an entry it cannot read (or
    // that is not there) is not "current credentials", whatever the records say.
    const unreadable = report.profiles.some((p) => p.storedIn)
      ? new Set((await servedOnce(ctx)).problems.filter((p) => UNSERVED.includes(p.kind)).map((p) => p.profile))
      : new Set<string>();
    const profiles = report.profiles.map((p) => ({ ...p, unreadable: p.storedIn !== undefined && p.state === 'valid' && unreadable.has(p.name) }));
    const data = { profiles: profiles.map((p) => ({ name: p.name, state: p.unreadable ? 'unreadable' : p.state, ...(p.expires ? { expires: p.expires } : {}) })) };
    const bad = profiles.filter((p) => p.state !== 'valid' || p.unreadable);
    const details = profiles.map((p) => p.unreadable
      ? `${p.name}: cannot be read from the ${p.storedIn} store (see the secret-store check)`
      : `${p.name}: ${p.state}${p.expires ? ` (${p.state === 'expired' ? 'expired' : 'expires'} ${p.expires})` : ''}`);
    if (bad.length === 0) return result.ok(`${report.profiles.length} profile${report.profiles.length > 1 ? 's' : ''} with current credentials`, details, data);
    const names = bad.map((p) => p.name);
    // Logging in again does not make an entry readable (a locked gpg key): that fix is the secret-store check's.
    if (bad.every((p) => p.unreadable)) return result.warn(`${names.join(', ')}: credentials in the secret store cannot be read`, details, undefined, data);
    const login = bad.filter((p) => !p.unreadable).map((p) => p.name);
    return result.warn(`${names.join(', ')}: ${bad.every((p) => p.state === 'missing') ? 'no credentials' : 'expired or missing credentials'}`, details, {
      description: 'Log in again (a Duo push will ask you to approve)',
      commands: [['duo-sso-setup', 'login', ...(login.length < report.profiles.length ? login.flatMap((n) => ['--profile', n]) : [])]],
      automatic: false,
    }, data);
  },
};
