// Our own ~/.aws edge cases: one or more per reading rule of the model (docs/credentials.md)
// and per case in issue 10's "Why". Each is a config/credentials pair; the differential
// test checks that the model sees what botocore sees, the migrate tests use them too.
import type { FilePair } from './botocore-oracle.js';

export interface EdgeCase {
  name: string;
  pair: FilePair;
}

const KEYS = 'aws_access_key_id = ASIAEDGE\naws_secret_access_key = edgesecret\naws_session_token = edgetoken\n';
const latin1 = (s: string) => Buffer.from(s, 'latin1');

export const EDGE_CASES: EdgeCase[] = [
  // Section names in config: shlex.split of the header.
  { name: 'profile "dev" (quoted)', pair: { config: '[profile "dev"]\nregion = eu-west-1\noutput = json\n', credentials: `[dev]\n${KEYS}` } },
  { name: 'profile  dev (two spaces)', pair: { config: '[profile  dev]\nregion = eu-west-1\n', credentials: `[dev]\n${KEYS}` } },
  { name: 'profile<TAB>dev', pair: { config: '[profile\tdev]\nregion = eu-west-1\n', credentials: `[dev]\n${KEYS}` } },
  { name: "profile 'my dev' (single quotes, a space)", pair: { config: "[profile 'my dev']\nregion = x\n" } },
  { name: 'profile a b (three words: not a profile)', pair: { config: '[profile a b]\nregion = x\n' } },
  { name: 'profile "unclosed (shlex error: not a profile)', pair: { config: '[profile "dev]\nregion = x\n' } },
  { name: 'profilefoo bar (starts with "profile")', pair: { config: '[profilefoo bar]\nregion = x\n' } },
  { name: 'profile alone', pair: { config: '[profile]\nregion = x\n' } },
  { name: '[ dev ] and [ profile foo ] are not dev/foo', pair: { config: '[ profile foo ]\nregion = x\n', credentials: `[ dev ]\n${KEYS}` } },
  { name: 'profile \\"x\\" escapes', pair: { config: '[profile a\\ b]\nregion = x\n[profile "c\\"d"]\nregion = y\n' } },
  // default vs profile default: the later section wins.
  { name: '[default] then [profile default]', pair: { config: '[default]\nregion = a\n[profile default]\nregion = b\n' } },
  { name: '[profile default] then [default]', pair: { config: '[profile default]\nregion = b\n[default]\nregion = a\n' } },
  { name: '[profile default] alone', pair: { config: '[profile default]\nregion = b\n', credentials: `[default]\n${KEYS}` } },
  { name: '[profile dev] and [profile "dev"]: the later wins', pair: { config: '[profile dev]\nregion = a\noutput = json\n[profile "dev"]\nregion = b\n' } },
  // Option names, delimiters, case.
  { name: 'CREDENTIAL_PROCESS upper case', pair: { config: '[profile dev]\nCREDENTIAL_PROCESS = /bin/other --x\n' } },
  { name: 'Credential_Process mixed case', pair: { config: '[profile dev]\nCredential_Process = /bin/other\n' } },
  { name: 'credential_process: colon delimiter', pair: { config: '[profile dev]\ncredential_process: /bin/other "a b"\n' } },
  { name: 'ours beside CREDENTIAL_PROCESS: duplicate option, whole file broken', pair: { config: '[profile dev]\nCREDENTIAL_PROCESS = /bin/other\ncredential_process = /bin/ours\n' } },
  { name: 'key: value and upper-case keys in credentials', pair: { credentials: '[dev]\nAWS_ACCESS_KEY_ID: ASIAUP\nAws_Secret_Access_Key : sec\nAws_Session_Token=tok\n' } },
  { name: 'first delimiter wins (a=b:c, a:b=c)', pair: { config: '[default]\na=b:c\nd:e=f\n' } },
  { name: 'empty value, value with spaces inside', pair: { config: '[default]\na =\nb =  x  y  \n' } },
  { name: 'inline ; and # are part of the value', pair: { config: '[default]\nregion = us-east-1 ; comment\noutput = json # comment\n' } },
  // Token precedence.
  { name: 'aws_security_token before aws_session_token', pair: { credentials: '[dev]\naws_access_key_id = A\naws_secret_access_key = S\naws_session_token = session\naws_security_token = security\n' } },
  { name: 'only aws_security_token', pair: { credentials: '[dev]\naws_access_key_id = A\naws_secret_access_key = S\naws_security_token = security\n' } },
  { name: 'partial: no secret', pair: { credentials: '[dev]\naws_access_key_id = A\n' } },
  { name: 'secret without id: no credentials', pair: { credentials: '[dev]\naws_secret_access_key = S\n' } },
  // Continuation lines and blank lines in values.
  { name: 'indented continuation of the token', pair: { credentials: '[dev]\naws_access_key_id = A\naws_secret_access_key = S\naws_session_token = A1\n    B2\n' } },
  { name: 'continuation after a blank line', pair: { credentials: '[dev]\naws_access_key_id = A\naws_session_token = T\n\n   more\naws_secret_access_key = S\n' } },
  { name: 'continuation after a comment line', pair: { config: '[default]\na = 1\n# c\n  2\n' } },
  { name: 'nested s3 block', pair: { config: '[default]\ns3 =\n  max_concurrent_requests = 10\n  addressing_style = path\nregion = x\n' } },
  { name: 'nested block without = (parse error)', pair: { config: '[default]\ns3 =\n  nonsense\n' } },
  { name: 'indented header after an option is a continuation', pair: { config: '[a]\nx = 1\n  [b]\n  y = 2\n' } },
  { name: 'indented option then deeper header', pair: { config: '  [a]\n  x = 1\n  [b]\n  y = 2\n' } },
  // Comments.
  { name: '# and ; comment lines, indented comments', pair: { config: '# top\n; top\n[default]\n  # indented\nregion = x\n ; also\n' } },
  // Duplicates and other parse errors.
  { name: 'duplicate section', pair: { credentials: '[dev]\na = 1\n[dev]\nb = 2\n' } },
  { name: 'duplicate option across delimiters and case', pair: { credentials: '[dev]\nRegion = 1\nregion: 2\n' } },
  { name: 'line without delimiter', pair: { config: '[default]\njust words\n' } },
  { name: 'option before any section', pair: { config: 'region = x\n[default]\n' } },
  { name: 'empty option name', pair: { config: '[default]\n= x\n' } },
  // [DEFAULT] is inherited by every section.
  { name: '[DEFAULT] inherited', pair: { config: '[DEFAULT]\nregion = d\n[profile dev]\noutput = json\n[default]\nregion = own\n', credentials: '[DEFAULT]\naws_access_key_id = FROMDEFAULT\n[dev]\naws_secret_access_key = S\n' } },
  { name: '[DEFAULT] twice', pair: { config: '[DEFAULT]\na = 1\n[DEFAULT]\nb = 2\n[default]\n' } },
  // Line endings, BOM, encodings.
  { name: 'CRLF', pair: { config: '[profile dev]\r\nregion = x\r\n', credentials: `[dev]\r\n${KEYS.replace(/\n/g, '\r\n')}` } },
  { name: 'CR only', pair: { config: '[profile dev]\rregion = x\r', credentials: `[dev]\r${KEYS.replace(/\n/g, '\r')}` } },
  { name: 'mixed endings, no final newline', pair: { config: '[default]\r\nregion = a\n[profile dev]\rregion = b', credentials: `[dev]\n${KEYS.trimEnd()}` } },
  { name: 'BOM: botocore fails', pair: { config: '\ufeff[default]\nregion = x\n' } },
  { name: 'Latin-1 é in a comment: not UTF-8, botocore fails', pair: { config: latin1('[default]\n# caf\xe9\nregion = x\n') } },
  { name: 'Latin-1 é in credentials', pair: { config: '[default]\n', credentials: latin1('# caf\xe9\n[dev]\naws_access_key_id = A\naws_secret_access_key = S\n') } },
  { name: 'UTF-8 é in a value and a section name', pair: { config: '[profile café]\nregion = é\n' } },
  { name: 'unicode spaces: NBSP, U+2028, \\x1c around values', pair: { config: '[default]\na = \u00a0x\u00a0\nb = y\u2028z\nc = \x1cw\n' } },
  { name: 'vertical tab and form feed', pair: { config: '[default]\na = x\v\n\fb = y\n' } },
  // credential_process splitting.
  { name: "credential_process path with an apostrophe", pair: { config: `[profile dev]\ncredential_process = '/home/o'"'"'brien/node' "/opt/it's/cli.js" credential-process --profile dev\n` } },
  { name: 'credential_process Windows path with backslashes and quotes', pair: { config: '[profile dev]\ncredential_process = "C:\\Program Files\\nodejs\\node.exe" "C:\\x\\cli.js" credential-process --profile dev\n' } },
  { name: 'credential_process unclosed quote', pair: { config: '[profile dev]\ncredential_process = /bin/x "a\n' } },
  { name: 'credential_process empty', pair: { config: '[profile dev]\ncredential_process =\n' } },
  { name: 'credential_process in the credentials file', pair: { credentials: '[dev]\ncredential_process = /bin/x\n' } },
  // sso / role sources.
  { name: 'role_arn and sso_* profiles', pair: { config: '[profile r]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = dev\n[profile s]\nsso_start_url = https://x\nsso_region = us-east-1\n', credentials: `[r]\n${KEYS}[s]\n${KEYS}` } },
  // Expiry keys beside the keys.
  { name: 'expiration beside keys', pair: { credentials: `[dev]\n${KEYS}x_security_token_expires = 2020-01-01T00:00:00Z\n` } },
  { name: 'a profile name with a space in credentials', pair: { credentials: `[my profile]\n${KEYS}[dev]\n${KEYS}` } },
  { name: 'empty files', pair: { config: '', credentials: '' } },
  { name: 'only blank lines and comments', pair: { config: '\n\n# x\n', credentials: '   \n' } },
  { name: 'header with trailing text and brackets', pair: { config: '[profile a] ; comment\nx = 1\n[profile b]]\ny = 2\n[profile [c]\nz = 3\n' } },
  { name: '__proto__ names', pair: { config: '[profile __proto__]\n__proto__ = x\n', credentials: '[__proto__]\naws_access_key_id = A\naws_secret_access_key = S\n' } },
];
