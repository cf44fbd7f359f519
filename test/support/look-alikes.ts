// Issue 18 item 4: failures of OTHER programs (and plain text) that share words with a known
// failure — "permission denied" on an unrelated file, "certificate" about a web server, "token"
// from a JWT library, "password" in a D-Bus name. Written here for this project (no third-party
// text). Each must get no diagnosis, or exactly `expected` where a true failure of ours is also
// shown; `not` names the entry that answered it before its pattern was narrowed (or the entry
// whose words it borrows), so a regression names itself.

export interface LookAlike {
  text: string;
  /** The entry these words would wrongly bring back. */
  not: string;
  /** What it is, when it is also a known failure (default: nothing). */
  expected?: string[];
}

export const LOOK_ALIKES: readonly LookAlike[] = [
  // "permission denied" on files that are not ours
  { text: 'cat: /var/log/syslog: Permission denied', not: 'gpg-unsafe-permissions' },
  { text: "PermissionError: [Errno 13] Permission denied: '/srv/data/report.csv'", not: 'npm-global-permissions' },
  { text: 'rsync: [sender] send_files failed to open "/etc/shadow": Permission denied (13)', not: 'brew-permissions' },
  { text: "Error: EACCES: permission denied, open '/srv/app/uploads/photo.jpg'", not: 'npm-global-permissions' },
  { text: 'docker: Got permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock', not: 'secret-service-missing' },
  // "certificate" that is not a browser asking duo-sso's SSO page for one
  { text: 'kubectl: the client certificate for user admin will expire in 12 days; rotate it with kubeadm certs renew', not: 'first-run-client-certificate' },
  { text: 'openssl x509 -in client-certificate.pem -noout -subject\nsubject=CN = build-agent-7', not: 'first-run-client-certificate' },
  { text: 'Signing the installer: the code signing certificate selection dialog was cancelled', not: 'first-run-client-certificate' },
  { text: '     --proxy-cert <cert[:passwd]> Set client certificate for proxy', not: 'first-run-client-certificate' },
  { text: 'nginx: [emerg] cannot load certificate "/etc/nginx/ssl/site.crt": BIO_new_file() failed', not: 'tls-untrusted-ca' },
  { text: 'x509 certificate for mail.example.org renewed successfully', not: 'tls-cert-expired' },
  // "token", "expired", "invalid" from other libraries and sites
  { text: 'jsonwebtoken: TokenExpiredError: jwt expired\n    at /app/node_modules/jsonwebtoken/verify.js:190:21', not: 'session-expired' },
  { text: 'jwt.exceptions.ExpiredSignatureError: Signature has expired', not: 'clock-skew' },
  { text: 'The invitation link is invalid or has expired.', not: 'token-invalid-or-expired' },
  { text: 'Your GitHub password reset link is expired or invalid.', not: 'token-invalid-or-expired' },
  { text: 'The session has expired. Please log in again to continue shopping.', not: 'session-expired' },
  // "password" and D-Bus errors about other services
  { text: 'GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.PasswordManager was not provided by any .service files', not: 'secret-service-not-running' },
  { text: 'Error: GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.Notifications was not provided by any .service files', not: 'secret-service-not-running' },
  { text: 'org.freedesktop.DBus.Error.AccessDenied: Rejected send message, 1 matched rules; interface="org.freedesktop.Accounts.User" member="SetPassword"', not: 'secret-service-locked' },
  { text: "mysql: [Warning] Using a password on the command line interface can be insecure.\nERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)", not: 'gpg-passphrase-rejected' },
  { text: 'sudo: 3 incorrect password attempts', not: 'gpg-passphrase-rejected' },
  { text: 'passwd: Authentication token manipulation error\npasswd: password unchanged', not: 'invalid-credentials' },
  // git's failures for repositories that are not a Homebrew tap
  { text: "remote: Repository not found.\nfatal: repository 'https://github.com/acme/private-tool.git/' not found", not: 'brew-tap-clone-failed' },
  { text: "fatal: repository 'https://gitlab.example.com/team/app.git/' not found", not: 'brew-tap-clone-failed' },
  { text: "go: github.com/acme/private-lib@v1.2.0: reading github.com/acme/private-lib/go.mod: git ls-remote -q origin: exit status 128:\n\tfatal: could not read Username for 'https://github.com': terminal prompts disabled", not: 'brew-tap-clone-failed' },
  { text: "fatal: Authentication failed for 'https://gitlab.example.com/team/app.git/'", not: 'brew-tap-clone-failed' },
  { text: 'git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.', not: 'brew-tap-clone-failed' },
  { text: 'error: RPC failed; HTTP 403 curl 22 The requested URL returned error: 403\nfatal: the remote end hung up unexpectedly', not: 'brew-tap-clone-failed' },
  // pip's PEP 668 refusal for a package that is not the AWS CLI
  { text: '$ pip3 install requests\nerror: externally-managed-environment\n\n× This environment is externally managed\n╰─> To install Python packages system-wide, try apt install\n    python3-xyz, where xyz is the package you are trying to\n    install.', not: 'aws-cli-install-failed' },
  { text: 'error: externally-managed-environment', not: 'aws-cli-install-failed' },
  // kubectl's 401 from clusters that are not EKS
  { text: 'kubeconfig entry generated for prod.\n$ kubectl get pods\nerror: You must be logged in to the server (Unauthorized)', not: 'eks-unauthorized' },
  { text: 'Merged "aks-prod" as current context in /home/me/.kube/config\n$ kubectl get nodes\nerror: You must be logged in to the server (the server has asked for the client to provide credentials)', not: 'eks-unauthorized' },
  { text: 'Error: Kubernetes cluster unreachable: the server has asked for the client to provide credentials', not: 'eks-unauthorized' },
  // a SIGKILL the kernel's out-of-memory killer sent (its own lines are shown)
  { text: '[ 9123.456789] Out of memory: Killed process 4242 (python3) total-vm:16777216kB, anon-rss:15728640kB\nzsh: killed     python3 train.py', not: 'macos-killed-code-signature' },
  { text: 'Memory cgroup out of memory: Killed process 977 (node)\n[1]    977 killed     node build.js', not: 'macos-killed-code-signature' },
  // Win32's ERROR_NOT_FOUND and a login page's refusal with nothing naming a credential store or an IdP
  { text: 'Element not found.', not: 'windows-credential-manager' },
  { text: 'Error: Element not found.', not: 'windows-credential-manager' },
  { text: 'Invalid username or password.', not: 'idp-login-failed' },
  { text: "$ psql -h db.example.org -U app\nInvalid username or password.", not: 'idp-login-failed' },
  // a terminal ioctl error from programs that are not gpg
  { text: "stty: 'standard input': Inappropriate ioctl for device", not: 'gpg-no-tty' },
  { text: 'tput: No value for $TERM and no -T specified\nstty: \'standard input\': Inappropriate ioctl for device', not: 'gpg-no-tty' },
  // "not available to you" that is not duo-sso refusing a role
  { text: 'This feature is not available to you on the Free plan. Upgrade to Pro.', not: 'profile-not-available' },
  { text: 'Sorry, this video is not available to you in your country.', not: 'profile-not-available' },
  // AWS words in documents and working commands, not in errors
  { text: '{\n  "Effect": "Allow",\n  "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},\n  "Action": "sts:AssumeRoleWithWebIdentity"\n}', not: 'web-identity-rejected' },
  { text: '{\n  "Effect": "Allow",\n  "Principal": {"Federated": "arn:aws:iam::123456789012:saml-provider/Duo"},\n  "Action": "sts:AssumeRoleWithSAML"\n}', not: 'access-denied-role' },
  { text: '$ curl http://169.254.169.254/latest/meta-data/instance-id\ni-0abc123def4567890', not: 'imds-fallback' },
  { text: '2026-12-07 19:14:46,981 - MainThread - botocore.utils - DEBUG - IMDS ENDPOINT: http://169.254.169.254/', not: 'imds-fallback' },
  { text: '      ~ Allocation of Resources Without Limits or Throttling (CVE-2022-32205,\n        CVE-2022-32206)', not: 'aws-throttled' },
  { text: 'The S3 guide explains how to avoid SlowDown responses by spreading keys over prefixes.', not: 'aws-throttled' },
  // other programs' everyday failures
  { text: 'E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 1234 (apt)', not: 'brew-locked' },
  { text: "error: failed to push some refs to 'github.com:acme/app.git'\nhint: Updates were rejected because the tip of your current branch is behind", not: 'brew-tap-clone-failed' },
  { text: 'Traceback (most recent call last):\n  File "app.py", line 3, in <module>\n    import requests\nModuleNotFoundError: No module named \'requests\'', not: 'python-no-ssl-module' },
  { text: 'Your account is locked. Contact your administrator.', not: 'idp-login-failed' },
  { text: 'Locked: the file report.docx is locked for editing by another user', not: 'secret-service-locked' },
  { text: "Error: ENOENT: no such file or directory, open '/app/config.json'", not: 'duo-sso-config-missing' },
  { text: 'fatal: not a git repository (or any of the parent directories): .git', not: 'pass-extension-unavailable' },
  // a JSON parser's "Unexpected token" is bad input, not a Node too old for the syntax
  { text: 'SyntaxError: Unexpected token \'.\', ".5" is not valid JSON\n    at JSON.parse (<anonymous>)', not: 'node-too-old' },
  { text: 'SyntaxError: Unexpected token \'?\', "?x=1" is not valid JSON', not: 'node-too-old' },
  // native libraries that are not Node addons
  { text: 'ImportError: /opt/venv/lib/python3.11/site-packages/numpy/core/_multiarray_umath.so: invalid ELF header', not: 'native-binding-missing' },
  { text: "ImportError: dlopen(/opt/venv/lib/python3.11/site-packages/_cffi_backend.so, 0x0002): tried: '/opt/venv/lib/python3.11/site-packages/_cffi_backend.so' (mach-o file, but is an incompatible architecture (have 'x86_64', need 'arm64'))", not: 'native-binding-missing' },
  // other tools' checksum errors
  { text: 'error: SHA256 mismatch for rust-std-1.70.0 (expected 0a1b, got 2c3d)', not: 'brew-checksum-mismatch' },
  // digits after a hyphen are not an OSStatus
  { text: 'Release build 2026-25300 finished in 4 minutes', not: 'macos-keychain' },
  { text: 'Ticket OPS-25293 closed', not: 'macos-keychain' },
];
