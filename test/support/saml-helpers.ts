// What the saml tests share: a fixed "now", times relative to it, a plain style, and a
// helper that expects a UserError (inspect's refusals) and returns it for its message.
import { expect } from 'vitest';
import { UserError } from '../../src/errors.js';

export const NOW = new Date('2026-11-26T10:00:00Z');
export const at = (seconds: number): Date => new Date(NOW.getTime() + seconds * 1000);
export const PLAIN = { color: false, unicode: false };

export function fails(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected a UserError');
}
