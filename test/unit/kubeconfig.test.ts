import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { eksUsers, kubeconfigPaths, updateKubeconfigCommand } from '../../src/kube/kubeconfig.js';
import { corpusPath, missingCorpus } from '../support/corpus.js';

const KUBE = corpusPath('project-fixtures', 'kubeconfig');
const fixture = (name: string) => parse(readFileSync(join(KUBE!, name), 'utf8'));

describe('eksUsers', () => {
  it.skipIf(!KUBE)(`aws-cli's combined kubeconfig: two EKS users with cluster and region, no profile${missingCorpus('project-fixtures', 'kubeconfig')}`, () => {
    expect(eksUsers(fixture('output_combined'))).toEqual([
      { user: 'arn:aws:eks:us-west-2:111222333444:cluster/Existing', cluster: 'Existing', region: 'us-west-2' },
      { user: 'arn:aws:eks:region:111222333444:cluster/ExampleCluster', cluster: 'ExampleCluster', region: 'region' },
    ]);
  });

  it.skipIf(!KUBE)(`aws-iam-authenticator users are not aws eks get-token users${missingCorpus('project-fixtures', 'kubeconfig')}`, () => {
    expect(eksUsers(fixture('output_single_with_role'))).toEqual([]);
  });

  it('anything not shaped like a kubeconfig yields no users rather than an exception', () => {
    for (const doc of [null, 'text', 42, [], { users: 'x' }, { users: [null, 1, { user: null }, { user: { exec: { command: 'aws', args: 'eks get-token' } } }] }]) {
      expect(eksUsers(doc)).toEqual([]);
    }
  });

  // Around the fixtures: whatever the profile is called and wherever update-kubeconfig or a
  // hand edit put it (--profile P, --profile=P, env AWS_PROFILE), it is found; --profile wins.
  it('finds the profile by --profile, --profile= or env AWS_PROFILE, through a YAML round trip', () => {
    const name = fc.stringMatching(/^[A-Za-z0-9_.@+=,:-]{1,30}$/);
    fc.assert(fc.property(name, name, fc.constantFrom('args', 'inline', 'env', 'both'), fc.constantFrom('aws', '/usr/local/bin/aws', 'C:\\Program Files\\Amazon\\AWSCLIV2\\aws.exe'), fc.boolean(), (profile, other, where, command, output) => {
      const args = ['--region', 'us-east-1', 'eks', 'get-token', '--cluster-name', 'c1', ...(output ? ['--output', 'json'] : [])];
      if (where === 'args' || where === 'both') args.push('--profile', profile);
      if (where === 'inline') args.push(`--profile=${profile}`);
      const env = where === 'env' ? [{ name: 'AWS_PROFILE', value: profile }] : where === 'both' ? [{ name: 'AWS_PROFILE', value: other }] : undefined;
      const doc = parse(stringify({ apiVersion: 'v1', kind: 'Config', users: [{ name: 'u', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command, args, ...(env ? { env } : {}) } } }] }));
      expect(eksUsers(doc)).toEqual([{ user: 'u', cluster: 'c1', region: 'us-east-1', profile, via: where === 'env' ? 'env' : 'args' }]);
    }), { numRuns: 300 });
  });

  it('the fix names the cluster, the region and the profile', () => {
    expect(updateKubeconfigCommand({ user: 'u', cluster: 'c1', region: 'eu-west-1' }, 'eticloud')).toEqual(['aws', 'eks', 'update-kubeconfig', '--name', 'c1', '--region', 'eu-west-1', '--profile', 'eticloud']);
  });

  it('KUBECONFIG is a list (duplicates once); without it ~/.kube/config', () => {
    expect(kubeconfigPaths({ KUBECONFIG: '/a:/b::/a' }, '/h', ':', join)).toEqual(['/a', '/b']);
    expect(kubeconfigPaths({}, '/h', ':', join)).toEqual(['/h/.kube/config']);
  });
});
