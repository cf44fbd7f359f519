// Issue 18: messages are matched as the emitting program printed them, whatever pasting did to
// them on the way (colour codes, smart quotes, non-breaking spaces, JSON or %q quoting).
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/knowledge/index.js';
import { normaliseNoise } from '../../src/knowledge/noise.js';

const ids = (text: string) => diagnose(text).map((d) => d.id);

describe('normaliseNoise', () => {
  it('drops terminal colour codes (brew and npm colour their "Error:")', () => {
    const coloured = '\x1b[31mError\x1b[0m: Cannot install in Homebrew on ARM processor in Intel default prefix (/usr/local)!';
    expect(normaliseNoise(coloured)).toBe('Error: Cannot install in Homebrew on ARM processor in Intel default prefix (/usr/local)!');
    expect(ids(coloured)).toEqual(['brew-wrong-prefix']);
  });

  it('straightens typographic quotes, so "can’t" matches what gpg printed as "can\'t"', () => {
    expect(normaliseNoise('gpg: can’t connect to the agent: IPC connect call failed')).toBe("gpg: can't connect to the agent: IPC connect call failed");
    expect(ids('gpg: can’t connect to the agent: IPC connect call failed')).toEqual(['gpg-agent-unavailable']);
    expect(ids('Error: Tap ats-operations/homebrew-tap already tapped.\nRun “brew tap-info”')).toEqual(['brew-tap-already-tapped']);
  });

  it('turns non-breaking spaces into spaces', () => {
    expect(ids('gpg: decryption failed:\u00a0No secret key')).toEqual(['gpg-no-secret-key']);
  });

  it('unescapes a message logged as one quoted line (\\n and \\" escapes)', () => {
    const logged = 'level=error msg="failed to get item: exit status 2: gpg: public key decryption failed: No pinentry\\ngpg: decryption failed: No secret key\\n"';
    expect(normaliseNoise(logged)).toContain('No pinentry\ngpg: decryption failed');
    // Locked, not missing: the "No pinentry" line decides, as it does unquoted.
    expect(ids(logged)).toEqual(['gpg-key-locked']);
    expect(ids('exec: \\"pass\\": executable file not found in $PATH')).toEqual(['pass-missing']);
  });

  it('leaves a Windows path\'s backslashes alone (\\node_modules is not a line break)', () => {
    const text = "npm ERR! Error: EPERM: operation not permitted, rename 'C:\\Users\\jdoe\\AppData\\Roaming\\npm\\node_modules\\duo-sso-setup'";
    expect(normaliseNoise(text)).toBe(text);
    expect(diagnose(text)[0]!.facts.path).toBe('C:\\Users\\jdoe\\AppData\\Roaming\\npm\\node_modules\\duo-sso-setup');
  });

  it('reads Windows line ends and e-mail/markdown quoting as plain lines', () => {
    // "$" in an entry's pattern must match before \r; a quoted "> Password encryption aborted." is pass's own line.
    expect(normaliseNoise('a\r\nb\rc')).toBe('a\nb\nc');
    expect(ids('Error: Failed to download resource "duo-sso"\r\nDownload failed: https://example.com/x.tar.gz\r\n')).toEqual(['brew-download-failed']);
    expect(normaliseNoise('> gpg: decryption failed: No secret key\n>\n> more')).toBe('gpg: decryption failed: No secret key\n>\nmore');
    expect(ids('> Password encryption aborted.')).toEqual(['pass-encryption-failed']);
  });

  it('leaves text with real line breaks as it is (its \\n escapes may be literal)', () => {
    const text = 'line one\nprintf "a\\nb"';
    expect(normaliseNoise(text)).toBe(text);
  });
});
