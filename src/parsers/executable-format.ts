// Whether a file is a program this machine can run, read from its first bytes, before anything
// executes it: `install duo-sso --from /etc/hostname` ran a text file as a shell script to ask
// its version (issue 20). ELF (Linux), Mach-O (macOS, thin or universal) and PE (Windows) are
// told apart by their magic numbers, and the CPU by the header's machine field. Pure.

/** How many leading bytes the check needs (PE's header may sit a little way in). */
export const HEADER_BYTES = 4096;

export type Verdict =
  | { ok: true; format: string }
  | { ok: false; why: string };

// ELF e_machine values (System V ABI) and Mach-O / PE machine types, by Node's process.arch.
const ELF_MACHINES: Readonly<Record<number, string>> = { 3: 'ia32', 40: 'arm', 62: 'x64', 183: 'arm64', 243: 'riscv64', 21: 'ppc64', 22: 's390x' };
const MACHO_CPUS: Readonly<Record<number, string>> = { 0x7: 'ia32', 0x01000007: 'x64', 0xc: 'arm', 0x0100000c: 'arm64', 0x12: 'ppc', 0x01000012: 'ppc64' };
const PE_MACHINES: Readonly<Record<number, string>> = { 0x14c: 'ia32', 0x8664: 'x64', 0xaa64: 'arm64', 0x1c4: 'arm' };
const FORMAT_OF_OS: Readonly<Record<string, string>> = { linux: 'ELF', darwin: 'Mach-O', win32: 'PE', freebsd: 'ELF', openbsd: 'ELF', netbsd: 'ELF', sunos: 'ELF', aix: 'XCOFF' };

function describe(format: string, arch: string | undefined): string {
  return `${format} ${arch ?? 'for an unknown CPU'}`;
}

/** What `head` is: a format and CPU, or a script; undefined when it is none of these. */
export function identify(head: Uint8Array): { format: 'ELF' | 'Mach-O' | 'PE' | 'script'; archs: (string | undefined)[]; interpreter?: string } | undefined {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const u32 = (at: number, little: boolean) => (at + 4 <= head.length ? view.getUint32(at, little) : undefined);
  const u16 = (at: number, little: boolean) => (at + 2 <= head.length ? view.getUint16(at, little) : undefined);
  if (head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46) {
    const machine = u16(18, head[5] !== 2);
    return { format: 'ELF', archs: [machine === undefined ? undefined : ELF_MACHINES[machine]] };
  }
  const magicLE = u32(0, true);
  if (magicLE === 0xfeedfacf || magicLE === 0xfeedface) {
    const cpu = u32(4, true);
    return { format: 'Mach-O', archs: [cpu === undefined ? undefined : MACHO_CPUS[cpu]] };
  }
  // A universal binary: big-endian, a handful of architectures. (Java class files share the
  // magic; their next word is a version in the forties or more.)
  if (u32(0, false) === 0xcafebabe) {
    const count = u32(4, false) ?? 0;
    if (count > 0 && count < 20) {
      const archs = Array.from({ length: count }, (_, i) => {
        const cpu = u32(8 + i * 20, false);
        return cpu === undefined ? undefined : MACHO_CPUS[cpu];
      });
      return { format: 'Mach-O', archs };
    }
    return undefined;
  }
  if (head[0] === 0x4d && head[1] === 0x5a) {
    const at = u32(0x3c, true);
    if (at !== undefined && u32(at, true) === 0x00004550) {
      const machine = u16(at + 4, true);
      return { format: 'PE', archs: [machine === undefined ? undefined : PE_MACHINES[machine]] };
    }
    return undefined;
  }
  if (head[0] === 0x23 && head[1] === 0x21) {
    const line = new TextDecoder().decode(head.subarray(2, Math.min(head.length, 256))).split('\n')[0]!.trim();
    return { format: 'script', archs: [], interpreter: line };
  }
  return undefined;
}

/** Whether `head` (the file's first HEADER_BYTES) is a program for `os`/`arch` (Node's names). */
export function checkExecutable(head: Uint8Array, os: string, arch: string): Verdict {
  const wanted = FORMAT_OF_OS[os] ?? 'ELF';
  const found = identify(head);
  if (!found) {
    const text = head.length > 0 && head.subarray(0, 512).every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 128);
    return { ok: false, why: `it is not a program (${head.length === 0 ? 'an empty file' : text ? 'text' : 'unknown data'}, not an ${wanted} executable)` };
  }
  if (found.format === 'script') {
    // A `#!` script runs on Unix like a program (the kernel starts its interpreter); Windows
    // runs none. Not a release binary, but a legitimate local wrapper.
    if (os === 'win32') return { ok: false, why: `it is a script (#!${found.interpreter}), which Windows does not run; a PE executable is needed` };
    return { ok: true, format: `a script (#!${found.interpreter})` };
  }
  if (found.format !== wanted) return { ok: false, why: `it is an executable for another OS (${describe(found.format, found.archs[0])}): this machine (${os}) runs ${wanted}` };
  if (!found.archs.includes(arch)) {
    const cpus = found.archs.map((a) => a ?? 'an unknown CPU').join(', ');
    return { ok: false, why: `it is built for ${cpus}, and this machine is ${arch}` };
  }
  return { ok: true, format: describe(found.format, arch) };
}
