import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultDestination, endpointsFor, loginUrl, parseSigninToken, partitionOf, signinTokenUrl } from '../../src/console/federation.js';
import { openerFor } from '../../src/console/open-url.js';

describe('federation URLs', () => {
  it('follows the partition of the region', () => {
    expect(partitionOf('us-east-1')).toBe('aws');
    expect(partitionOf(undefined)).toBe('aws');
    expect(partitionOf('cn-north-1')).toBe('aws-cn');
    expect(partitionOf('us-gov-west-1')).toBe('aws-us-gov');
    expect(endpointsFor('aws-cn').federation).toBe('https://signin.amazonaws.cn/federation');
    expect(endpointsFor('aws-us-gov').federation).toBe('https://signin.amazonaws-us-gov.com/federation');
    expect(defaultDestination('aws-us-gov', 'us-gov-west-1')).toBe('https://console.amazonaws-us-gov.com/console/home?region=us-gov-west-1');
    expect(defaultDestination('aws', undefined)).toBe('https://console.aws.amazon.com/');
  });

  it('the Session document and the login parameters survive any characters', () => {
    fc.assert(fc.property(fc.string(), fc.string(), fc.string(), fc.webUrl(), (id, key, token, destination) => {
      const u = new URL(signinTokenUrl('https://signin.aws.amazon.com/federation', { accessKeyId: id, secretAccessKey: key, sessionToken: token }));
      expect(u.searchParams.get('Action')).toBe('getSigninToken');
      expect(JSON.parse(u.searchParams.get('Session')!)).toEqual({ sessionId: id, sessionKey: key, sessionToken: token });
      const l = new URL(loginUrl('https://signin.aws.amazon.com/federation', token, destination));
      expect([l.searchParams.get('Action'), l.searchParams.get('SigninToken'), l.searchParams.get('Destination')]).toEqual(['login', token, destination]);
    }), { numRuns: 200 });
  });

  it('reads the SigninToken, and nothing from a page that is not the answer', () => {
    expect(parseSigninToken('{"SigninToken":"abc"}')).toBe('abc');
    expect(parseSigninToken('<html>Bad Request</html>')).toBeUndefined();
    expect(parseSigninToken('{"SigninToken":""}')).toBeUndefined();
  });

  it('opens the browser the platform\'s way, the URL as one argument; no desktop, no opener', () => {
    const url = 'https://x/?a=1&b=2';
    expect(openerFor('darwin', {}, url)).toEqual({ file: 'open', args: [url] });
    expect(openerFor('win32', {}, url)).toEqual({ file: 'rundll32', args: ['url.dll,FileProtocolHandler', url] });
    expect(openerFor('linux', { DISPLAY: ':0' }, url)).toEqual({ file: 'xdg-open', args: [url] });
    expect(openerFor('linux', {}, url)).toBeUndefined();
    expect(openerFor('linux', { WSL_DISTRO_NAME: 'Ubuntu' }, url)).toEqual({ file: 'wslview', args: [url] });
  });
});

describe('plain http only on loopback', () => {
  it('127.0.0.0/8, ::1 and localhost are loopback; look-alikes are not', async () => {
    const { isLoopbackHost } = await import('../../src/console/console.js');
    for (const host of ['127.0.0.1', '127.255.0.9', '[::1]', '::1', 'localhost', 'LOCALHOST']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['128.0.0.1', '127.0.0.1.example.com', 'localhost.example.com', '10.0.0.1', '[::2]', '127.0.0.256', 'example.com', '0.0.0.0']) expect(isLoopbackHost(host), host).toBe(false);
    for (const url of ['http://127.0.0.1:8080/f', 'http://[::1]/f', 'http://localhost/f']) expect(isLoopbackHost(new URL(url).hostname), url).toBe(true);
  });
});
