// Every `aws` on PATH with its version. A v1 first on PATH (pip and pyenv shims do this)
// shadows a v2 further down; duo-sso's credentials work with both, but v1 lacks SSO-era
// features and gives different errors, so the first one is what matters.
import { configProfileNames, sectionNames } from '../../aws/ini.js';
import { describeIniError, loadTexts, readAwsFile, type AwsFileRead } from '../../aws/shared-files.js';
import { findAll } from '../../platform/facts.js';
import { activeAwsProfile } from '../../platform/paths.js';
import { output } from '../../platform/process.js';
import { parseAwsVersion } from '../../parsers/aws-version.js';
import { awsCliRemedy, classifyAwsCli, type AwsCliOnPath } from '../../remedies/aws-cli.js';
import { result, type Check, type CheckContext, type CheckResult } from '../../check/types.js';
import { sharedRunner } from '../shared-runner.js';

interface Found extends AwsCliOnPath {
  error?: string;
}

export const awsCliCheck: Check = {
  id: 'aws-cli',
  title: 'AWS CLI',
  async run(ctx) {
    const { env } = ctx;
    const runner = sharedRunner(ctx);
    const paths = findAll('aws', env);
    const found: Found[] = await Promise.all(paths.map(async (path): Promise<Found> => {
      const r = await runner.run(path, ['--version'], { timeoutMs: 8000 });
      const version = parseAwsVersion(output(r));
      return { path, major: version?.major, version: version?.version, ...(version ? {} : { error: r.timedOut ? 'timed out' : (output(r).split('\n')[0] || `exit ${r.exitCode}`) }) };
    }));
    const data = { installations: found.map((f) => ({ path: f.path, version: f.version ?? null })) };
    // The aws first on PATH stopped on a file it reads at start-up, not on itself: reinstalling
    // it (this check's usual fix, and what setup would then do) changes nothing.
    const unparsable = found[0]?.error ? unparsableFile(found[0].error) : undefined;
    if (unparsable !== undefined) return unparsableResult(ctx, found[0]!.path, unparsable, data);
    const finding = classifyAwsCli(found);
    const fix = awsCliRemedy(finding);
    const details = found.map((f, i) => `${i === 0 ? 'used' : 'also'}: ${f.path} ${f.version ? `(aws-cli ${f.version})` : `(no version: ${f.error})`}`);
    switch (finding.kind) {
      case 'missing': return result.fail('not found on PATH', ['duo-sso writes credentials that the AWS CLI uses.'], fix);
      case 'v2-first': {
        const installed = `aws-cli ${finding.first.version} at ${finding.first.path}`;
        return (await profileProblem(ctx, installed, data)) ?? result.ok(installed, found.length > 1 ? details : [], data);
      }
      case 'broken': return result.fail(`${finding.first.path} does not run`, details, fix, data);
      case 'shadowed':
        if (finding.first.major === undefined) return result.fail(`${finding.first.path} does not run`, details, fix, data);
        return result.fail(`aws-cli ${finding.first.version} (v1) at ${finding.first.path} shadows v2 at ${finding.v2.path}`, [
          ...details,
          'The first aws on PATH wins; v1 is out of support and handles profiles and errors differently.',
        ], fix, data);
      case 'v1-only': return result.warn(`aws-cli ${finding.v1.version} is v1`, [...details, 'AWS CLI v1 is in maintenance; install v2.'], fix, data);
    }
  },
};

/**
 * The file named by botocore's ConfigParseError ("Unable to parse config file: PATH"), which the
 * AWS CLI raises before anything else, `--version` included, when ~/.aws/config or
 * ~/.aws/credentials is not valid INI.
 */
export function unparsableFile(output: string): string | undefined {
  return /^Unable to parse config file: (.+)$/m.exec(output)?.[1]?.trim();
}

/** The AWS CLI's own words say which file; ours say where in it and why (file:line). */
async function unparsableResult(ctx: Pick<CheckContext, 'paths'>, aws: string, named: string, data: Record<string, unknown>): Promise<CheckResult> {
  const read = (path: string): Promise<AwsFileRead> => readAwsFile(path).catch(() => ({ kind: 'absent' }) as const);
  const load = loadTexts(await read(ctx.paths.awsConfig), await read(ctx.paths.awsCredentials));
  const file = load.ok ? named : load.which === 'config' ? ctx.paths.awsConfig : ctx.paths.awsCredentials;
  const where = load.ok ? undefined : load.error;
  return result.fail(`${file} cannot be parsed, so every aws command fails`, [
    ...(where ? [describeIniError(file, where)] : []),
    `${aws} stops with "Unable to parse config file: ${named}" before doing anything; the AWS CLI itself is not the problem.`,
  ], {
    description: `Correct ${where ? `line ${where.line} of ` : ''}${file}: every key under a [section] header, no header or key indented, no section or key twice, saved as UTF-8`,
    commands: [],
    automatic: false,
  }, { ...data, unparsable: file, ...(where ? { line: where.line } : {}) });
}

/**
 * AWS_PROFILE (or AWS_DEFAULT_PROFILE) naming a profile that neither AWS file has: every aws
 * command then fails with "The config profile (NAME) could not be found".
 */
async function profileProblem(ctx: Pick<CheckContext, 'env' | 'paths'>, installed: string, data: Record<string, unknown>): Promise<CheckResult | undefined> {
  const profile = activeAwsProfile(ctx.env);
  if (profile === 'default') return undefined;
  // Profile names as the AWS CLI resolves them ([profile "x"], [profile default], ...).
  const read = (path: string, names: (text: string) => string[]) => readAwsFile(path).then((r) => (r.kind === 'text' ? names(r.text) : []), () => [] as string[]);
  const [config, credentials] = await Promise.all([read(ctx.paths.awsConfig, configProfileNames), read(ctx.paths.awsCredentials, sectionNames)]);
  if (config.includes(profile) || credentials.includes(profile)) return undefined;
  const variable = ctx.env.AWS_PROFILE ? 'AWS_PROFILE' : 'AWS_DEFAULT_PROFILE';
  const known = [...new Set([...credentials, ...config])].filter((n) => !n.includes(' '));
  return result.warn(`${variable}=${profile}, but no profile of that name exists: every aws command will fail`, [
    `${installed}.`,
    `Neither ${ctx.paths.awsConfig} nor ${ctx.paths.awsCredentials} has it; the AWS CLI says "The config profile (${profile}) could not be found".`,
    known.length > 0 ? `Profiles here: ${known.join(', ')}.` : 'There are no profiles yet.',
  ], {
    description: `Log in so duo-sso writes [${profile}] (if it is one of your duo-sso profiles), or unset ${variable}`,
    commands: [['duo-sso-setup', 'login', '--profile', profile]],
    automatic: false,
  }, { ...data, profile });
}
