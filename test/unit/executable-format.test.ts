// Check before you run (issue 20 Build 7): what a --from file is, from its first bytes, for
// each OS and CPU. Real binaries of this machine where they exist; headers built from the
// formats' specifications (ELF gABI, Mach-O loader.h, PE/COFF) for the others.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkExecutable, identify } from '../../src/parsers/executable-format.js';

function elf(machine: number, opts: { bigEndian?: boolean } = {}): Uint8Array {
  const b = new Uint8Array(64);
  b.set([0x7f, 0x45, 0x4c, 0x46, 2, opts.bigEndian ? 2 : 1, 1]);
  new DataView(b.buffer).setUint16(18, machine, !opts.bigEndian);
  return b;
}
function macho(cpu: number): Uint8Array {
  const b = new Uint8Array(32);
  const v = new DataView(b.buffer);
  v.setUint32(0, 0xfeedfacf, true);
  v.setUint32(4, cpu, true);
  return b;
}
function universal(cpus: number[]): Uint8Array {
  const b = new Uint8Array(8 + cpus.length * 20);
  const v = new DataView(b.buffer);
  v.setUint32(0, 0xcafebabe, false);
  v.setUint32(4, cpus.length, false);
  cpus.forEach((cpu, i) => v.setUint32(8 + i * 20, cpu, false));
  return b;
}
function pe(machine: number): Uint8Array {
  const b = new Uint8Array(256);
  const v = new DataView(b.buffer);
  b.set([0x4d, 0x5a]);
  v.setUint32(0x3c, 0x80, true);
  v.setUint32(0x80, 0x00004550, true);
  v.setUint16(0x84, machine, true);
  return b;
}
const text = (s: string) => new TextEncoder().encode(s);

describe('checkExecutable', () => {
  it('this machine\'s own programs pass (a real ELF for this CPU)', () => {
    const head = new Uint8Array(readFileSync('/bin/sh').subarray(0, 4096));
    expect(checkExecutable(head, 'linux', process.arch)).toEqual({ ok: true, format: `ELF ${process.arch}` });
  });

  it.each([
    ['a text file (/etc/hostname)', text('build-host\n'), 'linux', 'x64', 'it is not a program (text, not an ELF executable)'],
    ['an empty file', new Uint8Array(0), 'linux', 'x64', 'it is not a program (an empty file, not an ELF executable)'],
    ['a gzip archive', new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xfe]), 'linux', 'x64', 'it is not a program (unknown data, not an ELF executable)'],
    ['an arm64 ELF on x64', elf(183), 'linux', 'x64', 'it is built for arm64, and this machine is x64'],
    ['an x64 ELF on arm64', elf(62), 'linux', 'arm64', 'it is built for x64, and this machine is arm64'],
    ['a big-endian s390x ELF', elf(22, { bigEndian: true }), 'linux', 'x64', 'it is built for s390x, and this machine is x64'],
    ['a Mach-O on Linux', macho(0x0100000c), 'linux', 'arm64', 'it is an executable for another OS (Mach-O arm64): this machine (linux) runs ELF'],
    ['a Windows .exe on Linux', pe(0x8664), 'linux', 'x64', 'it is an executable for another OS (PE x64): this machine (linux) runs ELF'],
    ['an ELF on macOS', elf(183), 'darwin', 'arm64', 'it is an executable for another OS (ELF arm64): this machine (darwin) runs Mach-O'],
    ['an Intel-only Mach-O on Apple silicon', macho(0x01000007), 'darwin', 'arm64', 'it is built for x64, and this machine is arm64'],
    ['an arm64 .exe on x64 Windows', pe(0xaa64), 'win32', 'x64', 'it is built for arm64, and this machine is x64'],
    ['a script on Windows', text('#!/bin/sh\necho hi\n'), 'win32', 'x64', 'it is a script (#!/bin/sh), which Windows does not run; a PE executable is needed'],
  ])('refuses %s', (_name, head, os, arch, why) => {
    expect(checkExecutable(head, os, arch)).toEqual({ ok: false, why });
  });

  it.each([
    ['an x64 ELF on x64 Linux', elf(62), 'linux', 'x64', 'ELF x64'],
    ['an arm64 Mach-O on Apple silicon', macho(0x0100000c), 'darwin', 'arm64', 'Mach-O arm64'],
    ['a universal Mach-O on either Mac', universal([0x01000007, 0x0100000c]), 'darwin', 'x64', 'Mach-O x64'],
    ['an x64 .exe on Windows', pe(0x8664), 'win32', 'x64', 'PE x64'],
    ['a #! script on Linux (a local wrapper)', text('#!/bin/sh\nexec duo-sso "$@"\n'), 'linux', 'x64', 'a script (#!/bin/sh)'],
  ])('accepts %s', (_name, head, os, arch, format) => {
    expect(checkExecutable(head, os, arch)).toEqual({ ok: true, format });
  });

  it('a Java class file is not a universal binary (same magic, a version where the count would be)', () => {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setUint32(0, 0xcafebabe, false);
    new DataView(b.buffer).setUint32(4, 0x00000034, false);
    expect(identify(b)).toBeUndefined();
  });

  it('a truncated header is a verdict, not a crash', () => {
    const heads = [elf(62).subarray(0, 10), macho(7).subarray(0, 5), pe(0x8664).subarray(0, 0x40), universal([7, 12]).subarray(0, 12)];
    // Each says what the bytes it has show: the ELF's machine field and the Mach-O's CPU are
    // cut off, the PE header is past the end, the universal binary's first CPU is whole.
    expect(heads.map((head) => checkExecutable(head, 'linux', 'x64'))).toEqual([
      { ok: false, why: 'it is built for an unknown CPU, and this machine is x64' },
      { ok: false, why: 'it is an executable for another OS (Mach-O for an unknown CPU): this machine (linux) runs ELF' },
      { ok: false, why: 'it is not a program (unknown data, not an ELF executable)' },
      { ok: false, why: 'it is an executable for another OS (Mach-O ia32): this machine (linux) runs ELF' },
    ]);
  });
});
