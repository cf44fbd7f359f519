// Network failures, by what the message means rather than who printed it: Go's net/http and
// crypto/x509 (duo-sso, git-credential helpers), Python's urllib3/ssl (AWS CLI, botocore),
// Node (the JS SDK), curl (git, Homebrew). Each entry names one layer: DNS, TCP, TLS, proxy.
// `duo-sso-setup doctor --only network` probes the same layers for the hosts we use.
import type { DiagnosisFacts, KnownFailure } from './types.js';

const NETWORK_DOCTOR = ['duo-sso-setup', 'doctor', '--only', 'network'];
// A host name or an address (IPv4, or IPv6 in brackets) as the tools print them.
const HOST = String.raw`(?<host>\[[\da-fA-F:.]+\]|[A-Za-z0-9](?:[\w-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[\w-]*[A-Za-z0-9])?)*)`;
const HOST_PORT = `${HOST}:(?<port>\\d{1,5})`;

/** What a host is to us, so the message can say "the SSO page" rather than a bare name. */
export function hostRole(host: string): string | undefined {
  const h = host.toLowerCase();
  if (/^sts[.-]/.test(h) || h === 'sts.amazonaws.com') return 'AWS STS';
  if (/(^|\.)cloudsso\b|sso\./.test(h)) return 'the SSO page, reached over the VPN';
  if (/github/.test(h)) return h === 'github.com' ? 'GitHub' : 'the internal GitHub, reached over the VPN';
  return undefined;
}

function about(f: DiagnosisFacts, what: string): string | undefined {
  if (!f.host) return undefined;
  const role = hostRole(f.host);
  return `${what} ${f.host}${f.port ? `:${f.port}` : ''}${role ? ` (${role})` : ''}.`;
}

export const networkFailures: readonly KnownFailure[] = [
  {
    id: 'dns-failure',
    title: 'A host name does not resolve (DNS)',
    group: 'network',
    patterns: [
      new RegExp(String.raw`\blookup ${HOST}(?: on [\w.:[\]%-]+)?: (?:no such host|server misbehaving|i/o timeout|Temporary failure in name resolution)`),
      new RegExp(String.raw`getaddrinfo (?:ENOTFOUND|EAI_AGAIN) ${HOST}`),
      new RegExp(String.raw`Could not resolve host: ${HOST}`),
      /\[Errno (?:-2|-3|-5|8|11001|11002|11004)\] (?:Name or service not known|Temporary failure in name resolution|nodename nor servname provided, or not known|No address associated with hostname|getaddrinfo failed)/,
      /\bNameResolutionError\b/,
    ],
    supersedes: ['sts-unreachable', 'network-timeout'],
    explanation:
      'A server name could not be turned into an address. For the SSO page (cloudsso.cisco.com) and the internal GitHub this '
      + 'almost always means the VPN is off, or connected without its DNS; for AWS (sts.amazonaws.com) it means no network, '
      + 'a DNS server that is down, or a typo in a URL (config.json "url", AWS_ENDPOINT_URL_STS, a region such as us-east-1a).',
    fix: {
      description: 'Connect to the VPN (or check the network), then see which layer fails for each host we use',
      commands: [NETWORK_DOCTOR, ['nslookup', '<host>']],
      automatic: false,
    },
    describe: (f) => about(f, 'Could not resolve'),
    example: 'Error: Get "https://cloudsso.cisco.com/idp/startSSO.ping": dial tcp: lookup cloudsso.cisco.com: no such host',
  },
  {
    id: 'connection-refused',
    title: 'The connection was refused (nothing listening, or a firewall rejecting)',
    group: 'network',
    patterns: [
      new RegExp(String.raw`dial tcp ${HOST_PORT}: connect: connection refused`),
      /\bconnect: connection refused\b/,
      new RegExp(String.raw`\bconnect ECONNREFUSED ${HOST_PORT}`),
      /\[Errno (?:111|61|10061)\] Connection refused/,
      /No connection could be made because the target machine actively refused it/,
      new RegExp(String.raw`Failed to connect to ${HOST} port (?<port>\d+)(?: after \d+ ms)?: (?:Connection refused|Couldn't connect to server)`),
    ],
    supersedes: ['sts-unreachable'],
    explanation:
      'The address answered, but nothing accepts connections on that port: a firewall that rejects the traffic, an endpoint '
      + 'override (AWS_ENDPOINT_URL_STS, a proxy in HTTPS_PROXY) that points at something not running, or a VPN client that '
      + 'is half up.',
    fix: { description: 'See which host and port refuse, and whether a proxy or endpoint override is in play', commands: [NETWORK_DOCTOR], automatic: false },
    describe: (f) => about(f, 'Refused:'),
    example: 'Failed to Assume Role \'admin\' via STS: RequestError: send request failed\ncaused by: Post "https://sts.amazonaws.com/": dial tcp 127.0.0.1:443: connect: connection refused',
  },
  {
    id: 'connection-reset',
    title: 'The connection was cut (reset) on the way',
    group: 'network',
    patterns: [
      /\bread: connection reset by peer\b/,
      /\bread ECONNRESET\b/,
      /\bsocket hang up\b/,
      /Client network socket disconnected before secure TLS connection was established/,
      /ConnectionResetError\(\d+, 'Connection reset by peer'\)/,
      /\[Errno (?:104|54|10054)\] Connection reset by peer/,
      new RegExp(String.raw`SSL_connect: (?:Connection reset by peer|SSL_ERROR_SYSCALL) in connection to ${HOST_PORT}`),
    ],
    supersedes: ['sts-unreachable'],
    explanation:
      'A connection was opened and then dropped by something between you and the server: a firewall or proxy that blocks the '
      + 'destination (often right at the TLS handshake, when it sees the host name), a VPN that went down, or a flaky network. '
      + 'When it happens for one host every time, a firewall is the likely cause.',
    fix: { description: 'Check which layer breaks for each host (a reset during TLS points at a filtering proxy)', commands: [NETWORK_DOCTOR], automatic: false },
    describe: (f) => about(f, 'Reset while talking to'),
    example: 'Post "https://sts.amazonaws.com/": read tcp 10.0.0.12:52814->52.94.241.129:443: read: connection reset by peer',
  },
  {
    id: 'network-timeout',
    title: 'Nothing answered in time (network timeout)',
    group: 'network',
    patterns: [
      new RegExp(String.raw`dial tcp ${HOST_PORT}: (?:i/o timeout|connect: operation timed out|connectex: A connection attempt failed)`),
      /net\/http: (?:TLS handshake timeout|request canceled while waiting for connection)/,
      /Client\.Timeout exceeded while awaiting headers/,
      new RegExp(String.raw`\bconnect ETIMEDOUT ${HOST_PORT}`),
      /Socket timed out without establishing a connection within \d+ ms/,
      /the request socket did not establish a connection with the server within the configured timeout/,
      /the request socket timed out after \d+ ms of inactivity/,
      /Connect timeout on endpoint URL: "https?:\/\/(?<host>[^/":]+)/,
      /Read timeout on endpoint URL: "https?:\/\/(?<host>[^/":]+)/,
      /Connection timed out after \d+ milliseconds/,
    ],
    supersedes: ['sts-unreachable'],
    explanation:
      'The other end never answered: no route to the host (the VPN is off for an internal host), a firewall that silently '
      + 'drops the traffic, or a network that only lets HTTPS out through a proxy the tool is not told about (HTTPS_PROXY).',
    fix: { description: 'See which host times out at which layer, and whether a proxy is needed', commands: [NETWORK_DOCTOR], automatic: false },
    describe: (f) => about(f, 'Timed out reaching'),
    example: 'Failed to Assume Role \'admin\' via STS: RequestError: send request failed\ncaused by: Post "https://sts.amazonaws.com/": dial tcp 52.94.241.129:443: i/o timeout',
  },
  {
    id: 'tls-untrusted-ca',
    title: 'The server\'s certificate is not trusted (TLS interception by a corporate proxy?)',
    group: 'network',
    patterns: [
      /x509: certificate signed by unknown authority/,
      /x509: “[^”]*” certificate is not trusted/,
      /x509: certificate is not trusted/,
      /certificate verify failed: (?:self[- ]signed certificate in certificate chain|unable to get local issuer certificate|self[- ]signed certificate)/,
      /\[SSL: CERTIFICATE_VERIFY_FAILED\]/,
      /\bself[- ]signed certificate in certificate chain\b/,
      /\bunable to get local issuer certificate\b/,
      /\bunable to verify the first certificate\b/,
      /\b(?:SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|UNABLE_TO_VERIFY_LEAF_SIGNATURE|DEPTH_ZERO_SELF_SIGNED_CERT)\b/,
      // Where the host is named beside the error (Go wraps the URL, botocore prefixes it).
      new RegExp(String.raw`(?:Post|Get) "https://${HOST}(?::(?<port>\d+))?[^"]*": (?:tls: failed to verify certificate: )?x509:`),
      new RegExp(String.raw`SSL validation failed for https://${HOST}`),
    ],
    supersedes: ['sts-unreachable', 'connection-reset'],
    explanation:
      'The certificate the host presented was not issued by a CA this machine trusts. On a company network that is almost '
      + 'always a TLS-intercepting proxy (Zscaler, Netskope, Palo Alto...) re-signing traffic with the corporate root CA. '
      + 'Each tool has its own trust store: duo-sso (Go) uses the system trust store (on Linux also SSL_CERT_FILE), the AWS CLI '
      + 'its own bundle unless AWS_CA_BUNDLE names one, Node tools add NODE_EXTRA_CA_CERTS. Never turn verification off '
      + '(--no-verify-ssl): that hands your SAML assertion and keys to whoever is in the middle.',
    fix: {
      description: 'Get the corporate root CA (PEM) from IT, add it to the system trust store, and point the AWS CLI and Node at it '
        + '(export AWS_CA_BUNDLE=/path/corporate-ca.pem NODE_EXTRA_CA_CERTS=/path/corporate-ca.pem in your shell profile)',
      commands: [['sudo', 'cp', '<corporate-ca.pem>', '/usr/local/share/ca-certificates/corporate-ca.crt'], ['sudo', 'update-ca-certificates'], NETWORK_DOCTOR],
      platformCommands: {
        darwin: [['sudo', 'security', 'add-trusted-cert', '-d', '-r', 'trustRoot', '-k', '/Library/Keychains/System.keychain', '<corporate-ca.pem>'], NETWORK_DOCTOR],
        win32: [['certutil', '-addstore', '-f', 'Root', '<corporate-ca.pem>'], NETWORK_DOCTOR],
      },
      automatic: false,
    },
    describe: (f) => about(f, 'The certificate was not trusted for'),
    example: 'aws-vault: error: exec: Failed to get credentials for dev: RequestError: send request failed\ncaused by: Post "https://sts.amazonaws.com/": x509: certificate signed by unknown authority',
  },
  {
    id: 'proxy-failure',
    title: 'The HTTP proxy could not be used',
    group: 'network',
    patterns: [
      /\bproxyconnect tcp: /,
      /Failed to connect to proxy URL: "[^"]*"/,
      /ProxyError\('Cannot connect to proxy\./,
      /\btunneling socket could not be established\b/,
      /Received HTTP code (?<code>\d{3}) from proxy after CONNECT/,
      /CONNECT tunnel failed, response \d{3}/,
      /\b407 Proxy Authentication Required\b/,
    ],
    supersedes: ['dns-failure', 'connection-refused', 'connection-reset', 'network-timeout', 'sts-unreachable'],
    explanation:
      'A proxy is configured (HTTPS_PROXY, HTTP_PROXY or ALL_PROXY, upper or lower case) but the connection through it failed: '
      + 'it is not reachable from here (off the company network), it wants credentials (407), it refuses the destination, or '
      + 'the variable holds a malformed URL (it must look like http://proxy.example.com:8080). A proxy left set where none is '
      + 'needed (at home, off VPN) breaks everything too; NO_PROXY lists hosts to reach directly.',
    fix: { description: 'See which proxy is in effect for each host and where it fails', commands: [NETWORK_DOCTOR], automatic: false },
    example: 'Post "https://sts.amazonaws.com/": proxyconnect tcp: dial tcp 10.10.1.1:8080: connect: connection refused',
  },
];
