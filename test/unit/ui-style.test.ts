import { describe, expect, it } from 'vitest';
import { detectStyle, paint } from '../../src/ui/style.js';

describe('detectStyle', () => {
  it.each<[string, Record<string, string>, boolean, { noColor?: boolean }, boolean]>([
    ['a terminal', {}, true, {}, true],
    ['not a terminal', {}, false, {}, false],
    ['NO_COLOR=1', { NO_COLOR: '1' }, true, {}, false],
    ['NO_COLOR=0 (any value counts)', { NO_COLOR: '0' }, true, {}, false],
    // no-color.org: "when present and not an empty string".
    ['NO_COLOR= (empty)', { NO_COLOR: '' }, true, {}, true],
    ['--no-color', {}, true, { noColor: true }, false],
    ['--no-color beats FORCE_COLOR', { FORCE_COLOR: '1' }, true, { noColor: true }, false],
    ['FORCE_COLOR off a terminal', { FORCE_COLOR: '1' }, false, {}, true],
    ['FORCE_COLOR=0', { FORCE_COLOR: '0' }, false, {}, false],
    ['TERM=dumb', { TERM: 'dumb' }, true, {}, false],
  ])('%s', (_name, env, isTTY, opts, color) => {
    expect(detectStyle(env, isTTY, { ...opts, platform: 'linux' }).color).toBe(color);
  });

  it('uses Unicode only with a UTF-8 locale on Linux', () => {
    expect(detectStyle({ LANG: 'C.UTF-8' }, false, { platform: 'linux' }).unicode).toBe(true);
    expect(detectStyle({ LANG: 'C' }, false, { platform: 'linux' }).unicode).toBe(false);
    expect(detectStyle({ LC_ALL: 'en_US.utf8', LANG: 'C' }, false, { platform: 'linux' }).unicode).toBe(true);
  });

  it('paints only with colour on', () => {
    expect(paint({ color: false, unicode: true }, 'red', 'x')).toBe('x');
    expect(paint({ color: true, unicode: true }, 'red', 'x')).toBe('\u001b[31mx\u001b[39m');
  });
});
