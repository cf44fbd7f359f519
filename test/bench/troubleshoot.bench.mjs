// troubleshoot over a big paste: the knowledge base's patterns run over everything the user gives
// (up to 8 MB, MAX_LOG_BYTES), so each must stay linear. Two logs just under the limit: realistic
// mixed output (aws --debug-like lines, brew, gpg, paths, JSON) with one known failure at the end,
// and an adversarial one (the long unbroken runs of word characters, dots, slashes, quotes and
// colons that made the quadratic patterns take hours). Reported beside `node -e 0`; no target
// ratio (the figure is for the README), the ceiling is the regression test's business.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

// 1 MB by default (TB_SIZE=8388000 for the full limit: about 40 s today, see the lead's report).
const SIZE = Number(process.env.TB_SIZE ?? 1024 * 1024);

function realistic() {
  const lines = [
    '2026-12-07 10:00:01,123 - MainThread - botocore.endpoint - DEBUG - Making request for OperationModel(name=GetCallerIdentity) with params: {"url_path": "/", "query_string": "", "method": "POST"}',
    '==> Fetching downloads for: duo-sso',
    '/opt/homebrew/Library/Taps/homebrew/homebrew-core/Formula/d/duo-sso.rb: line 12: ok',
    'gpg: encrypted with rsa3072 key, ID 0x1234ABCD5678EF90, created 2026-01-01',
    '{"level":"info","ts":"2026-12-07T10:00:02Z","msg":"assuming role","role":"arn:aws:iam::123456789012:role/admin"}',
    'ab.ab.ab.ab.ab.ab.ab.ab.ab.ab.ab.ab.ab.ab.ab.ab.ab.ab.ab.ab.ab.ab.ab.ab.ab.ab.ab.ab.ab.ab.ab.ab.ab.ab.ab.ab',
    '  File "/usr/lib/python3/dist-packages/awscli/clidriver.py", line 460, in main: a: b: c',
  ];
  let out = '';
  for (let i = 0; out.length < SIZE; i++) out += `${lines[i % lines.length]}\n`;
  return `${out.slice(0, SIZE)}\nAn error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired\n`;
}

function adversarial() {
  const units = ['ab.', 'a/', '“a', 'a: ', '-a', '1.', 'a'];
  const part = Math.floor(SIZE / units.length);
  return units.map((u) => u.repeat(Math.ceil(part / u.length)).slice(0, part)).join('\n');
}

export const targets = [];

export function cases({ node, cli, home }) {
  const mixed = join(home, 'big-mixed.log');
  const attack = join(home, 'big-adversarial.log');
  writeFileSync(mixed, realistic());
  writeFileSync(attack, adversarial());
  return {
    'troubleshoot big mixed log': [node, cli, 'troubleshoot', '--file', mixed],
    'troubleshoot big adversarial log': [node, cli, 'troubleshoot', '--file', attack],
  };
}
