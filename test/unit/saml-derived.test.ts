// SAML responses written for this project where the shared corpus has none (test/fixtures/saml,
// README there): Keycloak, JumpCloud, and GovCloud and China as Okta, Entra ID and AD FS write
// them. The expectations are read off each file's XML, and judged as the corpus files are.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspect } from '../../src/saml/inspect.js';
import { inspectionJson } from '../../src/saml/render.js';
import type { CorpusExpectation } from '../fixtures/saml/corpus-expected.js';
import { judge } from '../support/saml-corpus.js';
import { NOW } from '../support/saml-helpers.js';

interface Derived {
  expected: CorpusExpectation & { read: object };
  signIn: { partition: string; name: string; region: string | null };
}

const DERIVED: Record<string, Derived> = {
  'keycloak-multiple-role-attributes.xml': {
    expected: {
      read: {
        roles: ['aws:210987654321:/keycloak-admin@keycloak', 'aws:210987654321:/keycloak-readonly@keycloak'],
        sessionDuration: 28800,
        roleSessionName: 'jdoe',
        warnings: [/^a Role value is not "role-arn,provider-arn" \(it is one value, not two ARNs\): offline_access$/],
      },
    },
    signIn: { partition: 'aws', name: 'AWS', region: null },
  },
  'jumpcloud-regional-endpoint.xml': {
    expected: {
      read: {
        roles: ['aws:034567890123:/jc-developer@JumpCloud', 'aws:034567890123:/platform/jc-oncall@JumpCloud'],
        sessionDuration: 3600,
        roleSessionName: 'jane.doe@example.com',
      },
    },
    signIn: { partition: 'aws', name: 'AWS', region: 'us-east-2' },
  },
  'okta-govcloud.xml': {
    expected: {
      read: {
        roles: ['aws-us-gov:098765432109:/GovCloudAdmin@Okta', 'aws-us-gov:098765432109:/GovCloudReadOnly@Okta'],
        sessionDuration: 43200,
        roleSessionName: 'jane.doe@agency.example.gov',
      },
    },
    signIn: { partition: 'aws-us-gov', name: 'AWS GovCloud (US)', region: null },
  },
  'entra-id-china-regional.xml': {
    expected: { read: { roles: ['aws-cn:123450987654:/cn-developer@EntraID'], roleSessionName: 'li.wei@example.cn' } },
    signIn: { partition: 'aws-cn', name: 'AWS China', region: 'cn-northwest-1' },
  },
  'adfs-govcloud-regional.xml': {
    expected: {
      read: {
        roles: ['aws-us-gov:012398765432:/ADFS-Operators@ADFS'],
        roleSessionName: 'jdoe@agency.example.gov',
        warnings: [/^a Role value AWS cannot use: account id 12398765432 has 11 digits, not 12 \(a leading zero lost where the IdP stores it as a number\?\): arn:aws-us-gov:iam::12398765432:saml-provider\/ADFS,arn:aws-us-gov:iam::12398765432:role\/ADFS-Auditors$/],
      },
    },
    signIn: { partition: 'aws-us-gov', name: 'AWS GovCloud (US)', region: 'us-gov-west-1' },
  },
};

const file = (name: string) => readFileSync(new URL(`../fixtures/saml/${name}`, import.meta.url));

describe.each(Object.entries(DERIVED))('%s (derived)', (name, { expected, signIn }) => {
  it('gives the roles, attributes and warnings its XML says', () => {
    expect(judge(inspect, file(name), expected)).toEqual([]);
  });

  it('names the partition and region it is addressed to, and is valid at its issue time', () => {
    const i = inspect(file(name), NOW, false);
    expect(inspectionJson(i).signIn).toEqual(signIn);
    expect(i.validity.state).toBe('valid');
  });
});
