import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getSection, isSectionName, setValues } from '../../src/aws/ini.js';

describe('INI section names', () => {
  it.each(['x]y', 'a[b', 'x\ny', ' dev', 'dev ', ''])('%j is never written as a section header', (name) => {
    expect(isSectionName(name)).toBe(false);
    expect(() => setValues('[default]\nregion = eu-west-1\n', name, { aws_access_key_id: 'AKIA' })).toThrow(/refusing to write INI section/);
  });

  it('any name it accepts reads back as exactly that section', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 20 }).filter(isSectionName), (name) => {
      const text = setValues('[default]\nregion = eu-west-1\n', name, { aws_access_key_id: 'AKIAX' });
      expect(getSection(text, name)).toEqual({ aws_access_key_id: 'AKIAX' });
    }), { numRuns: 500 });
  });
});
