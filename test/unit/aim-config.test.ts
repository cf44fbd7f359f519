import { describe, expect, it } from 'vitest';
import { aimAtConfig } from '../../src/ui/aim-config.js';

describe('aimAtConfig', () => {
  it('puts --config PATH (quoted for a shell) after every suggested duo-sso-setup command', () => {
    expect(aimAtConfig('Create it: duo-sso-setup config init, then duo-sso-setup login', '/tmp/my config.json'))
      .toBe("Create it: duo-sso-setup --config '/tmp/my config.json' config init, then duo-sso-setup --config '/tmp/my config.json' login");
  });
  it('leaves text alone without --config, when it already names one, and a file name that only starts like ours', () => {
    expect(aimAtConfig('duo-sso-setup config init', undefined)).toBe('duo-sso-setup config init');
    expect(aimAtConfig('Log in without --config: duo-sso-setup login', '/x.json')).toBe('Log in without --config: duo-sso-setup login');
    expect(aimAtConfig('see ./duo-sso-setup-report-1.tar.gz', '/x.json')).toBe('see ./duo-sso-setup-report-1.tar.gz');
  });
});
