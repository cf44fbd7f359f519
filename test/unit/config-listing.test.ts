import { describe, expect, it } from 'vitest';
import { parseListing, proposeNames } from '../../src/config/parse-listing.js';

const pairs = (text: string) => parseListing(text).map((r) => `${r.alias ?? '-'} ${r.accountId} ${r.role}`);

describe('parseListing (duo-sso\'s account/role listing; format unknown, so several shapes)', () => {
  it('reads role ARNs', () => {
    expect(pairs('Available roles:\n  arn:aws:iam::626007623524:role/admin\n  arn:aws:iam::012345678901:role/path/devops\n')).toEqual(['- 626007623524 admin', '- 012345678901 devops']);
  });

  it('reads account headers with an alias, then numbered roles below', () => {
    const text = [
      '\u001b[32m✔\u001b[0m SSO completed successfully',
      'Account: eticloud (626007623524)',
      '  [1] admin',
      '  [2] devops',
      '',
      'Account: eticloud-scratch (380642323071)',
      '  [3] admin',
      '? Select a role:',
    ].join('\n');
    expect(pairs(text)).toEqual(['eticloud 626007623524 admin', 'eticloud 626007623524 devops', 'eticloud-scratch 380642323071 admin']);
  });

  it('takes a name in parentheses right after the id for the alias, not for a role', () => {
    expect(pairs('Account: 626007623524 (eticloud)\n  admin\n  devops\n')).toEqual(['eticloud 626007623524 admin', 'eticloud 626007623524 devops']);
    expect(pairs('626007623524 (eticloud) admin\n380642323071 (scratch) devops\n')).toEqual(['eticloud 626007623524 admin', 'scratch 380642323071 devops']);
  });

  it('reads table rows with the id and the role on one line', () => {
    expect(pairs('NAME        ACCOUNT        ROLE\neticloud    626007623524   admin\nscratch     012345678901   devops\n')).toEqual([
      'eticloud 626007623524 admin', 'scratch 012345678901 devops',
    ]);
    expect(pairs('1) 626007623524 / admin\n2) 626007623524:devops\n')).toEqual(['- 626007623524 admin', '- 626007623524 devops']);
  });

  it('ignores ids that are not 12 digits, prose and duplicates', () => {
    expect(pairs('request 1234567890123 failed\nid 12345\nSelect the role you want to assume:\narn:aws:iam::626007623524:role/admin\narn:aws:iam::626007623524:role/admin\n')).toEqual(['- 626007623524 admin']);
    expect(parseListing('')).toEqual([]);
  });

  it('names profiles by alias, alias-role, or account-role, avoiding names in use', () => {
    const listed = parseListing('Account: eticloud (626007623524)\n  admin\n  devops\nAccount: scratch (380642323071)\n  admin\narn:aws:iam::111111111111:role/admin\n');
    expect([...proposeNames(listed, new Set(['scratch'])).values()]).toEqual(['eticloud-admin', 'eticloud-devops', 'scratch-2', '111111111111-admin']);
  });
});
