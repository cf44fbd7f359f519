// `aws --version` prints e.g. "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64.ubuntu.22"
// (v2, stdout) or "aws-cli/1.29.0 Python/3.11.7 Linux/6.1 botocore/1.31.0" (v1, stdout or
// stderr depending on the Python version).

export interface AwsCliVersion {
  version: string;
  major: number;
  /** How it was built, when v2 says so: exe (official installer), source (distro package), … */
  distribution: string | undefined;
}

export function parseAwsVersion(text: string): AwsCliVersion | undefined {
  const m = /aws-cli\/(\d+)\.(\d+)\.(\d+)/.exec(text);
  if (!m) return undefined;
  const dist = /\s(exe|source|sandbox)\/[^\s]+/.exec(text);
  return { version: `${m[1]}.${m[2]}.${m[3]}`, major: Number(m[1]), distribution: dist?.[1] };
}
