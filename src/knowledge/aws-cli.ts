// Failures of the AWS CLI installation rather than of AWS: a v1 shadowing v2, no CLI,
// no credentials at all.
import { EKS_CONTEXT, inContext } from './context.js';
import type { KnownFailure } from './types.js';

export const awsCliFailures: readonly KnownFailure[] = [
  {
    id: 'aws-cli-v1-shadowing',
    title: 'AWS CLI v1 runs instead of v2',
    group: 'aws-cli',
    patterns: [
      /(?<![\w.\/-])aws-cli\/1\.\d+\.\d+/,
      /AWS CLI version 2, the latest major version of the AWS CLI, is now stable/,
      // A pip-installed v1 whose Python packages are gone or mismatched.
      /import awscli\.clidriver|No module named '?awscli/,
      // awscli and botocore from pip out of step (each awscli pins one botocore); an import error between the two is boto-version-mismatch's.
      /No module named '?botocore|DistributionNotFound: The '(?:botocore|awscli)/,
      // An old pip awscli/botocore on a newer Python (3.10 removed the collections aliases they imported).
      /(?:awscli|botocore)[\s\S]{0,2000}?cannot import name '(?:Mapping|MutableMapping|Callable|Iterable)' from 'collections'/,
      // An old pip botocore (httpsession.py imported urllib3's DEFAULT_CIPHERS) beside urllib3 2, which removed it.
      /cannot import name 'DEFAULT_CIPHERS' from 'urllib3\.util\.ssl_'/,
    ],
    explanation:
      'The first `aws` on PATH is a v1 (usually pip or a pyenv shim), even if v2 is installed further down PATH. '
      + 'v1 is out of support, lacks v2\'s options and reports errors differently. `which -a aws` (where.exe aws on '
      + 'Windows) lists every aws on PATH; after removing one, `hash -r` or a new shell stops the old one being run. A pip '
      + 'awscli/botocore older than the urllib3 beside it fails at import ("cannot import name \'DEFAULT_CIPHERS\'"): v2 '
      + 'bundles its own; for boto3 scripts, upgrade botocore and boto3 together (or pin urllib3<2).',
    fix: {
      description: 'See which aws runs and which is v2, then remove v1 (`pip uninstall awscli`) or put v2\'s folder first on PATH',
      commands: [['duo-sso-setup', 'doctor', '--only', 'aws-cli']],
      automatic: false,
    },
    example: 'aws-cli/1.29.0 Python/3.11.7 Linux/6.1.0 botocore/1.31.0',
  },
  {
    id: 'aws-cli-not-found',
    title: 'The AWS CLI is not installed or not on PATH',
    group: 'aws-cli',
    patterns: [
      /\baws: (?:command )?not found/, /command not found: aws(?![\w-])/, /'aws(?:\.exe)?' is not recognized as/, /Command 'aws' not found/, /exec: \\?"aws\\?": executable file not found/,
      // kubectl's exec credential plugin (client-go plugin/pkg/client/auth/exec) and Node's child_process.
      /exec: executable aws not found/, /\bspawn aws(?:\.exe)? ENOENT\b/,
    ],
    explanation:
      'duo-sso writes credentials for the AWS CLI, but no `aws` is on PATH. When kubectl says so ("getting credentials: exec: '
      + '... aws"), the kubeconfig\'s exec command is `aws` and kubectl\'s PATH has none: install the AWS CLI v2, or edit the '
      + 'command in the kubeconfig to the full path of the installed binary (an early v2 preview installed itself as aws2).',
    fix: { description: 'Install the AWS CLI v2', commands: [['duo-sso-setup', 'install', 'aws-cli']], automatic: false },
    example: 'zsh: command not found: aws',
  },
  {
    // awscli/argparser.py: "Invalid choice, valid choices are:" (v1, v2 before 2.22) and
    // "Found invalid choice 'x'" under "aws: [ERROR]:" (later v2); clidriver.py "Unknown options: ...".
    id: 'aws-cli-usage',
    title: 'The AWS CLI does not know this command or option (typo, or a CLI too old for it)',
    group: 'aws-cli',
    patterns: [
      /\bargument (?:command|operation|subcommand): (?:Invalid choice\b|Found invalid choice '(?<command>[^'\n]*)')/,
      /\bInvalid choice: '[^'\n]+', maybe you meant:/,
      /(?:^|\s|\[ERROR\]: )Unknown options: --?\w/m,
      /\baws(?:\.exe)?: (?:error|\[ERROR\]): (?:the following arguments are required|argument --[\w-]+: expected one argument|unrecognized arguments)/,
      // awscli/argprocess.py ParamError: a parameter value the CLI could not parse (JSON, shorthand).
      /Error parsing parameter '--[\w-]+': /,
    ],
    supersedes: ['aws-cli-v1-shadowing'],
    explanation:
      'The `aws` that ran refused the command line before calling AWS. Either a word is mistyped, or the command or option is '
      + 'newer than this AWS CLI: v1 has no `aws sso login`, `aws configure sso`, `aws configure export-credentials` or '
      + '`--no-cli-pager`, and an old v2 lacks services and options added since. Often a v1 (pip, pyenv) shadows the v2 you '
      + 'installed, or kubectl and scripts run an old `aws` from another PATH.',
    fix: {
      description: 'See which aws runs and its version, then update to the current AWS CLI v2 (or correct the command)',
      commands: [['aws', '--version'], ['duo-sso-setup', 'doctor', '--only', 'aws-cli'], ['duo-sso-setup', 'install', 'aws-cli']],
      automatic: false,
    },
    example: "aws: error: argument command: Invalid choice, valid choices are:\n\naccessanalyzer                           | account",
  },
  {
    // kubectl runs `aws eks get-token` as an exec credential plugin (client-go
    // plugin/pkg/client/auth/exec/exec.go); kubeconfigs written by an old AWS CLI ask for the
    // v1alpha1 API that kubectl 1.24 removed.
    id: 'eks-get-token-failed',
    title: 'kubectl could not get a token from `aws eks get-token`',
    group: 'aws-cli',
    patterns: [
      /exec plugin: invalid apiVersion "client\.authentication\.k8s\.io\/v1(?:alpha1|beta1)"/,
      /getting credentials: exec: executable (?:aws|aws-iam-authenticator|heptio-authenticator-aws|aws-vault|saml2aws|granted|assume) failed with exit code \d+/,
      // client-go before 1.22 printed only the exit status of the plugin (aws, aws-iam-authenticator).
      /getting credentials: exec: exit status \d+/,
      /exec plugin is configured to use API version [^\n]*, plugin returned version client\.authentication\.k8s\.io\/v1(?:alpha1|beta1)?\b/,
      // client-go before 1.26 (exec.go: "exec: %v" around os/exec's error) when the kubeconfig's command is not on PATH:
      // aws, aws-iam-authenticator or its old name heptio-authenticator-aws (eksctl's older kubeconfigs); since 1.26
      // "exec: executable NAME not found", and the install hint it prints.
      // A missing `aws` itself is aws-cli-not-found's (which names the kubeconfig too).
      /getting (?:credentials|token): exec: (?:exec: )?"(?!aws")[^"\n]+": executable file not found in \$PATH/,
      /exec: executable (?!aws )\S+ not found\b/,
      /It looks like you are trying to use a client-go credential plugin that is not installed/,
      // Node-based Kubernetes clients (kubebox, IDE extensions) run the kubeconfig's exec command with child_process.spawn,
      // without a login shell's PATH; a missing `aws` itself stays aws-cli-not-found's.
      /\bspawn (?:aws-iam-authenticator|heptio-authenticator-aws|kubelogin|gke-gcloud-auth-plugin)(?:\.exe)? ENOENT\b/,
      /getting credentials: decoding stdout: no kind "ExecCredential" is registered for version "client\.authentication\.k8s\.io\/v1alpha1"/,
      // client-go exec.go: the command exited 0 but printed something other than an ExecCredential.
      /getting credentials: decoding stdout: couldn't get version\/kind; json parse error/,
      /exec plugin didn't return (?:a status field|a token or cert\/key pair)/,
    ],
    supersedes: ['aws-cli-not-found'],
    explanation:
      'kubectl runs `aws eks get-token` (the kubeconfig\'s `exec` section) for every request. "invalid apiVersion '
      + 'client.authentication.k8s.io/v1alpha1" means the kubeconfig was written by an old AWS CLI and kubectl 1.24+ no longer '
      + 'accepts it: update the AWS CLI and write the kubeconfig again. "invalid apiVersion ...v1beta1" is the other way '
      + 'round: kubectl is older than the kubeconfig (before 1.11 it knew no v1beta1): update kubectl to a current version. '
      + '"failed with exit code" or "exit status" means the command itself failed (its own message is printed beside it): '
      + 'usually the profile the kubeconfig names (AWS_PROFILE in its env) has expired credentials or does not exist; a '
      + 'kubeconfig that calls aws-iam-authenticator runs that binary, whose SDK may be too old for the profile: update it. '
      + 'When aws-iam-authenticator is "not found", install it, or rewrite the entry to use aws eks get-token (aws eks update-kubeconfig). '
      + '"executable file not found in $PATH" names the kubeconfig\'s exec command that kubectl could not run: install that '
      + 'binary (heptio-authenticator-aws is the old name of aws-iam-authenticator) and put it on PATH, or edit the command in '
      + 'the kubeconfig to the full path of the binary you have (the AWS CLI v2 preview installed itself as aws2). A Node-based '
      + 'client (kubebox, an IDE extension, a desktop app started outside a shell) says "spawn aws-iam-authenticator ENOENT" '
      + 'for the same thing: it does not get your shell\'s PATH, so write the absolute path in the kubeconfig\'s exec command '
      + '(command: /usr/local/bin/aws-iam-authenticator). "plugin '
      + 'returned version X" with another configured version: set the exec apiVersion in the kubeconfig to the one the '
      + 'plugin returns (client.authentication.k8s.io/v1beta1 for current aws and aws-iam-authenticator). "decoding stdout: '
      + 'couldn\'t get version/kind" or "didn\'t return a status field" means the command succeeded but printed something '
      + 'other than the ExecCredential JSON: a wrapper script or shell profile echoing text, an output setting of text, table '
      + 'or yaml (AWS_DEFAULT_OUTPUT, or output in the profile; the kubeconfig env can set AWS_DEFAULT_OUTPUT=json), or an '
      + 'old aws without eks get-token support.',
    fix: {
      description: 'Update the AWS CLI, log in to the profile the kubeconfig uses, then rewrite the cluster\'s kubeconfig entry',
      commands: [['duo-sso-setup', 'doctor', '--only', 'aws-cli,kubeconfig'], ['duo-sso-setup', 'login', '--profile', '<profile>'], ['aws', 'eks', 'update-kubeconfig', '--name', '<cluster>', '--profile', '<profile>']],
      automatic: false,
    },
    example: 'error: exec plugin: invalid apiVersion "client.authentication.k8s.io/v1alpha1"',
  },
  {
    // kubectl's answer when the API server does not accept the token (a 401): the exec plugin ran.
    id: 'eks-unauthorized',
    title: 'The EKS cluster does not accept the AWS identity kubectl presented',
    group: 'aws-cli',
    patterns: [
      // kubectl's 401 is the same for every cluster (GKE, AKS, kubeadm): EKS only where the text shows it (the aws exec
      // plugin, aws-iam-authenticator, an EKS endpoint or cluster ARN, `aws eks update-kubeconfig`'s context line).
      inContext(EKS_CONTEXT, /You must be logged in to the server \((?:Unauthorized|the server has asked for the client to provide credentials)\)/),
      // helm (and other client-go tools) over the same refusal; kubectl 1.29+ logs it bare.
      inContext(EKS_CONTEXT, /Kubernetes cluster unreachable: the server has asked for the client to provide credentials/),
      inContext(EKS_CONTEXT, /the server has asked for the client to provide credentials/),
    ],
    explanation:
      'kubectl got a token from `aws eks get-token`, but the cluster refused it. The token is signed with whatever credentials '
      + 'the kubeconfig\'s profile resolves to: an expired session, the wrong profile (AWS_PROFILE in the shell or in the '
      + 'kubeconfig\'s env), or a role the cluster does not map (not in the aws-auth ConfigMap or an EKS access entry; the '
      + 'role ARN must be given without its path).',
    fix: {
      description: 'See which identity the profile is, log in again, and ask the cluster owners to map that role if it still fails',
      commands: [['aws', 'sts', 'get-caller-identity', '--profile', '<profile>'], ['duo-sso-setup', 'login', '--profile', '<profile>'], ['duo-sso-setup', 'doctor', '--only', 'kubeconfig']],
      automatic: false,
    },
    example: 'Updated context arn:aws:eks:eu-west-1:123456789012:cluster/prod in /home/me/.kube/config\n$ kubectl get pods\nerror: You must be logged in to the server (Unauthorized)',
  },
  {
    // Throttling and transient server errors every AWS service returns (the retryable codes in
    // botocore's retries/standard.py and the SDKs' retry handlers), and the retry budget running out.
    id: 'aws-throttled',
    title: 'AWS is throttling the requests, or failing them for a moment',
    group: 'aws-cli',
    patterns: [
      /\b(?:Throttling(?:Exception)?|ThrottledException|TooManyRequestsException|RequestLimitExceeded|RequestThrottled(?:Exception)?|SlowDown|ProvisionedThroughputExceededException|BandwidthLimitExceeded|EC2ThrottledException|PriorRequestNotComplete|TransactionInProgressException)\b(?=\s*[):;'",\]}]|\s+when\b|\s*$)/m,
      /\bRate exceeded\b/,
      /\((?:InternalFailure|InternalError|ServiceUnavailable(?:Exception)?|InternalServerError|InternalServiceError)\) when calling the \w+ operation/,
      /\bexceeded maximum number of attempts, \d+, (?:https response error StatusCode: (?:429|5\d\d)|[\w ]*(?:throttl|rate exceeded))/i,
      // The Go SDK v2's client-side retry budget (aws/ratelimit QuotaExceededError, aws/retry "failed to get rate limit token").
      /\bretry quota exceeded, \d+ available, \d+ requested\b/,
    ],
    explanation:
      'AWS limits how fast an account (or one user) may call each API, and sometimes fails a call for a moment. Many profiles '
      + 'logging in at once, a script in a loop, or several tools polling the same account exhaust the rate; the SDK retries a '
      + 'few times and then gives up with this (the Go SDK also keeps a retry budget per client: "retry quota exceeded" means '
      + 'many calls failed in a row and it stopped retrying). Waiting and retrying works; lasting relief is fewer parallel calls, or more '
      + 'patient retries in the profile (retry_mode = adaptive, max_attempts = 10).',
    fix: {
      description: 'Retry in a minute; for scripts, set more patient retries on the profile and call less in parallel',
      commands: [['aws', 'configure', 'set', 'retry_mode', 'adaptive', '--profile', '<profile>'], ['aws', 'configure', 'set', 'max_attempts', '10', '--profile', '<profile>']],
      automatic: false,
    },
    example: 'An error occurred (Throttling) when calling the AssumeRoleWithSAML operation (reached max retries: 4): Rate exceeded',
  },
  {
    // AWS CLI v2 awscli/errorhandler.py PagerErrorHandler: the pager (less by default) cannot start.
    id: 'aws-cli-pager',
    title: 'The AWS CLI cannot start its pager (less)',
    group: 'aws-cli',
    patterns: [/Unable to redirect output to pager/, /\bPagerInitializationException\b/],
    explanation:
      'AWS CLI v2 sends output through a pager (less, or what AWS_PAGER / cli_pager names). In a container, a minimal Linux '
      + 'or Git Bash without less, or with a pager setting naming a missing program, every command that prints fails. Scripts '
      + 'and tools that read the output should not use a pager at all.',
    fix: {
      description: 'Turn the pager off for the profile (or export AWS_PAGER=""), or install less',
      commands: [['aws', 'configure', 'set', 'cli_pager', '', '--profile', '<profile>']],
      automatic: false,
    },
    example: "\nUnable to redirect output to pager. Received the following error when opening pager:\n[Errno 2] No such file or directory: 'less'\n\nLearn more about configuring the output pager by running \"aws help config-vars\".\n",
  },
  {
    // Python's codecs under the AWS CLI / boto3 on a console or file that is not UTF-8 (Windows
    // code pages): UnicodeEncodeError / UnicodeDecodeError.
    id: 'python-text-encoding',
    title: 'Python (the AWS CLI, boto3) cannot write or read text in this encoding',
    group: 'aws-cli',
    patterns: [
      /'(?:charmap|cp\d+|gbk|ascii|latin-1)' codec can't (?:encode|decode) (?:character|byte)/,
      /\bUnicode(?:En|De)codeError: '(?:charmap|cp\d+|gbk|ascii|latin-1)' codec/,
    ],
    explanation:
      'The AWS CLI v1 and Python scripts use the console\'s or the system\'s code page (cp1252, gbk on Windows, ascii in a bare '
      + 'container) to print output and read files; a name, tag or file with characters outside it stops the command. '
      + 'Setting PYTHONUTF8=1 (and for the AWS CLI AWS_CLI_FILE_ENCODING=UTF-8) makes them use UTF-8; in a container, a UTF-8 '
      + 'locale (LANG=C.UTF-8) does the same.',
    fix: {
      description: 'Make Python use UTF-8: export PYTHONUTF8=1 and AWS_CLI_FILE_ENCODING=UTF-8 (setx on Windows), then retry',
      commands: [['duo-sso-setup', 'doctor', '--only', 'aws-cli']],
      automatic: false,
    },
    example: "UnicodeEncodeError: 'charmap' codec can't encode character '\\u2713' in position 12: character maps to <undefined>",
  },
  {
    // Installing the AWS CLI: pip on a distribution Python (PEP 668, "error: externally-managed-environment"),
    // the v2 installer (exe/assets/install: "Found preexisting AWS CLI installation"), and the v2
    // bundle's PyInstaller loader on a system whose C library it was not built for.
    id: 'aws-cli-install-failed',
    title: 'Installing or starting the AWS CLI v2 failed',
    group: 'aws-cli',
    patterns: [
      // pip's PEP 668 refusal names no package: it is about the AWS CLI only where the command (pip install awscli) is shown.
      inContext(/\bawscli\b/, /error: externally-managed-environment/),
      /Found preexisting AWS CLI installation: /,
      /Failed to load Python shared library|Error loading Python lib '[^'\n]*aws-cli/,
      /aws-cli\/v2\/[^\n]*GLIBC_\d+\.\d+'? not found|version `GLIBC_\d+\.\d+' not found[^\n]*aws/,
      // An aws script whose Python is gone (bash: "bad interpreter", as bash and zsh print it).
      /\/aws: (?:\S+: )?bad interpreter: /,
      // The distribution has no awscli package (apt's apt-pkg "Unable to locate package", "no installation candidate"; dnf).
      /Unable to locate package awscli\b|Package '?awscli'? has no installation candidate|(?:No match for argument|Unable to find a match): awscli\b/,
      // apt-get (apt-pkg/depcache, cmdline/apt-get.cc) when another package still names awscli but no source offers it.
      /Package '?awscli'? is not available, but is referred to by another package/,
    ],
    explanation:
      'pip refuses to install into a Python the OS manages (Debian 12, Ubuntu 23.04 and later, Homebrew\'s Python): that '
      + 'would only give you the old v1 anyway. The AWS CLI v2 comes from its own installer, which refuses to overwrite an '
      + 'existing installation unless run with --update. Its bundled binaries need glibc (not Alpine\'s musl) and a C library '
      + 'at least as new as the one it was built against (very old distributions fail to load it). An `aws` that says "bad '
      + 'interpreter" was installed with a Python that has since been removed (a Homebrew or pyenv Python upgraded away): '
      + 'install v2 and remove the old one. Some distributions have no awscli package at all (Ubuntu 24.04 dropped it: "Package '
      + 'awscli is not available", "no installation candidate"). On CI images such as GitHub\'s ubuntu-24.04 runners the AWS '
      + 'CLI v2 is preinstalled: drop the apt-get install awscli step; elsewhere use the official installer (or `snap install aws-cli --classic`).',
    fix: {
      description: 'Install (or update) the AWS CLI v2 with its own installer, not pip; rerun the installer with --update if one is there',
      commands: [['duo-sso-setup', 'install', 'aws-cli'], ['duo-sso-setup', 'doctor', '--only', 'aws-cli']],
      automatic: false,
    },
    example: '$ pip3 install awscli\nerror: externally-managed-environment\n\n× This environment is externally managed\n╰─> To install Python packages system-wide, try apt install\n    python3-xyz, where xyz is the package you are trying to\n    install.',
  },
  {
    // Docker's login to Amazon ECR: a token from `aws ecr get-login-password`, valid 12 hours (ECR's "denied: Your
    // authorization token has expired", as the ECR and ECR Public troubleshooting pages quote it), or none at all
    // (the Docker daemon's "no basic auth credentials" for an ECR registry).
    id: 'ecr-login-expired',
    title: 'Docker\'s login to Amazon ECR has expired (or was never made)',
    group: 'aws-cli',
    patterns: [
      /denied: Your authorization token has expired\. Reauthenticate and try again/i,
      /\b\d{12}\.dkr\.ecr\.(?<region>[a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com[^\n]*denied: Your authorization token has expired/i,
      /\b\d{12}\.dkr\.ecr\.(?<region>[a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com\S*"?:? no basic auth credentials/,
      // podman, skopeo and buildah (containers/image) with no login for the ECR registry.
      /\b\d{12}\.dkr\.ecr\.(?<region>[a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com[^\n]*\bunauthorized: authentication required/,
    ],
    explanation:
      'Docker logs in to Amazon ECR with a token from `aws ecr get-login-password`, valid for 12 hours, and keeps it in '
      + '~/.docker/config.json or its credential helper. That token has expired, or Docker never logged in to this registry '
      + '(or did so with another account\'s credentials). Log in again with the AWS profile you use now: '
      + '`aws ecr get-login-password --region REGION | docker login --username AWS --password-stdin '
      + 'ACCOUNT.dkr.ecr.REGION.amazonaws.com`. For public.ecr.aws a stale login is worse than none: `docker logout public.ecr.aws`.',
    fix: {
      description: 'Get a fresh ECR token and pipe it to docker login (aws ecr get-login-password --region REGION | docker login --username AWS --password-stdin ACCOUNT.dkr.ecr.REGION.amazonaws.com)',
      commands: [['aws', 'ecr', 'get-login-password', '--region', '<region>']],
      automatic: false,
    },
    example: 'Error response from daemon: pull access denied for 626007623524.dkr.ecr.us-east-1.amazonaws.com/tools, repository does not exist or may require \'docker login\': denied: Your authorization token has expired. Reauthenticate and try again.',
  },
  {
    // boto3, s3transfer and awscli v1 pin the botocore they were released with (setup.cfg install_requires
    // "botocore>=X,<Y"); pip installing one of them alone leaves the other behind, and the newer one imports a name
    // the older one does not have yet (Python's ImportError "cannot import name", pip's resolver "requires ..., but
    // you have ... which is incompatible" and the legacy "has requirement").
    id: 'boto-version-mismatch',
    title: 'boto3 (or the AWS CLI v1) and botocore are versions that do not belong together',
    group: 'aws-cli',
    patterns: [
      /\bfrom botocore[\w.]* import [\w, ]+[^\n]*\n[^\n]*\bImportError: cannot import name\b/,
      /ImportError: cannot import name '?\w+'? from '(?:botocore|boto3|s3transfer|awscli)[\w.]*'/,
      /\b(?:awscli|boto3|s3transfer|aiobotocore) [\w.]+ (?:requires|has requirement) botocore\b[^\n]*(?:which is incompatible|but you(?:'ll)? have botocore)/,
      /AttributeError: module 'botocore[\w.]*' has no attribute '\w+'/,
      // botocore exceptions.py UnknownServiceError: a botocore older than the service the code (or aws) asks for.
      /\bUnknownServiceError\b|Unknown service: '[\w.-]+'\. Valid service names are/,
    ],
    explanation:
      'boto3, s3transfer and the AWS CLI v1 each work only with the botocore versions they were released with. Upgrading '
      + 'one of them alone (pip install -U boto3, an OS package next to a pip one, two site-packages on sys.path) leaves '
      + 'botocore behind or ahead, and the newer side imports a name the other does not have. Upgrade them together in the '
      + 'same environment (pip install --upgrade boto3 botocore, or awscli botocore) and let pip check confirm it; the AWS '
      + 'CLI v2 bundles its own botocore and is not affected. "Unknown service" (UnknownServiceError) is a botocore older '
      + 'than the service asked for (sso-oidc, identitystore): upgrade it the same way.',
    fix: {
      description: 'In the same Python environment, upgrade boto3 (or awscli) and botocore together: python3 -m pip install --upgrade boto3 botocore; then python3 -m pip check',
      commands: [['python3', '-m', 'pip', 'install', '--upgrade', 'boto3', 'botocore'], ['python3', '-m', 'pip', 'check']],
      automatic: false,
    },
    example: '  File "/usr/lib/python3/dist-packages/boto3/session.py", line 17, in <module>\n    from botocore.client import Config\nImportError: cannot import name \'Config\' from \'botocore.client\' (/usr/lib/python3/dist-packages/botocore/client.py)',
  },
  {
    // urllib3 2's import-time check of the ssl module (urllib3/__init__.py): an ImportError in 2.0.0,
    // NotOpenSSLWarning since 2.0.1. Python AWS tools (AWS CLI v1, boto3 and the SAML helpers on it) import it.
    id: 'python-urllib3-openssl',
    title: 'urllib3 2 and a Python built without OpenSSL 1.1.1 (macOS system Python, old Linux)',
    group: 'aws-cli',
    patterns: [/urllib3 v2(?:\.0)? only supports OpenSSL 1\.1\.1\+/, /\bNotOpenSSLWarning\b/],
    explanation:
      'urllib3 2 needs Python\'s ssl module built against OpenSSL 1.1.1 or newer. macOS\'s own /usr/bin/python3 uses '
      + 'LibreSSL: there it is only a warning (NotOpenSSLWarning) and the tool still works. With urllib3 2.0.0, or on old '
      + 'Linux (OpenSSL 1.0.2, Amazon Linux 2, CentOS 7), it is an ImportError and boto3 or the AWS CLI v1 cannot start. '
      + 'Either keep urllib3 below 2 in that environment (pip install "urllib3<2") or use a Python built with OpenSSL 3 '
      + '(Homebrew, pyenv); the AWS CLI v2 brings its own.',
    fix: {
      description: 'In the tool\'s Python environment, install "urllib3<2", or run the tool with a Python built against OpenSSL 1.1.1+; use the AWS CLI v2',
      commands: [['python3', '-c', 'import ssl; print(ssl.OPENSSL_VERSION)'], ['duo-sso-setup', 'doctor', '--only', 'aws-cli']],
      automatic: false,
    },
    example: "/Users/jdoe/Library/Python/3.9/lib/python/site-packages/urllib3/__init__.py:35: NotOpenSSLWarning: urllib3 v2 only supports OpenSSL 1.1.1+, currently the 'ssl' module is compiled with 'LibreSSL 2.8.3'.",
  },
  {
    // aws ssm start-session hands the session to the separate session-manager-plugin: the AWS CLI's
    // customizations/sessionmanager.py when it cannot run it, and the plugin's own datachannel/streaming.go (an older
    // plugin than the session asks for: "Unknown session type %s", "Unsupported action %s", no KMS encryption support),
    // and the shells' not-found for an ssh ProxyCommand or `aws ecs execute-command` that runs it directly.
    id: 'ssm-plugin-missing-or-old',
    title: 'The Session Manager plugin (aws ssm start-session) is not installed, or too old for the session',
    group: 'aws-cli',
    patterns: [
      /SessionManagerPlugin is not found\b/,
      /session-manager-plugin-not-found\b/,
      /\bsession-manager-plugin: (?:command )?not found|command not found: session-manager-plugin\b|'session-manager-plugin' is not recognized as/,
      /Failed to process action SessionType: Unknown session type \w+/,
      /\bUnsupported action (?:SessionType|KMSEncryption)\b/,
      /Installed version of CLI does not support Session Manager encryption feature/,
    ],
    explanation:
      'aws ssm start-session, aws ecs execute-command and SSH through Session Manager hand the connection to a separate '
      + 'program, session-manager-plugin, which neither AWS CLI v1 nor v2 contains. "SessionManagerPlugin is not found": it is not installed, or not on the PATH '
      + 'the program that runs aws sees (a new shell after installing it, an IDE\'s SSH, a GUI app; macOS: brew install --cask '
      + 'session-manager-plugin; Linux: the .deb or .rpm from AWS; Windows: its installer). "Unknown '
      + 'session type", "Unsupported action" or no encryption support: the plugin is older than the session asks for (port '
      + 'forwarding to a remote host, KMS-encrypted sessions): update it, and the AWS CLI with it. Your credentials are not the '
      + 'problem.',
    fix: {
      description: 'Install or update the Session Manager plugin (and the AWS CLI), then open a new shell',
      commands: [['session-manager-plugin', '--version'], ['aws', '--version']],
      platformCommands: { darwin: [['brew', 'install', '--cask', 'session-manager-plugin'], ['session-manager-plugin', '--version']] },
      automatic: false,
    },
    example: 'SessionManagerPlugin is not found. Please refer to SessionManager Documentation here: http://docs.aws.amazon.com/console/systems-manager/session-manager-plugin-not-found',
  },
  {
    // pip replacing a package the OS's own Python owns: a distutils-installed one whose files pip cannot list (pip 10+
    // req_uninstall.py "Cannot uninstall %r. It is a distutils installed project…"; before 10 a DEPRECATION warning; pip 23+
    // exceptions.py), one apt or rpm installed (UninstallMissingRecord's "The package was installed by debian"), and
    // macOS 10.11-10.12's System Integrity Protection refusing to move Apple's six 1.4.1 out of /System (OSError Errno 1).
    id: 'pip-cannot-replace-system-package',
    title: 'pip cannot replace a package the system Python owns (six on macOS, a distutils-installed package)',
    group: 'aws-cli',
    patterns: [
      /Cannot uninstall '?(?<package>[\w.-]+)'?\. It is a distutils installed project/,
      /Uninstalling a distutils installed project \((?<package>[\w.-]+)\) has been deprecated/,
      /Operation not permitted: '[^'\n]*pip-[^'\n]*-uninstall\/System\/Library\/Frameworks\/Python\.framework/,
      // pip 23+ (_internal/exceptions.py LegacyDistutilsInstall, UninstallMissingRecord with an installer other than pip).
      /\buninstall-distutils-installed-package\b|It is a distutils installed project and thus we cannot accurately determine/,
      /The package was installed by (?!pip\b)[\w-]+\. You should check if it can uninstall the package\./,
    ],
    explanation:
      'pip tried to upgrade a package (often six) that came with the system\'s Python: on OS X El Capitan and Sierra, Apple\'s six '
      + 'sits under /System, which System Integrity Protection protects even from sudo; elsewhere a package installed by '
      + 'distutils or by apt/rpm, whose files pip cannot list. Leave the system copy alone: install for your user (pip '
      + 'install --user awscli), or tell pip to install over it (sudo -H pip install awscli --upgrade --ignore-installed six), '
      + 'or use a Python of your own (Homebrew, pyenv, a virtualenv). Better still for the AWS CLI: install v2 with its own '
      + 'installer, which needs no pip.',
    fix: {
      description: 'Do not replace the system package: pip install --user --upgrade awscli (or sudo -H pip install awscli --upgrade --ignore-installed six), or install the AWS CLI v2 with its installer',
      commands: [['python3', '-m', 'pip', 'install', '--user', '--upgrade', 'awscli'], ['duo-sso-setup', 'install', 'aws-cli']],
      automatic: false,
    },
    example: "Installing collected packages: six, python-dateutil, docutils, botocore, pyasn1, rsa, awscli\n  Found existing installation: six 1.4.1\n    DEPRECATION: Uninstalling a distutils installed project (six) has been deprecated and will be removed in a future version. This is due to the fact that uninstalling a distutils project will only partially uninstall the project.\n    Uninstalling six-1.4.1:\nOSError: [Errno 1] Operation not permitted: '/tmp/pip-4Ge4Lx-uninstall/System/Library/Frameworks/Python.framework/Versions/2.7/Extras/lib/python/six-1.4.1-py2.7.egg-info'",
  },
  {
    // snapd (cmd/snap/cmd_snap_op.go, the classic-confinement refusal): the aws-cli snap (and node's) is a classic snap.
    id: 'snap-classic-confinement',
    title: 'snap refuses a classic snap (aws-cli, node) without --classic',
    group: 'aws-cli',
    patterns: [
      /This revision of snap "(?<snap>[^"\n]+)" was published using classic confinement/,
      /If you understand and want to proceed repeat the command including --classic\./,
    ],
    explanation:
      'The AWS CLI v2 snap (like the node snap) is published with classic confinement: it runs outside snap\'s sandbox so it '
      + 'can read ~/.aws and run credential_process helpers such as duo-sso. snap installs it only when told so: repeat '
      + 'the command with --classic (`sudo snap install aws-cli --classic`). The AWS CLI v2 installer is the other way.',
    fix: {
      description: 'Install the snap with --classic: sudo snap install aws-cli --classic (or use the AWS CLI v2 installer)',
      commands: [['sudo', 'snap', 'install', 'aws-cli', '--classic'], ['duo-sso-setup', 'doctor', '--only', 'aws-cli']],
      automatic: false,
    },
    example: 'error: This revision of snap "aws-cli" was published using classic confinement and thus may perform\narbitrary system changes outside of the security sandbox that snaps are usually confined to, which\nmay put your system at risk.\n\nIf you understand and want to proceed repeat the command including --classic.',
  },
  {
    // pip (src/pip/_internal/commands/install.py create_os_error_message): installing into a site-packages folder the user
    // cannot write (a system Python without sudo), with its "--user" hint.
    id: 'pip-install-permission',
    title: 'pip cannot write to the Python it installs into (Errno 13 in site-packages)',
    group: 'aws-cli',
    patterns: [
      /Could not install packages due to an (?:OSError|EnvironmentError): \[Errno 13\] Permission denied/,
      /Consider using the `--user` option or check the permissions\./,
    ],
    explanation:
      'pip was installing into a Python whose site-packages (or bin) folder belongs to root: the system\'s Python, or one a '
      + 'past `sudo pip` left root-owned. Do not add sudo: install for your user (`pip install --user PACKAGE`, with '
      + '~/.local/bin on PATH), or into a virtual environment or with pipx. For the AWS CLI, pip only gives v1: install v2 '
      + 'with its own installer instead.',
    fix: {
      description: 'Install for your user (pip install --user) or in a virtualenv/pipx instead of with sudo; for the AWS CLI use the v2 installer',
      commands: [['python3', '-m', 'pip', 'install', '--user', '<package>'], ['duo-sso-setup', 'install', 'aws-cli']],
      automatic: false,
    },
    example: "ERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '/usr/local/lib/python3.9/site-packages/awscli'\nConsider using the `--user` option or check the permissions.",
  },
  {
    // pip's resolver (src/pip/_internal/index/package_finder.py: "Could not find a version that satisfies the requirement
    // %s (from versions: %s)", "No matching distribution found for %s") asked for AWS CLI v2, which PyPI does not carry.
    id: 'aws-cli-v2-not-on-pypi',
    title: 'pip was asked for AWS CLI v2, which is not published on PyPI',
    group: 'aws-cli',
    supersedes: ['aws-cli-install-failed'],
    patterns: [
      /(?:satisfies the requirement|No matching distribution found for) awscli ?(?:==|>=|~=|===) ?2(?:\.|\b)/,
      // Poetry's solver (poetry-core / mixology "which doesn't match any versions") for a v2 constraint.
      /depends on awscli \((?:\^|>=|~|==)?\s*2[^)\n]*\) which doesn't match any versions/,
    ],
    explanation:
      'The awscli package on PyPI is the AWS CLI v1 (1.x); AWS publishes v2 only through its own installers (and Homebrew, '
      + 'snap), never to PyPI, so pip finds no 2.x version. Install v2 with the official installer and remove the pip v1 so '
      + 'it does not shadow it.',
    fix: {
      description: 'Install the AWS CLI v2 with its official installer (not pip), then remove the pip awscli (pip uninstall awscli)',
      commands: [['duo-sso-setup', 'install', 'aws-cli'], ['duo-sso-setup', 'doctor', '--only', 'aws-cli']],
      automatic: false,
    },
    example: 'ERROR: Could not find a version that satisfies the requirement awscli==2.15.30 (from versions: 1.32.1, 1.32.2)\nERROR: No matching distribution found for awscli==2.15.30',
  },
  // ---- learned from the aws2 batch (issue 18, round 2)
  {
    // aws-cli v1 awscli/customizations/ecr.py get-login prints `docker login -u AWS -p ... -e none URL` unless
    // --no-include-email; Docker 17.06 removed -e/--email (docker/cli: "unknown shorthand flag"), and the AWS CLI v2
    // has no get-login at all (only get-login-password).
    id: 'ecr-get-login-removed',
    title: '`aws ecr get-login` no longer works (Docker dropped -e; the AWS CLI v2 dropped get-login)',
    group: 'aws-cli',
    patterns: [
      /unknown shorthand flag: 'e' in -e\b/,
      /Flag --email has been deprecated, will be removed in 17\.06/,
      /\$\(aws ecr get-login\b(?!-password)/,
    ],
    explanation:
      '`aws ecr get-login` (AWS CLI v1) prints a docker login command with `-e none`, which Docker 17.06 and later refuse '
      + '("unknown shorthand flag: \'e\' in -e"); add --no-include-email to leave it out. The AWS CLI v2 removed get-login '
      + 'altogether ("Invalid choice"), and get-login put the password on docker\'s command line anyway: use '
      + 'get-login-password and pipe it to docker login instead, which works with both CLIs.',
    fix: {
      description: 'Use aws ecr get-login-password --region REGION | docker login --username AWS --password-stdin ACCOUNT.dkr.ecr.REGION.amazonaws.com (or, with the v1 CLI, get-login --no-include-email)',
      commands: [['aws', 'ecr', 'get-login-password', '--region', '<region>']],
      automatic: false,
    },
    example: "$ $(aws ecr get-login --region us-east-1)\nunknown shorthand flag: 'e' in -e\nSee 'docker login --help'.",
  },
];
