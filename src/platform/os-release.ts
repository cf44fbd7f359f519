// Parses /etc/os-release (freedesktop format) and picks the distro's package manager.

export type PackageManager = 'apt' | 'dnf' | 'yum' | 'pacman' | 'zypper' | 'apk';

export interface Distro {
  id: string;
  idLike: string[];
  name: string;
  version: string | undefined;
}

export function parseOsRelease(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    let value = line.slice(eq + 1).trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
      value = value.slice(1, -1);
      if (quote === '"') value = value.replace(/\\(["\\`$])/g, '$1');
    }
    fields[line.slice(0, eq)] = value;
  }
  return fields;
}

export function distroFromOsRelease(text: string): Distro | undefined {
  const f = parseOsRelease(text);
  if (!f.ID) return undefined;
  return {
    id: f.ID.toLowerCase(),
    idLike: (f.ID_LIKE ?? '').toLowerCase().split(/\s+/).filter(Boolean),
    name: f.PRETTY_NAME ?? f.NAME ?? f.ID,
    version: f.VERSION_ID,
  };
}

const FAMILY: [PackageManager, string[]][] = [
  ['apt', ['debian', 'ubuntu', 'linuxmint', 'pop', 'raspbian', 'kali', 'elementary']],
  ['dnf', ['fedora', 'rhel', 'centos', 'rocky', 'almalinux', 'amzn', 'ol']],
  ['pacman', ['arch', 'manjaro', 'endeavouros']],
  ['zypper', ['opensuse', 'opensuse-leap', 'opensuse-tumbleweed', 'suse', 'sles']],
  ['apk', ['alpine']],
];

/**
 * The distro's package manager. Old RHEL-family releases (7 and earlier) have yum only;
 * `available` lets the caller say which manager binaries actually exist.
 */
export function packageManagerFor(distro: Distro, available?: (name: string) => boolean): PackageManager | undefined {
  for (const id of [distro.id, ...distro.idLike]) {
    for (const [pm, ids] of FAMILY) {
      if (!ids.includes(id)) continue;
      if (pm === 'dnf' && available && !available('dnf') && available('yum')) return 'yum';
      if (pm === 'dnf' && !available && distro.version && Number.parseInt(distro.version, 10) <= 7 && ['rhel', 'centos', 'ol'].includes(distro.id)) return 'yum';
      return pm;
    }
  }
  return undefined;
}
