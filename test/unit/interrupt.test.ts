// The interruption policy's pure parts: the summary line, the exit codes, and that hooks run
// once, at once when registered late, and never after they were released.
import { afterEach, describe, expect, it } from 'vitest';
import {
  InterruptedError, exitCodeFor, finalSummary, interrupt, interrupted, onInterrupt, recordChange, resetInterruptForTests, summaryLine, throwIfInterrupted,
} from '../../src/platform/interrupt.js';

afterEach(() => resetInterruptForTests());

describe('the summary line', () => {
  it('says nothing was changed when nothing was', () => {
    expect(summaryLine('t', 'SIGINT', [])).toBe('t: interrupted; nothing was changed.');
    expect(summaryLine('t', 'SIGTERM', [])).toBe('t: stopped by SIGTERM; nothing was changed.');
  });

  it('names what was changed, at most three things and a count, on one line', () => {
    expect(summaryLine('t', 'SIGINT', ['wrote a'])).toBe('t: interrupted; changed before stopping: wrote a; nothing else was changed.');
    const line = summaryLine('t', 'SIGINT', ['a', 'b', 'c', 'd', 'e']);
    expect(line).toBe('t: interrupted; changed before stopping: a, b, c, 2 more; nothing else was changed.');
    expect(line).not.toContain('\n');
  });

  it('is left to a child that printed its own, unless this run changed something itself', () => {
    interrupt('SIGINT', { childReported: true });
    expect(finalSummary('t')).toBeUndefined();
    recordChange('wrote a');
    expect(finalSummary('t')).toBe('t: interrupted; changed before stopping: wrote a; nothing else was changed.');
  });
});

describe('interrupt()', () => {
  it('128 + the signal number', () => {
    expect([exitCodeFor('SIGINT'), exitCodeFor('SIGTERM'), exitCodeFor('SIGHUP')]).toEqual([130, 143, 129]);
  });

  it('runs each registered hook once; the first signal wins; released hooks do not run', () => {
    const ran: string[] = [];
    onInterrupt(() => ran.push('a'));
    const release = onInterrupt(() => ran.push('b'));
    onInterrupt(() => {
      throw new Error('one failing hook does not stop the others');
    });
    onInterrupt(() => ran.push('c'));
    release();
    expect(interrupted()).toBeUndefined();
    interrupt('SIGTERM');
    interrupt('SIGINT');
    expect(ran).toEqual(['a', 'c']);
    expect(interrupted()).toBe('SIGTERM');
    expect(() => throwIfInterrupted()).toThrow(InterruptedError);
  });

  it('a hook registered after the interruption runs at once', () => {
    interrupt('SIGINT');
    let ran = false;
    onInterrupt(() => (ran = true));
    expect(ran).toBe(true);
  });
});
