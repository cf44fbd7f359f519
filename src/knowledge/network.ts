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
      new RegExp(String.raw`getaddrinfo (?:ENOTFOUND|EAI_AGAIN|EAI_FAIL) ${HOST}`, 'i'),
      new RegExp(String.raw`Could not resolve host: ${HOST}`),
      new RegExp(String.raw`Could not resolve hostname ${HOST}: `),
      /\[Errno (?:-2|-3|-5|8|11001|11002|11004)\] (?:Name or service not known|Temporary failure in name resolution|nodename nor servname provided, or not known|No address associated with hostname|getaddrinfo failed)/,
      /\bNameResolutionError\b/,
      /java\.net\.UnknownHostException: (?<host>[\w.-]+)/,
      /curl: \(6\) Could not resolve (?:host|proxy)/,
      /\bgetaddrinfo failed\b|\[Errno 11001\]/,
      // The resolver's own words without an errno (Java, .NET, Ruby, git), libuv's codes alone (npm),
      // urllib3 2's NameResolutionError detail, and Go's resolver timing out on its DNS server.
      /\b(?:nodename nor servname provided, or not known|Name or service not known|Temporary failure in name resolution|No such host is known|Name does not resolve|Could not resolve host)\b/,
      // (Case-blind: pasted titles and npm 2's lowercase log headings write them as eai_again, enotfound.)
      /\bE(?:NOTFOUND|AI_AGAIN|AI_FAIL)\b/i,
      /Failed to resolve '(?<host>[\w.-]+)'/,
      new RegExp(String.raw`\blookup ${HOST}(?: on [\w.:[\]%-]+)?: (?:read|dial) udp [^\n]*(?:i/o timeout|connection refused)`),
      /\bUnknownHostException\b/,
      // The AWS SDK for Java v1 wraps an UnknownHostException whose message is the host alone.
      /Unable to execute HTTP request: (?<host>[\w-]+(?:\.[\w-]+)*\.amazonaws\.com(?:\.cn)?)[ \t]*$/m,
      // Chromium's net errors (net/base/net_error_list.h), as a headless browser reports them.
      /\bnet::ERR_(?:NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|DNS_TIMED_OUT)\b/,
      // .NET Framework's WebException (PowerShell 5), wget, apt's acquire methods.
      /The remote name could not be resolved: '(?<host>[^']+)'/,
      /unable to resolve host address [‘'`"](?<host>[\w.-]+)[’'"]/,
      /Temporary failure resolving '(?<host>[^']+)'/, /\bCould not resolve '(?<host>[\w.-]+)'/,
      // Node's c-ares codes (dns.resolve*, getaddrinfo without data) and .NET on Linux (EAI_AGAIN's text with the endpoint).
      /\b(?:getaddrinfo|query[A-Za-z]*) E(?:AI_NODATA|NODATA|TIMEOUT|SERVFAIL|REFUSED)\b/,
      /HttpRequestException: Resource temporarily unavailable \((?<host>[\w.-]+):(?<port>\d+)\)/,
      // The DNS server itself does not answer: BIND's dig/nslookup/host (bin/dig/dighost.c), systemd-resolved's
      // resolvectl (DNS_TRANSACTION_ATTEMPTS_MAX_REACHED).
      /;; (?:connection timed out; )?no servers could be reached/, /;; communications error to [\w.:[\]%-]+#53: (?:timed out|connection refused)/,
      /All attempts to contact name servers or networks failed/,
      // The Java SDK v1 wraps an UnknownHostException whose message is only the host it could not resolve.
      /Unable to execute HTTP request: (?<host>[a-z0-9.-]+\.amazonaws\.com(?:\.cn)?)\s*$/m,
    ],
    supersedes: ['sts-unreachable', 'connection-failed', 'network-timeout'],
    explanation:
      'A server name could not be turned into an address. For the SSO page (cloudsso.cisco.com) and the internal GitHub this '
      + 'almost always means the VPN is off, or connected without its DNS; for AWS (sts.amazonaws.com) it means no network, '
      + 'a DNS server that is down, or a typo in a URL (config.json "url", AWS_ENDPOINT_URL_STS, a region such as us-east-1a '
      + 'or southeast-2 without its ap-). In WSL or a container, the generated /etc/resolv.conf may point at a resolver that '
      + 'does not answer while the VPN is up. When the name is a proxy\'s (HTTPS_PROXY, npm\'s or git\'s proxy setting), the '
      + 'setting names a host that does not exist here (a placeholder, or a proxy only inside the office): correct or remove it. '
      + 'Right after connecting or disconnecting the VPN, a stale cache answers: on macOS sudo dscacheutil -flushcache; sudo '
      + 'killall -HUP mDNSResponder, on Linux resolvectl flush-caches, on Windows ipconfig /flushdns. Inside Docker containers, the daemon\'s DNS (daemon.json '
      + '"dns", or --dns) must be one that works on the VPN. When dig or nslookup says "no servers could be reached", the DNS '
      + 'server itself does not answer: point /etc/resolv.conf at one that does (a nameserver line with the VPN\'s or a public '
      + 'DNS server; in WSL set generateResolvConf = false in /etc/wsl.conf first, or it is rewritten). Behind an HTTP proxy '
      + 'a program that was not told about the proxy looks outside names up itself, and the office DNS does not resolve '
      + 'them: curl reads http_proxy only in lowercase (it ignores an uppercase HTTP_PROXY; HTTPS_PROXY works either way), '
      + 'and Java ignores the proxy variables altogether: give the JVM -Dhttps.proxyHost=HOST -Dhttps.proxyPort=PORT '
      + '(http.proxyHost alone does not cover https URLs).',
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
      // Rust's std::io::Error Display (the AWS SDK for Rust under hyper): "Connection refused (os error 111)".
      /\bConnection refused \(os error (?:111|61|10061)\)/,
      /No connection could be made because the target machine actively refused it/,
      /java\.net\.ConnectException: Connection refused/,
      /\bNewConnectionError\b[^\n]*Connection refused/,
      new RegExp(String.raw`Failed to connect to ${HOST} port (?<port>\d+)(?: after \d+ ms)?: ?(?:Connection refused|Couldn't connect to server)`, 'i'),
      // libuv's code alone (npm ERR! code ECONNREFUSED), Java without its package, Windows' WSAECONNREFUSED.
      /\bECONNREFUSED\b/i, /\bConnectException: Connection refused\b/, /connectex: No connection could be made/,
      // Apache HttpClient under the Java SDK, and .NET's SocketException text with the endpoint.
      /\bConnect to \S+ (?:\[[^\]\n]*\] )?failed: Connection refused/,
      new RegExp(String.raw`\bConnection refused \(${HOST_PORT}\)`),
      // Chromium's net errors (net/base/net_error_list.h), as a headless browser reports them.
      /\bnet::ERR_CONNECTION_REFUSED\b/,
      // OpenSSH (ssh.c ssh_connect_direct), as git over ssh prints it.
      /ssh: connect to host (?<host>[\w.-]+) port (?<port>\d+): Connection refused/,
    ],
    supersedes: ['sts-unreachable', 'connection-failed'],
    explanation:
      'The address answered, but nothing accepts connections on that port: a firewall that rejects the traffic, an endpoint '
      + 'override (AWS_ENDPOINT_URL_STS, --endpoint-url, a proxy in HTTPS_PROXY) that points at something not running (a local '
      + 'proxy or emulator that was stopped), or a VPN client that is half up. Inside a container, localhost is the container '
      + 'itself: a service on the host is host.docker.internal (Docker Desktop) or the host\'s address.',
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
      // libuv's code alone, botocore ConnectionClosedError, http.client's RemoteDisconnected, curl 52/56,
      // Java's SocketException and Windows' WSAECONNRESET (Go "wsarecv: …", .NET).
      /\bECONNRESET\b/i,
      // git remote-curl.c "RPC failed; curl %d %s": the transfer was cut (18 partial, 56 receive failure, 92 HTTP/2 stream).
      /\bRPC failed; curl (?:18|56|92)\b/,
      /Connection was closed before we received a valid response from endpoint URL/,
      /\bRemoteDisconnected\(?'?Remote end closed connection without response/,
      /curl: \((?:52|56)\) (?:Empty reply from server|Recv failure: Connection reset by peer)/,
      /java\.net\.SocketException: Connection reset\b/,
      /An existing connection was forcibly closed by the remote host/,
      // Chromium's net errors (net/base/net_error_list.h), as a headless browser reports them.
      /\bnet::ERR_(?:CONNECTION_RESET|CONNECTION_CLOSED|CONNECTION_ABORTED|EMPTY_RESPONSE)\b/,
      // undici (Node's fetch): the peer closed the socket.
      /\bUND_ERR_SOCKET\b|SocketError: other side closed/,
      // libcurl on GnuTLS (git on Debian/Ubuntu), on OpenSSL and Schannel under Windows (git for Windows), and
      // OpenSSH's first exchange cut off (sshkey/kex.c kex_exchange_identification).
      /\bGnuTLS recv error \((?:-9|-54|-110)\)/, /gnutls_handshake\(\) failed: (?:The TLS connection was non-properly terminated|Error in the pull function)/,
      /\bSSL_read: (?:Connection was reset|SSL_ERROR_SYSCALL), errno 10054/, /schannel: failed to receive handshake, SSL\/TLS connection failed/,
      /kex_exchange_identification: (?:Connection closed by remote host|read: Connection reset by peer)/,
      /curl: \(18\) transfer closed with outstanding read data remaining/,
      // HTTP/2 framing broken on the way (curl 16 CURLE_HTTP2, 92 CURLE_HTTP2_STREAM), typically by a proxy.
      /curl: \((?:16|92)\) |Error in the HTTP2 framing layer|HTTP\/2 stream \d+ was not closed cleanly/,
      /javax\.net\.ssl\.SSLException: Connection reset\b/,
    ],
    supersedes: ['sts-unreachable', 'connection-failed'],
    explanation:
      'A connection was opened and then dropped by something between you and the server: a firewall or proxy that blocks the '
      + 'destination (often right at the TLS handshake, when it sees the host name), a VPN that went down, or a flaky network. '
      + 'When it happens for one host every time, a firewall is the likely cause; when large responses fail over a VPN, the '
      + 'VPN\'s MTU. A proxy the tool should use (HTTPS_PROXY) but does not know about resets connections the same way, and '
      + 'so does IPv6 tried first on a network where it is broken. HTTP/2 errors (curl 16 or 92, git\'s "RPC failed; curl 92") '
      + 'through a proxy that mishandles HTTP/2 go away with HTTP/1.1: git config --global http.version HTTP/1.1.',
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
      // Rust (the AWS SDK for Rust): std::io::Error's Display, and aws-smithy's ConnectorError kind in Debug form.
      /\b(?:Connection|Operation) timed out \(os error (?:110|60|10060)\)|ConnectorError \{ kind: Timeout\b/,
      // The Go SDK v1's request.ErrCodeRequestCanceled around a deadline.
      /\bRequestCanceled: request context canceled\b[\s\S]{0,120}?context deadline exceeded/,
      // CPython Modules/_ssl.c (socket.timeout / TimeoutError on a TLS socket), as botocore and requests pass it on.
      /The (?:read|write|handshake) operation timed out/,
      // minipass-fetch / node-fetch FetchError (npm, Node tools), and npm 6's "network" heading.
      /\bnetwork timeout at: https?:\/\/(?<host>[^/\s]+)/, /npm (?:ERR!|error) network Socket timeout\b/,
      // Go's url.Error for a request whose context ran out (saml2aws, duo-sso, aws-vault), and the kernel's
      // ETIMEDOUT on an established connection (net: "read: connection timed out").
      /\b(?:Get|Post|Put|Head|Patch|Delete) "https?:\/\/(?<host>[^/":]+)[^"\n]*": context deadline exceeded/,
      /\b(?:read|write): connection timed out\b/,
      new RegExp(String.raw`\bconnect ETIMEDOUT ${HOST_PORT}`),
      /Socket timed out without establishing a connection within \d+ ms/,
      /the request socket did not establish a connection with the server within the configured timeout/,
      /the request socket timed out after \d+ ms of inactivity/,
      /Connect timeout on endpoint URL: "https?:\/\/(?<host>[^/":]+)/,
      /Read timeout on endpoint URL: "https?:\/\/(?<host>[^/":]+)/,
      /Connection timed out after \d+ milliseconds/,
      new RegExp(String.raw`Failed to connect to ${HOST} port (?<port>\d+)(?: after \d+ ms)?: ?(?:Connection|Operation) timed out`, 'i'),
      /\[Errno (?:110|60|10060)\] (?:Connection|Operation) timed out/,
      /SocketTimeoutException: (?:connect|Read) timed out/,
      /curl: \(28\) (?:Operation|Connection|Failed to connect)[^\n]*timed out/,
      /\bETIMEDOUT\b/i,
      // Go's kernel-level timeout, undici (Node fetch), Java without the exception name, Windows' WSAETIMEDOUT.
      new RegExp(String.raw`dial tcp ${HOST_PORT}: connect: connection timed out`),
      /\bUND_ERR_CONNECT_TIMEOUT\b|ConnectTimeoutError: Connect Timeout Error/,
      /\bERR_SOCKET_(?:CONNECTION_)?TIMEOUT\b|\bESOCKETTIMEDOUT\b/,
      // JS SDK v2 (TimeoutError from its http handler).
      /Connection timed out after \d+ ?ms\b/,
      /\bconnect timed out\b/, /\bRead timed out\b/,
      // urllib3 (requests, the AWS CLI v1 under --debug): "Connection to HOST timed out. (connect timeout=N)".
      /Connection to (?<host>[\w.-]+) timed out\. \(connect timeout=/,
      /A connection attempt failed because the connected party did not properly respond after a period of time/,
      // Chromium's net errors (net/base/net_error_list.h), as a headless browser reports them.
      /\bnet::ERR_(?:CONNECTION_TIMED_OUT|TIMED_OUT)\b/,
      // curl on Windows ("Timed out" from WSAETIMEDOUT's text), Java on Windows, OpenSSH, apt, Ruby's Net::HTTP (Homebrew).
      new RegExp(String.raw`Failed to connect to ${HOST} port (?<port>\d+)(?: after \d+ ms)?: Timed out`, 'i'),
      /java\.net\.ConnectException: Connection timed out\b/,
      /ssh: connect to host (?<host>[\w.-]+) port (?<port>\d+): (?:Connection|Operation) timed out/,
      /Could not connect to (?<host>[\w.-]+):(?<port>\d+) \([^)\n]*\),? connection timed out/,
      /\bNet::(?:OpenTimeout|ReadTimeout)\b/,
      // Go's Transport.ResponseHeaderTimeout and read deadlines, undici's header/body timers, .NET on Linux.
      /net\/http: timeout awaiting response headers/, /\bread tcp [^\n]*: i\/o timeout/,
      // .NET 5+ HttpClient (SR.net_http_request_timedout) and axios (lib/adapters/http.js, code ECONNABORTED).
      /The request was canceled due to the configured HttpClient\.Timeout of [\d.]+ seconds elapsing/, /\btimeout of \d+ms exceeded\b/,
      /\bUND_ERR_(?:HEADERS|BODY)_TIMEOUT\b|\b(?:Headers|Body) Timeout Error\b/,
      /HttpRequestException: Connection timed out \((?<host>[\w.-]+):(?<port>\d+)\)/,
      // The Go SDK v2's smithy error for a request that ran out of time before any response (no status, no request id).
      /https response error StatusCode: 0, RequestID: , canceled, context deadline exceeded/,
    ],
    supersedes: ['sts-unreachable', 'connection-failed'],
    explanation:
      'The other end never answered: no route to the host (the VPN is off for an internal host), a firewall that silently '
      + 'drops the traffic, or a network that only lets HTTPS out through a proxy the tool is not told about (HTTPS_PROXY; '
      + 'NO_PROXY for the hosts to reach directly). Node 17 and later try IPv6 first: where IPv6 is broken, '
      + 'NODE_OPTIONS=--dns-result-order=ipv4first helps. The AWS CLI\'s --cli-connect-timeout and --cli-read-timeout give '
      + 'a slow link more time.',
    fix: { description: 'See which host times out at which layer, and whether a proxy is needed', commands: [NETWORK_DOCTOR], automatic: false },
    describe: (f) => about(f, 'Timed out reaching'),
    example: 'Failed to Assume Role \'admin\' via STS: RequestError: send request failed\ncaused by: Post "https://sts.amazonaws.com/": dial tcp 52.94.241.129:443: i/o timeout',
  },
  {
    id: 'tls-untrusted-ca',
    title: 'The server\'s certificate is not trusted (TLS interception by a corporate proxy?)',
    group: 'network',
    patterns: [
      /x509:? certificate signed by unknown authority/,
      /certificate has unknown CA|\bUnknownCa\b/,
      // rustls (the AWS SDK for Rust, uv, Deno): its CertificateError by name, in its Display and Debug forms.
      /invalid peer certificate: (?:UnknownIssuer|BadSignature)\b|InvalidCertificate\((?:UnknownIssuer|BadSignature)\)/,
      /x509: “[^”]*” certificate is not trusted/,
      /x509: certificate is not trusted/,
      /certificate verify failed: (?:self[- ]signed certificate in certificate chain|unable to get local issuer certificate|self[- ]signed certificate)/,
      /\[SSL: CERTIFICATE_VERIFY_FAILED\]/,
      /\bself[- ]signed certificate in certificate chain\b/,
      /\bunable to get local issuer certificate\b/,
      /\bunable to verify the first certificate\b/,
      // Node's and OpenSSL's codes, also as titles write them (lower case, without Python's brackets).
      /\b(?:SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|UNABLE_TO_VERIFY_LEAF_SIGNATURE|DEPTH_ZERO_SELF_SIGNED_CERT)\b/i,
      /\bCERTIFICATE_VERIFY_FAILED\b/i,
      // libcurl on GnuTLS (lib/vtls/gtls.c), as git on Debian and Ubuntu prints it.
      /server certificate verification failed\. CAfile: /,
      /PKIX path building failed|unable to find valid certification path to requested target/,
      /SSL certificate problem: (?:self[- ]signed|unable to get local issuer|certificate chain)/,
      /tls: failed to verify certificate: x509: (?:certificate signed by unknown authority|certificate is not trusted)/,
      /error:(?:0A000086|1416F086|14090086):SSL routines:[^\n]*certificate verify failed/,
      // OpenSSL's other chain errors, Node's CERT_UNTRUSTED, .NET's chain status, Python 3.13's strict
      // X.509 checks on a corporate CA (VERIFY_X509_STRICT).
      /\bunable to get issuer certificate\b|\bCERT_UNTRUSTED\b|\bUNABLE_TO_GET_ISSUER_CERT\b/,
      /The remote certificate is invalid (?:according to the validation procedure|because of errors in the certificate chain)|\bRemoteCertificateChainErrors\b/,
      /certificate verify failed: (?:Missing Authority Key Identifier|Basic Constraints of CA cert not marked critical|CA cert does not include key usage extension)/,
      // Chromium's net errors (net/base/net_error_list.h), as a headless browser reports them.
      /\bnet::ERR_CERT_AUTHORITY_INVALID\b/,
      // Schannel (curl and git for Windows, lib/vtls/schannel.c and schannel_verify.c, "NAME (0x%08X) - system text").
      /\bSEC_E_UNTRUSTED_ROOT\b|\b0x80090325\b|\bCERT_E_UNTRUSTEDROOT\b|\b0x800B0109\b|The certificate chain was issued by an authority that is not trusted|\bCERT_TRUST_IS_(?:UNTRUSTED_ROOT|PARTIAL_CHAIN)\b/i,
      // Where the host is named beside the error (Go wraps the URL, botocore prefixes it).
      new RegExp(String.raw`(?:Post|Get) "https://${HOST}(?::(?<port>\d+))?[^"]*": (?:tls: failed to verify certificate: )?x509:`),
      new RegExp(String.raw`SSL validation failed for https://${HOST}`),
      // .NET Framework (PowerShell 5), wget (GnuTLS and OpenSSL builds).
      /Could not establish trust relationship for the SSL\/TLS secure channel/,
      /cannot verify [^\n]*'s certificate, issued by /, /Unable to locally verify the issuer's authority/,
      /The certificate of [‘'`][^’'\n]*[’'] is not trusted/,
      // OpenSSL 3's security level (a SHA-1 or short-key corporate CA) and Go 1.23's refusal of negative serial numbers.
      /\b(?:CA_MD_TOO_WEAK|EE_KEY_TOO_SMALL|CA_KEY_TOO_SMALL)\b|\bca md too weak\b|\b(?:ee|ca) key too small\b/i,
      /x509: negative serial number/,
      // Node's text for DEPTH_ZERO_SELF_SIGNED_CERT alone (OpenSSL 1.1 "self signed", OpenSSL 3 "self-signed").
      /(?:^|Error: |reason: )self[- ]signed certificate\s*$/m,
      // rustls (the Rust SDK's default TLS) names the verifier's verdict: an issuer it does not trust.
      /invalid peer certificate(?: contents)?: UnknownIssuer\b|InvalidCertificate\(UnknownIssuer\)/,
    ],
    supersedes: ['sts-unreachable', 'connection-failed', 'connection-reset'],
    explanation:
      'The certificate the host presented was not issued by a CA this machine trusts. On a company network that is almost '
      + 'always a TLS-intercepting proxy (Zscaler, Netskope, Palo Alto...) re-signing traffic with the corporate root CA. '
      + 'Python 3.13 also refuses a corporate CA that lacks extensions (Missing Authority Key Identifier), OpenSSL 3 one signed '
      + 'with SHA-1 or with a key under 2048 bits (ca md too weak, key too small), and Go 1.23 one with a negative serial '
      + 'number: that CA needs reissuing. '
      + 'Each tool has its own trust store: duo-sso (Go) uses the system trust store (on Linux also SSL_CERT_FILE), the AWS CLI '
      + 'its own bundle unless AWS_CA_BUNDLE (or ca_bundle in ~/.aws/config) names one, Python tools REQUESTS_CA_BUNDLE or '
      + 'certifi (python.org builds on macOS need "Install Certificates.command"), Node tools add NODE_EXTRA_CA_CERTS (npm: '
      + 'npm config set cafile), git http.sslCAInfo, Java its cacerts (keytool -importcert). Several can use the system store '
      + 'instead, which IT\'s managed CA is usually already in: git for Windows with git config --global http.sslBackend '
      + 'schannel, Node 22+ with NODE_OPTIONS=--use-system-ca, Python with the truststore package (pip install truststore; '
      + 'pip --use-feature=truststore), conda with conda config --set ssl_verify <corporate-ca.pem>. Never turn verification off '
      + '(--no-verify-ssl, NODE_TLS_REJECT_UNAUTHORIZED=0, git\'s http.sslVerify=false): that hands your SAML assertion and '
      + 'keys to whoever is in the middle. Without interception, an old '
      + 'tool with an old bundle of roots (an outdated AWS CLI, certifi or ca-certificates) fails the same way: update it. '
      + 'When it fails only while the company VPN is connected, the VPN inspects TLS: trust its CA as above, or (for a '
      + 'public download such as conda or pip packages) fetch it with the VPN disconnected. On macOS, tools that use the '
      + 'system store (git in GUI clients, Safari, Go) trust a certificate once it is in Keychain Access (System keychain) '
      + 'and marked Always Trust. npm\'s strict-ssl false only turns checking off: set npm\'s cafile to the CA instead. '
      + 'More stores: pip config set global.cert (or PIP_CERT), yarn config set cafile, Deno DENO_CERT, and for a Docker '
      + 'daemon pulling from an internal registry /etc/docker/certs.d/REGISTRY/ca.crt (or the system store and a restart '
      + 'of Docker).',
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
      /Tunnel connection failed: \d{3}/,
      /Proxy CONNECT aborted/,
      /Unable to tunnel through proxy/,
      /Failed to connect to proxy URL/,
      /curl: \(56\) (?:Received HTTP code|Proxy CONNECT)/,
      // curl 5 (CURLE_COULDNT_RESOLVE_PROXY), .NET's tunnel failure, Chromium/Electron net errors.
      /Could not resolve proxy: /,
      /The proxy tunnel request to proxy '[^'\n]*' failed/,
      /\bERR_PROXY_CONNECTION_FAILED\b|\bERR_TUNNEL_CONNECTION_FAILED\b|\bERR_PROXY_AUTH\w*/,
      /\bProxy Authentication Required\b/,
      // urllib3 (AWS CLI v1, boto3): a proxy variable without a scheme, or an https:// proxy on urllib3 1.26.
      /\bProxySchemeUnknown\b|Proxy URL had no scheme, should start with http:\/\/ or https:\/\//,
      /\bProxySchemeUnsupported\b/,
      /check_hostname requires server_hostname/,
      // Node's https-proxy-agent / tunnel-agent, curl's SOCKS errors (CURLE_PROXY, 97).
      /Proxy connection ended before receiving CONNECT response/,
      /curl: \(97\) |Can't complete SOCKS[45] connection to/,
      // requests (adapters.py) with a socks5:// proxy and no PySocks; any client's HTTP 407 (axios, got, fetch wrappers).
      /Missing dependencies for SOCKS support/,
      // urllib3 contrib/socks.py SOCKSProxyManager: socks:// without the version (socks5://, socks5h://, socks4://, socks4a://).
      /Unable to determine SOCKS version from /,
      /\b(?:status code|HTTP\/\d(?:\.\d)?) 407\b/,
    ],
    supersedes: ['dns-failure', 'connection-refused', 'connection-reset', 'network-timeout', 'sts-unreachable', 'connection-failed'],
    explanation:
      'A proxy is configured (HTTPS_PROXY, HTTP_PROXY or ALL_PROXY, upper or lower case) but the connection through it failed: '
      + 'it is not reachable from here (off the company network), it wants credentials (407), it refuses the destination, or '
      + 'the variable holds a malformed URL (it must look like http://proxy.example.com:8080). A proxy left set where none is '
      + 'needed (at home, off VPN) breaks everything too; NO_PROXY lists hosts to reach directly (add 169.254.169.254 and '
      + 'localhost there). A user name or password in the proxy URL must be URL-encoded (@ as %40); a SOCKS proxy needs '
      + 'socks5:// where the tool supports it, never http://socks5://; Python (urllib3) needs the version in the scheme '
      + '(socks5:// or socks5h://, the latter resolving names through the proxy), not plain socks://. Not every program reads '
      + 'the proxy variables: Java takes -Dhttps.proxyHost/-Dhttps.proxyPort (Gradle: systemProp.https.proxyHost in '
      + 'gradle.properties; Maven: <proxies> in settings.xml), pip takes --proxy, git http.proxy. A 407 from a company proxy '
      + 'that wants Windows (NTLM or Kerberos) sign-in, which most command-line tools cannot do, is answered by a local '
      + 'authenticating proxy (px, cntlm) that the tools point at instead. '
      + 'When one service fails through a proxy that works for others, its endpoint may not exist in that region (the proxy '
      + 'cannot connect to a host that is not there): the AWS Support and Cost Explorer APIs are served only from us-east-1, '
      + 'so pass --region us-east-1 for them.',
    fix: {
      description: 'See which proxy is in effect for each host and where it fails. A proxy setting left over from another network '
        + 'is removed where it was set: unset HTTPS_PROXY/HTTP_PROXY in the shell profile, npm config delete proxy and '
        + 'npm config delete https-proxy (npm keeps its own in ~/.npmrc), git config --global --unset http.proxy',
      commands: [NETWORK_DOCTOR, ['npm', 'config', 'get', 'https-proxy'], ['git', 'config', '--global', '--get', 'http.proxy']],
      automatic: false,
    },
    example: 'Post "https://sts.amazonaws.com/": proxyconnect tcp: dial tcp 10.10.1.1:8080: connect: connection refused',
  },
  {
    id: 'tls-cert-expired',
    title: 'A certificate is expired or not yet valid (often: this machine\'s clock)',
    group: 'network',
    patterns: [
      /x509: certificate has expired or is not yet valid/,
      /certificate verify failed: certificate (?:has expired|is not yet valid)/,
      /\bCERT_HAS_EXPIRED\b|\bCERT_NOT_YET_VALID\b/,
      /SSL certificate problem: certificate (?:has expired|is not yet valid)/,
      // OpenSSL's X509_V_ERR_CERT_HAS_EXPIRED reason as Node prints it ("Error: certificate has expired").
      /(?:^|Error: |\[)certificate has expired\b/m,
      /CertificateExpiredException|NotAfter: /,
      // rustls CertificateError::Expired / NotValidYet (Debug), and its newer Display wording.
      /invalid peer certificate: (?:Expired|NotValidYet|certificate expired|certificate not valid yet)\b|InvalidCertificate\((?:Expired|NotValidYet)\)/,
      // Chromium's net errors (net/base/net_error_list.h), as a headless browser reports them.
      /\bnet::ERR_CERT_DATE_INVALID\b/,
      // OpenSSL's verify text alone (Node's err.message, Ruby, PHP), Java's PKIX validity check.
      // (Anchored to those forms: "certificate has expired" alone also describes SAML signing and code-signing certificates.)
      /(?:^|Error: |reason: |Issued )certificate (?:has expired|is not yet valid)\b/m,
      /CertPathValidatorException: validity check failed/,
      /Issued certificate not yet valid/,
      // Ruby's OpenSSL::SSL::SSLError puts the verify reason in parentheses; Schannel (curl and git for Windows).
      /certificate verify failed \(certificate (?:has expired|is not yet valid)\)/,
      /\bSEC_E_CERT_EXPIRED\b|\b0x80090328\b|The received certificate has expired|\bCERT_TRUST_IS_NOT_TIME_VALID\b/i,
      // rustls (the Rust SDK): a certificate past its validity.
      /invalid peer certificate(?: contents)?: Expired\b|InvalidCertificate\(Expired\b/,
    ],
    supersedes: ['tls-untrusted-ca', 'sts-unreachable', 'connection-failed'],
    explanation:
      'Certificates are checked against this machine\'s clock. When every site fails this way, the clock is wrong (a '
      + 'dead battery, a VM restored from a snapshot, WSL after sleep). When one host fails, its certificate (or a '
      + 'proxy\'s re-signing certificate) really expired, or an old CA bundle lacks the current root (an old AWS CLI, '
      + 'certifi or ca-certificates package still trusting an expired root: update it).',
    fix: {
      description: 'Check the clock first (doctor compares it with the network), then the host\'s certificate',
      commands: [['duo-sso-setup', 'doctor', '--only', 'clock,network']],
      automatic: false,
    },
    describe: (f) => about(f, 'The certificate was out of date for'),
    example: 'Post "https://sts.amazonaws.com/": x509: certificate has expired or is not yet valid: current time 2019-01-01T00:00:00Z is before 2026-01-01T00:00:00Z',
  },
  {
    id: 'tls-hostname-mismatch',
    title: 'The certificate is for another host name',
    group: 'network',
    patterns: [
      /x509: certificate is valid for [^\n]*, not (?<host>[\w.-]+)/,
      /\bERR_TLS_CERT_ALTNAME_INVALID\b/,
      // rustls CertificateError::NotValidForName (Debug) and its newer Display wording.
      /invalid peer certificate: (?:NotValidForName|certificate not valid for name "(?<host>[^"\n]+)")|InvalidCertificate\(NotValidForName\)/,
      /Hostname mismatch, certificate is not valid for '(?<host>[^']+)'/,
      /hostname '(?<host>[^']+)' doesn't match/,
      /SSL: no alternative certificate subject name matches target host name '(?<host>[^']+)'/,
      /Host name '(?<host>[^']+)' does not match the certificate subject/,
      // Chromium's net errors (net/base/net_error_list.h), as a headless browser reports them.
      /\bnet::ERR_CERT_COMMON_NAME_INVALID\b/,
      // Node's tls.checkServerIdentity (older Node wrote "doesn't"), without the error code.
      /Hostname\/IP (?:does not|doesn't) match certificate's altnames/,
      // CPython's ssl on OpenSSL's X509_V_ERR_IP_ADDRESS_MISMATCH; Go crypto/x509 HostnameError's other forms
      // (and Go 1.15+ refusing a certificate that names the host only in its CN).
      /IP address mismatch, certificate is not valid for '(?<host>[^']+)'/,
      /x509: cannot validate certificate for (?<host>[\w.:[\]-]+) because it doesn't contain any IP SANs/,
      /x509: certificate is not valid for any names, but wanted to match (?<host>[\w.*-]+)/,
      /x509:\s+certificate relies on legacy Common Name field/,
      // Java's sun.security.util.HostnameChecker, curl on older OpenSSL, .NET's SslPolicyErrors.
      /No subject alternative (?:DNS name matching (?<host>[\w.-]+)|names matching IP address [\w.:]+|names present)|No name matching [\w.-]+ found/,
      /SSL: certificate subject name '[^'\n]*' does not match target host name '(?<host>[^']+)'/,
      // (With RemoteCertificateChainErrors beside it the chain is the problem: tls-untrusted-ca answers.)
      /^(?![^\n]*RemoteCertificateChainErrors)[^\n]*\bRemoteCertificateNameMismatch\b/m,
      // Apache HttpClient's DefaultHostnameVerifier (the Java SDK and most Java tools).
      /Certificate for <(?<host>[^>\n]+)> doesn't match (?:any of the subject alternative names|common name of the certificate subject)/,
      // wget src/openssl.c and gnutls.c.
      /requested host name [‘'](?<host>[^’'\n]+)[’']/, /no certificate subject alternative name matches|certificate common name [‘'][^’'\n]*[’'] doesn't match/,
      // Node's tls.checkServerIdentity (without its ERR_ code, as the JS SDKs rethrow it), and Go 1.15+ refusing a
      // certificate that names the host only in its Common Name (x509.HostnameError with a CN-only certificate).
      /Hostname\/IP do(?:es not|esn't) match certificate's altnames: (?:Host: (?<host>[\w-]+(?:\.[\w-]+)*?)\.? is not in the cert's altnames)?/,
      /x509: certificate relies on legacy Common Name field, use SANs instead/,
      // Schannel (curl and git for Windows); the bare text only beside schannel, since Kerberos uses it too.
      /\bSEC_E_WRONG_PRINCIPAL\b|\b0x80090322\b|schannel[^\n]*The target principal name is incorrect/i,
      // rustls (the Rust SDK): a certificate for another name.
      /invalid peer certificate(?: contents)?: NotValidForName\b|InvalidCertificate\(NotValidForName\b/,
    ],
    supersedes: ['tls-untrusted-ca', 'sts-unreachable', 'connection-failed'],
    explanation:
      'The server\'s certificate names other hosts than the one asked for: an endpoint URL with a wrong host (a region '
      + 'such as us-east-1a in sts.us-east-1a.amazonaws.com, a bucket name with dots: use path-style addressing), or a '
      + 'captive portal or proxy answering instead of the real host. A URL with an IP address (or localhost) where the '
      + 'certificate names a host name fails the same way: use the name the certificate was issued for. Go programs (1.15 '
      + 'and later) also refuse a certificate that names its host only in the Common Name ("relies on legacy Common Name '
      + 'field", no subjectAltName): an old internal CA or an intercepting proxy\'s certificate, which its owners must '
      + 'reissue with a subjectAltName.',
    fix: { description: 'Check the host in the URL or endpoint setting, then which host answers', commands: [NETWORK_DOCTOR], automatic: false },
    describe: (f) => about(f, 'The certificate does not name'),
    example: 'x509: certificate is valid for *.s3.amazonaws.com, s3.amazonaws.com, not my.bucket.s3.amazonaws.com',
  },
  {
    id: 'tls-protocol-error',
    title: 'The TLS handshake broke (a proxy URL with https://, or a middlebox)',
    group: 'network',
    patterns: [
      /\[SSL: WRONG_VERSION_NUMBER\] wrong version number/,
      /\bwrong version number\b/,
      /tls: first record does not look like a TLS handshake/,
      /\bEOF occurred in violation of protocol\b|\bSSLEOFError\b|\bUNEXPECTED_EOF_WHILE_READING\b/,
      /\bUNSAFE_LEGACY_RENEGOTIATION_DISABLED\b|unsafe legacy renegotiation disabled/,
      /remote error: tls: (?:handshake failure|protocol version)/,
      /\bEPROTO\b[^\n]*SSL routines/, /npm (?:ERR!|error) code EPROTO\b/,
      /curl: \(35\) (?![^\n]*(?:SEC_E_UNTRUSTED_ROOT|0x80090325|CERT_E_UNTRUSTEDROOT|0x800B0109|SEC_E_CERT_EXPIRED|0x80090328|SEC_E_WRONG_PRINCIPAL|0x80090322))/,
      // Alerts from the server or a middlebox (OpenSSL, Java's SSLHandshakeException), a plain-HTTP
      // answer to a TLS client (Go, Node), and OpenSSL 3 refusing old parameters.
      /\bsslv3 alert handshake failure\b|\bSSLV3_ALERT_HANDSHAKE_FAILURE\b|\btlsv1 alert protocol version\b|\bTLSV1_ALERT_PROTOCOL_VERSION\b/i,
      /Received fatal alert: (?:handshake_failure|protocol_version)|Remote host terminated the handshake/,
      /http: server gave HTTP response to HTTPS client/,
      // The reverse: plain HTTP sent to a port that speaks TLS, answered by a TLS alert record (0x15 0x03 ...).
      /malformed HTTP response "\\x15\\x03/,
      /\bERR_SSL_(?:WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|DECRYPTION_FAILED_OR_BAD_RECORD_MAC)\b|\bpacket length too long\b/,
      /\bunexpected eof while reading\b|\bDH_KEY_TOO_SMALL\b|\bdh key too small\b/i,
      // Chromium's net errors (net/base/net_error_list.h), as a headless browser reports them.
      /\bnet::ERR_(?:SSL_PROTOCOL_ERROR|SSL_VERSION_OR_CIPHER_MISMATCH)\b/,
      // Java (JSSE): TLS 1.0/1.1 disabled, or plain HTTP where TLS was expected; Go: a TLS 1.0-only server, or TLS bytes
      // read as HTTP (an http:// URL for a TLS port); .NET Framework (PowerShell 5) still offering TLS 1.0.
      /No appropriate protocol \(protocol is disabled or cipher suites are inappropriate\)/, /Unsupported or unrecognized SSL message/,
      /tls: server selected unsupported protocol version \d+/, /malformed HTTP response "\\x15\\x03/,
      /Could not create SSL\/TLS secure channel/, /The underlying connection was closed: An unexpected error occurred on a send/,
      // .NET (SslStream): the peer's alert, and Schannel's SEC_E_ILLEGAL_MESSAGE; Java refusing a TLS 1.0/1.1 server.
      /remote party sent a TLS alert: '(?:HandshakeFailure|ProtocolVersion|InsufficientSecurity)'/,
      /\b0x80090326\b|The message received was unexpected or badly formatted/,
      /protocol version TLS1[01] is not accepted by client preferences/,
      // OpenSSL 3 (CPython, Node) against a server that offers only TLS 1.0/1.1.
      /\b(?:UNSUPPORTED_PROTOCOL|NO_PROTOCOLS_AVAILABLE)\b|\bunsupported protocol \(_ssl\.c|\bno protocols available\b/,
    ],
    supersedes: ['tls-untrusted-ca', 'connection-reset', 'sts-unreachable', 'connection-failed'],
    explanation:
      'Something answered the TLS handshake with something that is not TLS, or broke it off. Most often HTTPS_PROXY says '
      + 'https://proxy:port for a proxy that speaks plain HTTP (it should be http://), or an intercepting proxy or old VPN '
      + 'client that does not speak modern TLS (OpenSSL 3 refuses its "legacy renegotiation" and small DH keys; until the '
      + 'proxy is fixed, an OpenSSL config named by OPENSSL_CONF with Options = UnsafeLegacyRenegotiation is the stopgap; an old '
      + 'server or proxy may offer only TLS 1.0/1.1). A handshake failure alert means the two sides share no protocol '
      + 'version or cipher: update the client (OpenSSL, LibreSSL, the AWS CLI) or have the proxy fixed, rather than '
      + 'lowering the security level. Java 11\'s first TLS 1.3 releases fail the handshake with some servers and proxies '
      + '(Received fatal alert: handshake_failure): update the JDK, or pin the client to TLS 1.2 with '
      + '-Djdk.tls.client.protocols=TLSv1.2 until it is. Windows PowerShell 5 (.NET Framework) offers only TLS 1.0 by '
      + 'default ("Could not create SSL/TLS secure channel"): [Net.ServicePointManager]::SecurityProtocol = '
      + '[Net.SecurityProtocolType]::Tls12 in the session, or use PowerShell 7. '
      + 'The reverse, plain HTTP sent to a port that speaks TLS (http:// in a proxy or endpoint '
      + 'URL whose port expects https), comes back as a "malformed HTTP response" starting with \\x15\\x03: fix the scheme.',
    fix: { description: 'Check the proxy variables (http:// for the proxy itself) and which layer breaks', commands: [NETWORK_DOCTOR], automatic: false },
    example: "SSLError(SSLError(1, '[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1131)'))",
  },
  {
    // A connection that failed without saying why: curl's CURLE_COULDNT_CONNECT (7) when no
    // reason follows, urllib3's NewConnectionError, botocore's EndpointConnectionError for a
    // host that is not STS (botocore/exceptions.py: 'Could not connect to the endpoint URL').
    id: 'connection-failed',
    title: 'A connection could not be made, and the message does not say why',
    group: 'network',
    patterns: [
      new RegExp(String.raw`Failed to connect to ${HOST} port (?<port>\d+)\b(?![^\n]*(?:Connection refused|Couldn't connect|timed out))`, 'i'),
      /curl: \(7\) /,
      /\bCURLE_COULDNT_CONNECT\b/,
      /Failed to establish a new connection/,
      /Could not connect to the endpoint URL: "?https?:\/\/(?!sts\.)(?<host>[^/":]+)/,
      /\bEndpointConnectionError\b/,
      // Node's fetch (undici): the cause follows as "[cause]: …", and an entry that knows it supersedes this one.
      /\bTypeError: fetch failed\b/,
      // The Go SDK v2 (smithy-go RequestSendError, "request send failed, " + Go's url.Error) for a host that is not STS.
      /\brequest send failed, (?:Get|Post|Put|Head) "https?:\/\/(?!sts[.-])(?<host>[^/":]+)/,
      // JS SDK v2: "UnknownEndpoint: Inaccessible host: `HOST' at port `undefined'".
      /\bUnknownEndpoint: Inaccessible host: [`'"](?!sts\.)(?<host>[^`'"\s]+)/,
      // .NET Framework's WebException (PowerShell 5 Invoke-WebRequest, older .NET tools).
      /\bUnable to connect to the remote server\b/,
    ],
    explanation:
      'No connection to that host could be made, and the message does not say at which layer. Most often a firewall or a '
      + 'corporate network blocks the port (443 included) unless traffic goes through a proxy (HTTPS_PROXY), or the host is '
      + 'internal and the VPN is off. For an AWS endpoint (SERVICE.REGION.amazonaws.com), check the region too: a mistyped '
      + 'region, or a service that has no endpoint in that region (global services such as IAM, Organizations and Support '
      + 'answer in us-east-1), gives the same message. An endpoint on this machine (localhost or 127.0.0.1: LocalStack\'s 4566, '
      + 'DynamoDB Local\'s 8000) comes from an endpoint override (AWS_ENDPOINT_URL, endpoint_url in the profile, '
      + '--endpoint-url): start the emulator, or unset the override to reach AWS.',
    fix: { description: 'See at which layer the host is out of reach (firewall, proxy, VPN), and check the region for an AWS endpoint', commands: [NETWORK_DOCTOR], automatic: false },
    describe: (f) => about(f, 'Could not connect to'),
    example: 'curl: (7) Failed to connect to github.com port 443',
  },
  {
    id: 'network-unreachable',
    title: 'No route to the host (offline, or the VPN is down)',
    group: 'network',
    patterns: [
      /\bconnect: (?:network is unreachable|no route to host)\b/,
      /\[Errno (?:101|113|51|65|10051|10065)\] (?:Network is unreachable|No route to host)/,
      /\bE(?:NETUNREACH|HOSTUNREACH)\b/,
      /java\.net\.NoRouteToHostException|Network is unreachable \(connect failed\)/,
      // Chromium's net errors (net/base/net_error_list.h), as a headless browser reports them.
      /\bnet::ERR_(?:ADDRESS_UNREACHABLE|INTERNET_DISCONNECTED|NETWORK_CHANGED)\b/,
      /\bENETDOWN\b/,
    ],
    supersedes: ['sts-unreachable', 'connection-failed', 'connection-refused', 'network-timeout'],
    explanation:
      'The machine has no route to that address: no network at all, an internal address while the VPN is off, or an IPv6 '
      + 'address on a network without IPv6.',
    fix: { description: 'Connect (VPN for internal hosts), then see which hosts are reachable', commands: [NETWORK_DOCTOR], automatic: false },
    describe: (f) => about(f, 'No route to'),
    example: 'dial tcp 10.20.30.40:443: connect: no route to host',
  },
  {
    // The TCP connection is up but the TLS handshake never finishes: Go net/http's tlsHandshakeTimeoutError
    // and crypto/tls's DialWithDialer timeout, CPython Modules/_ssl.c's handshake timeout, curl's vtls
    // backends ("SSL connection timeout", CURLE_OPERATION_TIMEDOUT), Node's ERR_TLS_HANDSHAKE_TIMEOUT.
    id: 'tls-handshake-timeout',
    title: 'The TLS handshake never finished (the connection opened, then stalled)',
    group: 'network',
    patterns: [
      /(?:Get|Post|Head|Put) "?https:\/\/(?<host>[^/":\s]+)[^\n]*?net\/http: TLS handshake timeout/,
      /net\/http: TLS handshake timeout/,
      /tls: DialWithDialer timed out/,
      /The handshake operation timed out/,
      /\bSSL connection timeout\b/,
      /\bERR_TLS_HANDSHAKE_TIMEOUT\b/,
    ],
    supersedes: ['network-timeout', 'sts-unreachable', 'connection-failed'],
    explanation:
      'The host accepted the connection, so DNS, routing and the port are fine; what never arrived is the rest of the TLS '
      + 'handshake. The server\'s certificate chain is the first large packet of a connection, so this is the classic sign '
      + 'of an MTU problem: a VPN, a Docker or WSL network or a PPPoE link that carries smaller packets than the machine '
      + 'sends, with the "fragmentation needed" replies blocked. Lowering the MTU (the VPN interface, Docker\'s daemon.json '
      + '"mtu": 1400, the container network) fixes it. Otherwise a filtering proxy or firewall is holding the handshake, '
      + 'or a proxy the tool should use (HTTPS_PROXY) is not set.',
    fix: {
      description: 'See which hosts stall at TLS, then test the path MTU with unfragmented pings (1472 bytes fits a 1500 MTU; '
        + 'lower -s until it passes, and set that MTU plus 28 on the VPN, Docker or WSL interface)',
      commands: [NETWORK_DOCTOR, ['ping', '-c', '3', '-M', 'do', '-s', '1472', '<host>']],
      platformCommands: {
        darwin: [NETWORK_DOCTOR, ['ping', '-c', '3', '-D', '-s', '1472', '<host>']],
        win32: [NETWORK_DOCTOR, ['ping', '-n', '3', '-f', '-l', '1472', '<host>']],
      },
      automatic: false,
    },
    describe: (f) => about(f, 'The TLS handshake stalled with'),
    example: 'Error response from daemon: Get "https://registry-1.docker.io/v2/": net/http: TLS handshake timeout',
  },
  {
    // "localhost" resolved to IPv6 ::1 first while the local server listens on 127.0.0.1 only: Node 17+
    // keeps the resolver's order (dns.setDefaultResultOrder 'verbatim'), and most systems list ::1 first.
    id: 'localhost-ipv6-refused',
    title: 'A local service refused on ::1 (localhost went to IPv6; the service listens on IPv4)',
    group: 'network',
    patterns: [
      /\bconnect (?:ECONNREFUSED|EADDRNOTAVAIL) ::1:(?<port>\d{1,5})\b/,
      /dial tcp \[::1\]:(?<port>\d{1,5}): connect: (?:connection refused|cannot assign requested address)/,
      /connect to ::1 port (?<port>\d{1,5}) failed: Connection refused/,
      /\[localhost\/0:0:0:0:0:0:0:1\] failed: Connection refused/,
    ],
    supersedes: ['connection-refused', 'connection-failed'],
    explanation:
      'The name localhost resolved to the IPv6 loopback ::1 first, but the local service (a proxy, a debugger, an emulator, '
      + 'a login callback) listens on the IPv4 loopback 127.0.0.1 only. Node 17 and later no longer reorder addresses to '
      + 'put IPv4 first, so tools that used to work start failing this way. Use 127.0.0.1 instead of localhost in the URL '
      + 'or setting (HTTPS_PROXY, --host, an endpoint URL), make the service listen on both, or for Node set '
      + 'NODE_OPTIONS=--dns-result-order=ipv4first.',
    fix: {
      description: 'Point the setting at 127.0.0.1 rather than localhost (or run Node with --dns-result-order=ipv4first)',
      commands: [NETWORK_DOCTOR],
      automatic: false,
    },
    describe: (f) => (f.port ? `Refused on [::1]:${f.port}.` : undefined),
    example: 'Error: connect ECONNREFUSED ::1:9229\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1494:16)',
  },
  {
    // The server's alert about OUR certificate (mutual TLS): Go crypto/tls alert texts as "remote error: tls: …",
    // OpenSSL's alert reasons (ssl/ssl_err.c), Java's "Received fatal alert", curl's client-certificate setup errors (58).
    id: 'tls-client-certificate-rejected',
    title: 'The server refused this machine\'s client certificate (or wanted one and got none)',
    group: 'network',
    patterns: [
      /remote error: tls: (?:bad certificate|unknown certificate authority|certificate required|unknown certificate|expired certificate|revoked certificate|unsupported certificate)/,
      /\b(?:sslv3 alert bad certificate|tlsv1 alert unknown ca|tlsv13 alert certificate required|sslv3 alert certificate unknown|sslv3 alert certificate expired)\b/i,
      /(?:\b|\bERR_SSL_)(?:SSLV3_ALERT_BAD_CERTIFICATE|TLSV1_ALERT_UNKNOWN_CA|TLSV13_ALERT_CERTIFICATE_REQUIRED|SSLV3_ALERT_CERTIFICATE_UNKNOWN|SSLV3_ALERT_CERTIFICATE_EXPIRED)\b/,
      /Received fatal alert: (?:bad_certificate|certificate_unknown|unknown_ca|certificate_required|certificate_expired)/,
      /curl: \(58\) |unable to set private key file: |could not load PEM client certificate/,
      /remote party sent a TLS alert: '(?:BadCertificate|UnknownCA|CertificateRequired|CertificateUnknown|CertificateExpired)'/,
    ],
    supersedes: ['tls-protocol-error', 'connection-reset', 'sts-unreachable', 'connection-failed'],
    explanation:
      'The server asked this machine for a certificate of its own (mutual TLS) and rejected the one it got, or got none: '
      + 'a zero-trust network or an SSO page that admits only managed devices (a device certificate that expired, or is '
      + 'not installed in this user\'s store), or a client certificate setting (curl --cert, git http.sslCert, a proxy '
      + 'setting) that points at a wrong or expired file. It is not about whether this machine trusts the server. When the '
      + 'line comes from a server or proxy you run (its own log), it is the other way round: the client did not trust '
      + 'that server\'s certificate.',
    fix: {
      description: 'Check which client certificate is configured and whether it is current (IT renews device certificates); on a managed network, connect through the VPN or agent that presents it',
      commands: [NETWORK_DOCTOR],
      automatic: false,
    },
    example: 'Get "https://cloudsso.cisco.com/idp/startSSO.ping": remote error: tls: certificate required',
  },
  {
    // Windows' Schannel (git for Windows and curl on Schannel, .NET, PowerShell) could not check the certificate's
    // revocation: CRYPT_E_NO_REVOCATION_CHECK (0x80092012), CRYPT_E_REVOCATION_OFFLINE (0x80092013).
    id: 'tls-revocation-check-failed',
    title: 'Windows could not check whether the certificate was revoked (CRL/OCSP out of reach)',
    group: 'network',
    patterns: [
      /\bCRYPT_E_(?:NO_REVOCATION_CHECK|REVOCATION_OFFLINE)\b/, /\b0x8009201[23]\b/,
      /The revocation function was unable to check revocation/,
      /\bRevocationStatusUnknown\b|\bOfflineRevocation\b/,
    ],
    supersedes: ['tls-protocol-error', 'tls-untrusted-ca', 'connection-failed'],
    explanation:
      'Schannel, the TLS of Windows used by git for Windows and curl there, .NET and PowerShell, asks the certificate\'s '
      + 'issuer whether it was revoked (its CRL or OCSP address) and could not get an answer: a firewall or proxy that '
      + 'lets HTTPS through but blocks those addresses, or an intercepting proxy whose own CA publishes none. The '
      + 'certificate itself may be fine. Ask IT to allow the CRL/OCSP addresses; meanwhile git can do the check best-effort '
      + '(git config --global http.schannelCheckRevoke best-effort, git 2.35+; false on older) and curl with '
      + '--ssl-revoke-best-effort; or switch git to OpenSSL with the corporate CA (http.sslBackend openssl, http.sslCAInfo).',
    fix: {
      description: 'Let revocation checks through the firewall (IT), or make git and curl check revocation best-effort',
      commands: [['git', 'config', '--global', 'http.schannelCheckRevoke', 'best-effort'], NETWORK_DOCTOR],
      automatic: false,
    },
    example: 'fatal: unable to access \'https://github.com/org/tap.git/\': schannel: next InitializeSecurityContext failed: Unknown error (0x80092012) - The revocation function was unable to check revocation for the certificate.',
  },
  {
    // A Python built without OpenSSL (pyenv/asdf/source builds that did not find libssl's headers): pip's warning
    // (pip/_internal/cli/req_command.py), urllib3's HTTPSConnectionPool (connectionpool.py), CPython's own import.
    id: 'python-no-ssl-module',
    title: 'This Python was built without SSL support (pip and the AWS CLI v1 cannot use HTTPS)',
    group: 'network',
    patterns: [
      /pip is configured with locations that require TLS\/SSL, however the ssl module in Python is not available/,
      /Can't connect to HTTPS URL because the SSL module is not available/,
      /No module named '?_ssl'?/,
    ],
    supersedes: ['connection-failed'],
    explanation:
      'Nothing is wrong with the network: the Python running pip (or the pip-installed AWS CLI v1) was compiled without its '
      + 'ssl module, because OpenSSL\'s development files were missing when it was built (pyenv, asdf or a source build; on '
      + 'macOS a Homebrew openssl that the build did not find). Install them (brew install openssl@3 readline; apt install '
      + 'libssl-dev) and rebuild that Python (pyenv install --force <version>), or use a packaged Python. The AWS CLI v2 '
      + 'installer brings its own Python and avoids this entirely.',
    fix: {
      description: 'Install OpenSSL\'s development files and rebuild this Python, or use the AWS CLI v2 installer (it bundles its own Python)',
      commands: [['python3', '-c', 'import ssl; print(ssl.OPENSSL_VERSION)']],
      automatic: false,
    },
    example: 'WARNING: pip is configured with locations that require TLS/SSL, however the ssl module in Python is not available.',
  },
  {
    // Windows' WSAEACCES (10013) as Python, Go, .NET print it, and Node's EACCES on listen (also a port below 1024 on
    // Linux and macOS). A local helper (a login callback, a local proxy) binding a port, or a filter blocking a program.
    id: 'socket-access-forbidden',
    title: 'The system refused the socket: a port Windows reserves, a privileged port, or a firewall filter',
    group: 'network',
    patterns: [
      /An attempt was made to access a socket in a way forbidden by its access permissions/,
      /\[WinError 10013\]|\bSocketException \(10013\)|\bWSAEACCES\b/,
      /\blisten EACCES: permission denied (?:\S*:)?(?<port>\d+)(?=\s|$)/,
      /\blisten tcp [\w.:[\]-]*:(?<port>\d+): bind: (?:permission denied|An attempt was made to access a socket)/,
    ],
    supersedes: ['connection-failed'],
    explanation:
      'The operating system would not let the program open this socket. When it listens on a local port (a login callback '
      + 'server, a local proxy such as px or cntlm), Windows may reserve that port: Hyper-V, WSL 2 and Docker Desktop take '
      + 'ranges of ports (netsh interface ipv4 show excludedportrange protocol=tcp lists them), so pick a port outside them; '
      + 'on Linux and macOS ports below 1024 need root, so use a higher one. When it connects out, a firewall, antivirus or '
      + 'VPN client\'s filter is blocking this program: allow it there (or ask IT to).',
    fix: {
      description: 'See whether the port is in a range Windows reserves, and use another port (or allow the program in the firewall)',
      commands: [['netsh', 'interface', 'ipv4', 'show', 'excludedportrange', 'protocol=tcp']],
      automatic: false,
    },
    example: "OSError: [WinError 10013] An attempt was made to access a socket in a way forbidden by its access permissions",
  },
];
