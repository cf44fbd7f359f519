// The minisign public keys that may sign a duo-sso release's checksums.txt (as
// checksums.txt.minisig beside it; goreleaser's `signs:` with `cmd: minisign`). A release
// binary is installed or upgraded to only when its SHA-256 is in a checksums.txt signed by
// one of these, or given with --sha256. The list is in the code on purpose: no environment
// variable or file can add to it, so nothing planted on a machine can vouch for a download.
//
// The signature's trusted comment must name the release and the file, since the assets carry
// no version: `minisign -S -m checksums.txt -t "duo-sso vX.Y.Z checksums.txt"` (goreleaser:
// `args: ["-S", "-s", "{{ .Env.KEY }}", "-m", "${artifact}", "-t", "duo-sso {{ .Tag }} ${artifact}"]`);
// net/release-verify.ts refuses any other (an older release's signature served again).
//
// Empty until the duo-sso releases publish a signature: add the key's base64 line (the
// second line of `minisign -G`'s .pub file) here, with who holds it and where it was checked.
// Meanwhile `--sha256 HEX` (from the release page) is how a release is verified, and
// `--release-key KEY` passes a key for one run, printed in the plan.
export const DUO_SSO_RELEASE_KEYS: readonly string[] = [];
