import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { eksUsers, eksUsersInUse, kubeconfigPaths, kubeFileProblems, mergeKubeconfigs, updateKubeconfigCommand } from '../../src/kube/kubeconfig.js';
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

  it.skipIf(!KUBE)(`aws-iam-authenticator users are EKS users too (cluster from -i, profile from AWS_PROFILE in env or --profile)${missingCorpus('project-fixtures', 'kubeconfig')}`, () => {
    expect(eksUsers(fixture('output_single_with_role'))).toEqual([{ user: 'arn:aws:eks:region:111222333444:cluster/ExampleCluster', cluster: 'ExampleCluster', tool: 'aws-iam-authenticator' }]);
    const env = { users: [{ name: 'u', user: { exec: { command: 'aws-iam-authenticator', args: ['token', '-i', 'c1'], env: [{ name: 'AWS_PROFILE', value: 'old' }, { name: 'AWS_PROFILE', value: 'eticloud' }, { name: 'AWS_REGION', value: 'eu-west-1' }] } } }] };
    // kubectl sets the env entries in order: the last AWS_PROFILE is the one the process sees.
    expect(eksUsers(env)).toEqual([{ user: 'u', cluster: 'c1', region: 'eu-west-1', profile: 'eticloud', via: 'env', tool: 'aws-iam-authenticator' }]);
    expect(eksUsers({ users: [{ name: 'v', user: { exec: { command: 'aws-iam-authenticator', args: ['version'] } } }] })).toEqual([]);
  });

  it('merges KUBECONFIG files as client-go does: first file wins per name, current-context from the first that sets one, the current context first', () => {
    const user = (profile: string) => ({ exec: { command: 'aws', args: ['eks', 'get-token', '--cluster-name', 'c', '--profile', profile] } });
    const a = { contexts: [{ name: 'x', context: { cluster: 'k', user: 'u1' } }], users: [{ name: 'u1', user: user('eticloud') }] };
    const b = { 'current-context': 'y', contexts: [{ name: 'x', context: { cluster: 'k', user: 'u2' } }, { name: 'y', context: { cluster: 'k', user: 'u2' } }], users: [{ name: 'u1', user: user('legacy') }, { name: 'u2', user: user('scratch') }, { name: 'u3', user: user('never') }] };
    const view = mergeKubeconfigs([a, b]);
    expect(view.currentContext).toBe('y');
    expect(Object.fromEntries(view.contexts)).toEqual({ x: { cluster: 'k', user: 'u1' }, y: { cluster: 'k', user: 'u2' } });
    // u1 from a (legacy in b is never used), u3 reached by no context: not judged.
    expect(eksUsersInUse(view).map((u) => [u.user, u.profile, u.contexts])).toEqual([['u2', 'scratch', ['y']], ['u1', 'eticloud', ['x']]]);
    expect(eksUsersInUse(mergeKubeconfigs([{ users: [{ name: 'u9', user: user('p') }] }])).map((u) => u.user)).toEqual(['u9']);
  });

  it('names what makes kubectl refuse a file', () => {
    expect(kubeFileProblems({ users: [{ name: 'u', user: {} }, { name: 'u', user: {} }] })).toEqual(['duplicate name "u" in users']);
    expect(kubeFileProblems({ contexts: [{ name: 'c', context: { cluster: true, user: 'u' } }] })).toEqual(['contexts[c].context.cluster is true, not a string']);
    expect(kubeFileProblems({ users: 'x' })).toEqual(['users is not a list']);
    expect(kubeFileProblems(null)).toEqual([]);
    expect(kubeFileProblems('text')).toEqual(['not a mapping of kubeconfig fields']);
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
