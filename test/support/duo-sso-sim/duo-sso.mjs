#!/usr/bin/env node
// Imitates duo-sso (the Go CLI that does Duo SSO -> SAML -> STS AssumeRoleWithSAML and
// writes ~/.aws/credentials) closely enough for black-box tests: Go-style flags, the
// config.json it reads, the lines it prints, the STS call it makes (against the loopback
// STS stand-in) and the credentials file it writes. No Duo, no browser.
//
// The test controls it with a JSON knob file named by DUO_SSO_SIM_KNOBS:
//   stsEndpoint               STS URL (required)
//   version                   printed by --version (default v3.4.1)
//   user                      RoleSessionName / NameID (default jdoe@example.com)
//   grants                    [{account, role}] the SAML assertion grants (default: every configured profile)
//   firstRunCertificatePrompt fail until one run used -interactive (the browser's client-certificate prompt)
//   credentialsUnderDefault   write every profile's credentials under [default] (a reported duo-sso bug);
//                             'says-so': and print "saved for profile 'default'" too
//   expiredAssertionRuns      the first N runs present an assertion already past NotOnOrAfter
//   silent                    print none of the guide's ✔ lines (the real wording may differ)
//   approvalDelayMs           wait this long "for the Duo push to be approved" (pid in KNOBS.pid)
//   profileOrder              'config' (default) or 'reverse': the order profiles are processed in
//                             (the real one iterates a Go map, so the order is not guaranteed)
//   validateGrants            check each profile of the run against what the assertion grants before any
//                             STS call ("AWS Accounts / Roles validated"): one that is not granted stops the
//                             whole run, nothing saved, with a "... is not available to you" line (the
//                             wording seen by users; without this knob the refusal comes from STS instead,
//                             after the profiles before it were saved)
// Every run is appended to KNOBS.log (JSON lines: argv and outcome); run counters live in KNOBS.state.
// Assumption (unknown in the real tool): a profile's session_duration_seconds wins over
// -session-duration, which wins over the top-level session_duration_seconds (default 28800).
import { readFileSync, readSync, writeFileSync, appendFileSync, mkdirSync, existsSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

const BOOL_FLAGS = new Set(['interactive', 'debug', 'chrome-persistent', 'version', 'help', 'h']);
const VALUE_FLAGS = new Set(['session-duration', 'profile', 'factor', 'saml', 'duo-idp', 'set-aws-region', 'valid-session-threshold', 'device', 'config']);

function parseFlags(argv) {
  const flags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    const m = /^--?([^=]+)(?:=(.*))?$/.exec(arg);
    if (!m) break; // Go's flag package stops at the first non-flag argument.
    const [, name, inline] = m;
    if (BOOL_FLAGS.has(name)) {
      flags[name] = inline === undefined ? true : inline === 'true' || inline === '1';
    } else if (VALUE_FLAGS.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) usage(`flag needs an argument: -${name}`);
      flags[name] = value;
    } else {
      usage(`flag provided but not defined: -${name}`);
    }
  }
  return flags;
}

function usage(problem) {
  if (problem) process.stderr.write(`${problem}\n`);
  process.stderr.write('Usage of duo-sso:\n  -interactive\n    \tshow the browser\n  -profile string\n    \tprofile to log in\n  -session-duration int\n    \tsession duration in seconds (default 28800)\n');
  process.exit(2);
}

const knobsPath = process.env.DUO_SSO_SIM_KNOBS;
const knobs = knobsPath ? JSON.parse(readFileSync(knobsPath, 'utf8')) : {};
const statePath = knobsPath ? `${knobsPath}.state` : undefined;
const simState = statePath && existsSync(statePath) ? JSON.parse(readFileSync(statePath, 'utf8')) : { runs: 0, certificateSelected: false };
const flags = parseFlags(process.argv.slice(2));
if (knobs.silent) {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => (String(chunk).startsWith('✔') ? true : write(chunk, ...rest));
}
const outcome = { argv: process.argv.slice(2), saved: [], failed: undefined };

function finish(code) {
  if (statePath) writeFileSync(statePath, JSON.stringify(simState));
  if (knobsPath) appendFileSync(`${knobsPath}.log`, `${JSON.stringify({ ...outcome, exitCode: code })}\n`);
  process.exit(code);
}

if (flags.help || flags.h) usage();
if (flags.version) {
  process.stdout.write(`duo-sso ${knobs.version ?? 'v3.4.1'}\n`);
  process.exit(0);
}
simState.runs += 1;

const home = process.env.HOME ?? '';
const configPath = flags.config ?? join(home, '.config', 'duo-sso', 'config.json');
let config = {};
if (existsSync(configPath)) {
  try {
    config = JSON.parse(readFileSync(configPath, 'utf8'));
  } catch (error) {
    process.stderr.write(`Error: failed to read config ${configPath}: ${error.message}\n`);
    finish(1);
  }
}

if (knobs.firstRunCertificatePrompt && !simState.certificateSelected) {
  if (!flags.interactive) {
    process.stderr.write('Error: timed out waiting for SSO login: the browser is asking to select a client certificate. Run duo-sso -interactive once to answer it.\n');
    finish(1);
  }
  simState.certificateSelected = true;
}
if (knobs.approvalDelayMs) {
  // Waiting for the user to approve the Duo push; the pid lets a test check it was stopped.
  if (knobsPath) writeFileSync(`${knobsPath}.pid`, String(process.pid));
  process.stdout.write('Waiting for Duo approval...\n');
  await new Promise((resolve) => setTimeout(resolve, knobs.approvalDelayMs));
}
process.stdout.write('✔ SSO completed successfully\n');

const account = (v) => String(v ?? '').padStart(12, '0');
const configured = Object.entries(config.profiles ?? {}).map(([name, p]) => ({
  name,
  account: account(p.aws_account_id),
  role: String(p.aws_role_name ?? ''),
  duration: Number(p.session_duration_seconds ?? flags['session-duration'] ?? config.session_duration_seconds ?? 28800),
}));
const grants = (knobs.grants ?? configured).map((g) => ({ account: account(g.account), role: g.role }));
let profiles = configured;
if (flags.profile) {
  profiles = configured.filter((p) => p.name === flags.profile);
  if (profiles.length === 0) {
    process.stderr.write(`Error: profile '${flags.profile}' not found in ${configPath}\n`);
    finish(1);
  }
}
if (configured.length === 0) {
  // Example 1 (no profiles): list what the assertion grants and ask which one to use; the
  // choice is saved as the default profile.
  process.stdout.write('Available AWS accounts / roles:\n');
  grants.forEach((g, i) => process.stdout.write(`  [${i + 1}] ${g.account} ${g.role}\n`));
  process.stdout.write(`Select a role [1-${grants.length}]: `);
  const choice = grants[Number(readLine()) - 1];
  if (!choice) {
    process.stderr.write('\nError: no role selected\n');
    finish(1);
  }
  profiles = [{ name: 'default', account: choice.account, role: choice.role, duration: Number(flags['session-duration'] ?? config.session_duration_seconds ?? 28800) }];
}
if (knobs.validateGrants) {
  const missing = profiles.find((p) => !grants.some((g) => g.account === p.account && g.role === p.role));
  if (missing) {
    process.stderr.write(`Error: AWS account ${missing.account} / role '${missing.role}' for profile '${missing.name}' is not available to you\n`);
    outcome.failed = missing.name;
    finish(1);
  }
}
process.stdout.write('✔ AWS Accounts / Roles validated successfully\n');
if (knobs.profileOrder === 'reverse') profiles = [...profiles].reverse();

const provider = (acct) => `arn:aws:iam::${acct}:saml-provider/${knobs.providerName ?? 'cloudsso'}`;
const expired = simState.runs <= (knobs.expiredAssertionRuns ?? 0);

for (const p of profiles) {
  const roleArn = `arn:aws:iam::${p.account}:role/${p.role}`;
  const body = new URLSearchParams({
    Action: 'AssumeRoleWithSAML',
    Version: '2011-06-15',
    RoleArn: roleArn,
    PrincipalArn: provider(p.account),
    // -saml: a SAMLResponse the user got elsewhere (browserless), used as given.
    SAMLAssertion: flags.saml ?? Buffer.from(samlResponse(grants, expired)).toString('base64'),
    DurationSeconds: String(p.duration),
  });
  // With "debug": true in config.json the real tool is chatty; assume the worst: it shows the
  // assertion and STS's answer, secrets included.
  if (config.debug) process.stdout.write(`DEBUG SAMLResponse: ${body.get('SAMLAssertion')}\n`);
  let text;
  try {
    const res = await fetch(knobs.stsEndpoint, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } });
    text = await res.text();
  } catch (error) {
    process.stderr.write(`Failed to Assume Role '${p.role}' via STS: RequestError: send request failed\ncaused by: ${error.cause?.message ?? error.message}\n`);
    outcome.failed = p.name;
    finish(1);
  }
  if (config.debug) process.stdout.write(`DEBUG STS response: ${text.replace(/\s*\n\s*/g, '')}\n`);
  const code = tag(text, 'Code');
  if (code) {
    // Go's awserr prints "Code: Message"; the guide quotes it without the final period.
    process.stderr.write(`Failed to Assume Role '${p.role}' via STS: ${code}: ${tag(text, 'Message').replace(/\.$/, '')}\n`);
    outcome.failed = p.name;
    finish(1);
  }
  process.stdout.write(`✔ Assume role '${p.role}' completed successfully\n`);
  const section = knobs.credentialsUnderDefault ? 'default' : p.name;
  writeCredentials(section, {
    aws_access_key_id: tag(text, 'AccessKeyId'),
    aws_secret_access_key: tag(text, 'SecretAccessKey'),
    aws_session_token: tag(text, 'SessionToken'),
  });
  outcome.saved.push({ profile: p.name, section, duration: p.duration });
  process.stdout.write(`✔ AWS Credentials saved for profile '${knobs.credentialsUnderDefault === 'says-so' ? 'default' : p.name}'\n`);
  // The real duo-sso's next profile starts with an AssumeRoleWithSAML over the network (100 ms
  // and more) before it rewrites [default]; this stand-in's STS is on loopback and answers in a
  // millisecond, so without a pause a loaded machine lets it overwrite [default] before login has
  // read the file for the profile just saved. (That race is real with a fast STS: see the note.)
  if (knobs.credentialsUnderDefault) await new Promise((res) => setTimeout(res, 250));
}
finish(0);

function readLine() {
  const byte = Buffer.alloc(1);
  let line = '';
  for (;;) {
    let n = 0;
    try {
      n = readSync(0, byte, 0, 1, null);
    } catch {
      return line;
    }
    if (n === 0 || byte[0] === 10) return line.replace(/\r$/, '');
    line += String.fromCharCode(byte[0]);
  }
}

function tag(xml, name) {
  const m = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
  return m ? m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') : '';
}

function samlResponse(roles, isExpired) {
  const now = Date.now();
  const iso = (ms) => new Date(ms).toISOString();
  const issued = isExpired ? now - 10 * 60_000 : now;
  const notOnOrAfter = isExpired ? now - 5 * 60_000 : now + 5 * 60_000;
  const user = knobs.user ?? 'jdoe@example.com';
  const values = roles.map((g, i) => {
    const pair = [`arn:aws:iam::${g.account}:role/${g.role}`, provider(g.account)];
    // Real IdPs put the two ARNs in either order.
    return `<saml2:AttributeValue>${(i % 2 ? pair.reverse() : pair).join(',')}</saml2:AttributeValue>`;
  }).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><saml2p:Response xmlns:saml2p="urn:oasis:names:tc:SAML:2.0:protocol" Destination="https://signin.aws.amazon.com/saml" ID="_${randomBytes(8).toString('hex')}" IssueInstant="${iso(issued)}" Version="2.0"><saml2:Issuer xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion">https://sso.example.duosecurity.com/saml2/sp/SIMULATOR</saml2:Issuer><saml2p:Status><saml2p:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></saml2p:Status><saml2:Assertion xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion" ID="_${randomBytes(8).toString('hex')}" IssueInstant="${iso(issued)}" Version="2.0"><saml2:Issuer>https://sso.example.duosecurity.com/saml2/sp/SIMULATOR</saml2:Issuer><saml2:Subject><saml2:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${user}</saml2:NameID><saml2:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml2:SubjectConfirmationData NotOnOrAfter="${iso(notOnOrAfter)}" Recipient="https://signin.aws.amazon.com/saml"/></saml2:SubjectConfirmation></saml2:Subject><saml2:Conditions NotBefore="${iso(issued - 60_000)}" NotOnOrAfter="${iso(notOnOrAfter)}"><saml2:AudienceRestriction><saml2:Audience>https://signin.aws.amazon.com/saml</saml2:Audience></saml2:AudienceRestriction></saml2:Conditions><saml2:AuthnStatement AuthnInstant="${iso(issued)}" SessionNotOnOrAfter="${iso(issued + 12 * 3600_000)}"><saml2:AuthnContext><saml2:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml2:AuthnContextClassRef></saml2:AuthnContext></saml2:AuthnStatement><saml2:AttributeStatement><saml2:Attribute Name="https://aws.amazon.com/SAML/Attributes/Role">${values}</saml2:Attribute><saml2:Attribute Name="https://aws.amazon.com/SAML/Attributes/RoleSessionName"><saml2:AttributeValue>${user}</saml2:AttributeValue></saml2:Attribute></saml2:AttributeStatement></saml2:Assertion></saml2p:Response>`;
}

/** Replaces (or appends) one [section] of the shared credentials file, keeping the rest. */
function writeCredentials(section, values) {
  const path = process.env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials');
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const lines = existsSync(path) ? readFileSync(path, 'utf8').split('\n') : [];
  const out = [];
  let skipping = false;
  for (const line of lines) {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) skipping = header[1].trim() === section;
    if (!skipping) out.push(line);
  }
  while (out.length > 0 && out.at(-1).trim() === '') out.pop();
  if (out.length > 0) out.push('');
  out.push(`[${section}]`, ...Object.entries(values).map(([k, v]) => `${k} = ${v}`), '');
  writeFileSync(path, out.join('\n'), { mode: 0o600 });
  chmodSync(path, 0o600);
}
