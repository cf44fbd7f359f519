// The Secret Service (org.freedesktop.secrets over the D-Bus session bus): duo-sso's keyring
// backend on Linux (99designs/keyring on godbus), and what libsecret's secret-tool, Python's
// keyring/secretstorage and Rust's zbus talk to. Four layers can be missing, each with its own
// wording: no bus, a bus without the service, a service without the interface, a locked
// collection.
import type { KnownFailure } from './types.js';

const SECRET_STORE_DOCTOR = ['duo-sso-setup', 'doctor', '--only', 'secret-store'];
const PASS_INSTEAD = 'Use the pass backend there (duo-sso-setup install pass-gpg)';

export const secretServiceFailures: readonly KnownFailure[] = [
  {
    id: 'secret-service-missing',
    title: 'No D-Bus session bus, so no Secret Service',
    group: 'secret-service',
    supersedes: ['keyring-no-backend', 'secret-service-not-running'],
    patterns: [
      /Cannot autolaunch D-Bus without X11 \$DISPLAY/,
      /Unable to autolaunch a dbus-daemon without a \$DISPLAY/,
      // libdbus built without X11 autolaunch (dbus/dbus-sysdeps-unix.c), as distributions ship it.
      /Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead/,
      /org\.freedesktop\.DBus\.Error\.(?:NotSupported|Spawn\.\w+|FileNotFound)\b/,
      /Error spawning command line [`'"]?dbus-launch/,
      /Could not connect: No such file or directory/,
      // godbus (99designs/keyring, hence duo-sso and aws-vault): dbus-launch --autolaunch gave no address, or the
      // bus socket is not there; GLib's spawn error when GDBus tries to autolaunch without dbus-launch.
      /dbus: couldn't determine address of session bus/,
      /dial unix \/run\/user\/\d+\/bus: connect: (?:no such file or directory|connection refused)/,
      /Failed to execute child process [“"']dbus-launch[”"']/,
      /Failed to connect to (?:the )?(?:D-Bus )?session bus/i,
      /dbus-launch: (?:command )?not found/,
      // Go's os/exec error, also as a logger quotes it (exec: \"dbus-launch\": ...).
      /exec: \\?"dbus-launch\\?": executable file not found/,
      /DBUS_SESSION_BUS_ADDRESS (?:(?:environment variable |env var )?(?:is )?(?:not set|unset))/i,
      /Environment variable DBUS_SESSION_BUS_ADDRESS is unset/,
      /Failed to connect to socket \/run\/user\/\d+\/bus: (?:No such file or directory|Connection refused|Permission denied)/,
      /zbus error: I\/O error: No such file or directory/,
      // secret-service-rs Error::Unavailable (under keyring-rs and @napi-rs/keyring), jaraco/keyring's libsecret backend.
      /no secret service provider or dbus session found/,
      // DBUS_SESSION_BUS_ADDRESS=disabled: (set by some sandboxes and remote shells), as GDBus rejects it.
      /Unknown or unsupported transport [“"']disabled[”"'] for address [“"']disabled:/,
      /Can't open a session to the secret service/,
      // dbus-launch's own autolaunch failure (tools/dbus-launch.c) where X11 is there in name only (WSL, ssh -X gone).
      /Autolaunch error: X11 initialization failed/,
    ],
    explanation:
      'The keyring backend talks to a Secret Service over the D-Bus session bus, and this session has none: WSL, SSH sessions, '
      + 'containers and servers start no session bus, and a bus cannot be started without a desktop. '
      + `${PASS_INSTEAD}, or start one for this shell: \`dbus-run-session -- bash\` (or \`eval $(dbus-launch --sh-syntax)\`), then \`gnome-keyring-daemon --unlock\` `
      + '(or `gnome-keyring-daemon --start --components=secrets` for a keyring that is already unlocked).',
    fix: {
      description: 'Check whether pass and gpg are ready to be used instead, and what the secret store check sees',
      commands: [['duo-sso-setup', 'doctor', '--only', 'gpg,pass,secret-store']],
      automatic: false,
    },
    example: 'secret-tool: Cannot autolaunch D-Bus without X11 $DISPLAY',
  },
  {
    id: 'secret-service-not-running',
    title: 'The session bus has no Secret Service (no keyring daemon)',
    group: 'secret-service',
    patterns: [
      /org\.(?:freedesktop\.secrets|kde\.kwalletd\d*|gnome\.keyring\w*) was not provided by any \.service files/,
      /org\.freedesktop\.DBus\.Error\.ServiceUnknown(?![^\n]*\bThe name (?!org\.freedesktop\.secrets\b|org\.kde\.kwallet|org\.gnome\.keyring)[\w.]+ was not provided)/,
      // The bus tried to start the keyring daemon and it never answered (gdbus and dbus-daemon wordings).
      /Error calling StartServiceByName for org\.freedesktop\.secrets: (?:Timeout was reached|[^\n]*TimedOut)/,
      /Failed to activate service 'org\.freedesktop\.secrets': timed out/,
      // systemd-activated buses: the bus asked systemd for the keyring's user unit and there is none.
      /StartServiceByName for org\.freedesktop\.secrets: [^\n]*\bNoSuchUnit\b/,
      // secretstorage (under Python keyring: "Unable to initialize SecretService: …").
      /\bSecretServiceNotAvailableException\b/,
      // gnome-keyring's PAM module and clients when gnome-keyring-daemon was never started for this login.
      /couldn't connect to: \/run\/user\/\d+\/keyring\/control/, /gkr-pam: unable to locate daemon control file/,
      // docker-credential-helpers secretservice/secretservice.go: libsecret's list call failed (no daemon, no default collection).
      /Error from list function in secretservice_linux\.c likely due to error in secretservice library/,
    ],
    // "failed to unlock correct collection ...: The name ... was not provided" is this, not a lock.
    supersedes: ['secret-service-locked', 'keyring-no-backend'],
    explanation:
      'There is a session bus, but nothing on it answers as org.freedesktop.secrets and nothing can be started for it: '
      + 'gnome-keyring (or KeePassXC, KWallet with its Secret Service bridge) is not installed or not running. '
      + `Install and start gnome-keyring, or ${PASS_INSTEAD.charAt(0).toLowerCase()}${PASS_INSTEAD.slice(1)}.`,
    fix: { description: 'See which keyring daemon the secret store check finds', commands: [SECRET_STORE_DOCTOR], automatic: false },
    example: 'failed to unlock correct collection \'/org/freedesktop/secrets/aliases/default\': The name org.freedesktop.secrets was not provided by any .service files',
  },
  {
    id: 'secret-service-no-interface',
    title: 'The Secret Service answers, but without the collection duo-sso needs',
    group: 'secret-service',
    supersedes: ['keyring-no-backend'],
    patterns: [
      /No such interface [“"'‘]?org\.freedesktop\.(?:Secret\.(?:Collection|Service|Item)|DBus\.Properties)[”"'’]? on object at path \/org\/freedesktop\/secrets/,
      /No such interface [“"'‘]?org\.freedesktop\.Secret\.(?:Collection|Service|Item)[”"'’]?/,
      /Object does not implement the interface [“"'‘]?org\.freedesktop\.Secret\.\w+/,
      /Object does not exist at path [“"'‘]?\/org\/freedesktop\/secrets\/(?:collection|aliases)\//,
      /No such secret collection at path: \/org\/freedesktop\/secrets\//,
      /No such secret item at path: \/org\/freedesktop\/secrets\//,
      // The bare root object: what go-keyring/99designs get from a bus whose Secret Service is not really there.
      /No such interface [“"'‘]?org\.freedesktop\.DBus\.Properties[”"'’]? on object at path \/(?!\w)/,
      /org\.freedesktop\.DBus\.Error\.(?:UnknownObject|UnknownInterface)\b/,
      // secretstorage collection.py, and libsecret secret-session.c when the service will not open a session.
      /No collections found\.|No collection with such alias\./,
      /Couldn[’']t communicate with the secret storage/,
      // godbus (aws-sso-cli, 99designs/keyring) when the Secret Service daemon crashed under it.
      /the interface org\.freedesktop\.DBus\.Properties does not exist/,
    ],
    explanation:
      'Something owns org.freedesktop.secrets, but it does not offer the default ("login") collection (or, when even '
      + 'org.freedesktop.DBus.Properties "does not exist", the daemon crashed under it: restart it, gnome-keyring-daemon -r -d): a fresh or headless '
      + 'gnome-keyring that never created it (no desktop login ever unlocked it), or a program that is not a full Secret '
      + 'Service (KeePassXC with its integration off, a half-started daemon). Creating the login keyring once with a '
      + 'password fixes it: `gnome-keyring-daemon --replace --unlock` reads the password from standard input (which also '
      + 'restarts a daemon that lost track of its items). On WSL or a headless machine without a desktop, the pass backend avoids the '
      + 'keyring altogether.',
    fix: { description: 'See what the secret store check finds on the bus, then create and unlock the login keyring', commands: [SECRET_STORE_DOCTOR], automatic: false },
    example: 'secret-tool: No such interface “org.freedesktop.Secret.Collection” on object at path /org/freedesktop/secrets/collection/login',
  },
  {
    id: 'secret-service-locked',
    title: 'The keyring collection is locked',
    group: 'secret-service',
    patterns: [
      /Cannot create an item in a locked collection/,
      /org\.freedesktop\.Secret\.Error\.IsLocked/,
      /Failed to unlock the collection/,
      /failed to unlock correct collection/,
      /\bcollection is locked\b/i,
      /\bLockedException\b|\bItem is locked\b/,
      // jaraco/keyring backends (KeyringLocked) and secret-service-rs Error::Locked.
      /Failed to unlock the (?:collection|item|keyring)!/, /Cannot get secret of a locked object/, /gkr-pam: couldn't unlock the login keyring/, /\bKeyringLocked\b/, /SS Error: object locked/,
      // gnome-keyring's unlock refused (daemon/dbus/gkd-secret-error.h GKD_SECRET_ERROR_DENIED): the password typed was
      // not the keyring's, which after a login-password reset is the old password.
      /\borg\.gnome\.keyring\.Error\.Denied\b/,
    ],
    supersedes: ['keyring-no-backend'],
    explanation:
      'The Secret Service is there but its collection is locked, and nothing could ask for the password: an SSH or WSL '
      + 'session, a login that did not unlock the keyring (auto-login, a keyring password different from the login password), '
      + 'or a prompt nobody saw. Unlock it with its password (`gnome-keyring-daemon --unlock`, the password on standard input; '
      + 'on a desktop, Passwords and Keys (seahorse) unlocks it too). A refused password (org.gnome.keyring.Error.Denied) '
      + 'after an administrator reset the login password means the keyring still has the old one: unlock it with that, '
      + 'then change it in Passwords and Keys. So that the login itself unlocks it, the display manager\'s PAM stack needs '
      + 'pam_gnome_keyring (libpam-gnome-keyring; a keyring password equal to the login password). When a Python tool that needs no secret from it (pip, poetry, twine) stops '
      + 'here, turn its keyring off: PYTHON_KEYRING_BACKEND=keyring.backends.null.Keyring for one shell, python -m keyring '
      + '--disable for good (poetry 1.8+: poetry config keyring.enabled false).',
    fix: { description: 'Unlock the keyring, then check the secret store again', commands: [SECRET_STORE_DOCTOR], automatic: false },
    example: 'failed to save account in keychain: failed to set item: Cannot create an item in a locked collection',
  },
  {
    id: 'keyring-no-backend',
    title: 'The keyring library found no usable secret store',
    group: 'secret-service',
    patterns: [
      // Python keyring, node keytar/@napi-rs/keyring (keyring-rs), go-keyring, 99designs/keyring.
      /No recommended backend was available/,
      /\bNoKeyringError\b/,
      /keyring\.errors\.(?:NoKeyringError|InitError|KeyringLocked)/,
      /Platform secure storage failure/,
      /Couldn't access platform secure storage/,
      /libsecret-1\.so\.0: cannot open shared object file/,
      /No (?:available|usable) keyring backend|Specified keyring backend not available/i,
      // Electron's safeStorage (VS Code and other editors) is electron-keyring-undetected's.
      // libsecret's command-line tool is a separate package (libsecret-tools).
      /\bsecret-tool: (?:command )?not found/, /command not found: secret-tool\b/, /(?:Command 'secret-tool' not found, but can be installed with|The program 'secret-tool' is currently not installed)/,
      // keyring-rs Error::NoDefaultCredentialBuilder: a program built without any platform store feature.
      /No default credential builder is available; set one before creating entries/,
      // R's keyring (R/default_backend.R default_backend_auto) falls back to environment variables when no Secret Service answers.
      /Selecting [‘'"]env[’'"] backend\. Secrets are stored in environment variables/,
    ],
    explanation:
      'The program stores secrets through a keyring library, and that library found no Secret Service, no KWallet and no '
      + 'other backend it can use in this session (a server, WSL, SSH, a container, or libsecret not installed). duo-sso '
      + 'can keep its secrets in pass instead. On a desktop, installing gnome-keyring (and libsecret) gives it one; for a Python '
      + 'tool that needs no secrets from it (pip, poetry, twine), PYTHON_KEYRING_BACKEND=keyring.backends.null.Keyring turns '
      + 'the keyring off, and the keyrings.alt package offers a file backend. aws-vault and other programs on 99designs/keyring '
      + 'pick their store with --backend (AWS_VAULT_BACKEND=pass, file, secret-service, kwallet or keychain); "Specified '
      + 'keyring backend not available" means the one named does not exist in this build or on this OS. R\'s keyring package '
      + 'says "Selecting \'env\' backend" when no Secret Service answered: on a headless machine start a D-Bus session and a '
      + 'keyring daemon for the shell (dbus-run-session -- bash, then gnome-keyring-daemon --unlock), or choose a backend '
      + 'explicitly (options(keyring_backend = "file")).',
    fix: {
      description: 'See which secret stores this session offers and set up pass where there is none',
      commands: [['duo-sso-setup', 'doctor', '--only', 'gpg,pass,secret-store']],
      automatic: false,
    },
    example: 'keyring.errors.NoKeyringError: No recommended backend was available. Install a recommended 3rd party backend package; or, install the keyrings.alt package if you want to use the non-recommended backends.',
  },
  {
    id: 'secret-service-prompt',
    title: 'The keyring asked for a password and the prompt was dismissed or never shown',
    group: 'secret-service',
    supersedes: ['keyring-no-backend'],
    patterns: [/\bPromptDismissedException\b/, /Prompt dismissed/i, /SS error: prompt dismissed/, /PasswordSetError: Cancelled by user/, /org\.freedesktop\.DBus\.Error\.NoReply/, /Did not receive a reply\. Possible causes include: the remote application did not send a reply/],
    explanation:
      'Unlocking the keyring needs its password, asked through a prompt on the desktop. Nobody answered it (an SSH session '
      + 'whose prompt appeared on the console, a screen locked) or it was cancelled, so the call timed out (NoReply after '
      + '25 seconds). The keyring is fine; it is still locked.',
    fix: { description: 'Unlock the keyring where its prompt can be answered, then check the secret store again', commands: [SECRET_STORE_DOCTOR], automatic: false },
    example: 'secretstorage.exceptions.PromptDismissedException: Prompt dismissed.',
  },
  {
    // 99designs/keyring's file backend (file.go, jose's AES key wrap): the passphrase given does not open the files
    // (aws-vault --backend=file, AWS_VAULT_FILE_PASSPHRASE).
    id: 'keyring-file-passphrase',
    title: 'The file keyring\'s passphrase is not the one it was created with',
    group: 'secret-service',
    supersedes: ['keyring-item-corrupt', 'keyring-file-backend-prompt'],
    patterns: [/aes\.KeyUnwrap\(\): integrity check failed/],
    explanation:
      'aws-vault (and other tools on 99designs/keyring) with the file backend keep each item in ~/.awsvault/keys, encrypted '
      + 'with a passphrase. The passphrase given now (typed, or AWS_VAULT_FILE_PASSPHRASE) is not the one the item was '
      + 'written with, so it cannot be decrypted. Enter the original passphrase (unset a stale AWS_VAULT_FILE_PASSPHRASE); '
      + 'if it is lost, remove that item and add the credentials again.',
    fix: { description: 'Retry with the original passphrase (unset AWS_VAULT_FILE_PASSPHRASE if it is stale); if lost, aws-vault remove <profile> and add it again', commands: [['aws-vault', 'list']], automatic: false },
    example: 'aws-vault: error: Failed to get credentials for dev: aes.KeyUnwrap(): integrity check failed.',
  },
  {
    // 1Password CLI (op), which AWS users run as a credential_process or shell plugin (op plugin run -- aws): its
    // "[ERROR] <date> <message>" lines when it has no authorised session (not signed in, the desktop app's CLI
    // integration off or the app locked/closed, the app's authorisation prompt dismissed).
    id: 'onepassword-cli-signin',
    title: '1Password CLI (op) has no signed-in session (app integration off, app locked, or prompt dismissed)',
    group: 'secret-service',
    // Run as a credential_process, the process wrapper's words add nothing to op's own reason.
    supersedes: ['secret-service-prompt', 'credential-process-failed'],
    patterns: [
      /You are not currently signed in\. Please run `op signin/,
      /error initializing client: connecting to desktop app/,
      /'Integrate with 1Password CLI' setting is turned on/,
      /authorization prompt dismissed, please try again/,
    ],
    explanation:
      '1Password CLI (op) needs a signed-in session before it can hand out a secret (for a credential_process, a shell '
      + 'plugin or a script). With the desktop app integration, the 1Password app must be running and unlocked, with '
      + 'Settings > Developer > "Integrate with 1Password CLI" turned on, and its authorisation prompt approved (a dismissed '
      + 'or timed-out prompt fails the call). Without it, sign in in this shell with eval $(op signin). `op whoami` shows '
      + 'whether a session is there.',
    fix: { description: 'Open and unlock 1Password (turn on Settings > Developer > Integrate with 1Password CLI), or eval $(op signin); then check with op whoami', commands: [['op', 'signin'], ['op', 'whoami']], automatic: false },
    example: '[ERROR] 2026/12/07 16:50:00 You are not currently signed in. Please run `op signin --help` for instructions',
  },
  {
    // aws-vault's CredentialKeyring/SSO providers: fmt.Errorf("Invalid data in keyring: %v", json error)
    // (github.com/99designs/aws-vault, vault/credentialkeyring.go); the store itself works.
    id: 'keyring-item-corrupt',
    title: 'An item in the keyring is unreadable (damaged or written by another version)',
    group: 'secret-service',
    supersedes: ['keyring-no-backend'],
    patterns: [
      /[Ii]nvalid data in keyring\b/,
      /\bkeyring\b[^\n]*(?:unexpected end of JSON input|invalid character '[^']*' looking for beginning of value|cannot unmarshal)/i,
      // keyring-rs Error::BadEncoding; libsecret secret-item.c.
      /Data is not UTF-8 encoded/, /Received invalid secret from the secret storage/,
    ],
    explanation:
      'The keyring answered, and the item it returned is not what the program stored there: cut short, edited by hand, or '
      + 'written by another version or another program under the same name. The keyring store is fine; only that one item '
      + 'is unreadable, and reading it again will fail the same way.',
    fix: {
      description: 'Remove only that item from the keyring and store the secret again (for aws-vault: `aws-vault remove <profile>`, then `aws-vault add <profile>`); the secret store check names duo-sso\'s items',
      commands: [SECRET_STORE_DOCTOR],
      automatic: false,
    },
    example: 'aws-vault: error: Failed to get credentials for dev: Invalid data in keyring: unexpected end of JSON input',
  },
  {
    // Security.framework SecBase.h: errSecNoSuchKeychain (-25294, "The specified keychain could not be found.") and
    // errSecNoDefaultKeychain (-25307, "A default keychain could not be found."), as security(1), keyring libraries
    // (R keyring's macOS backend "cannot open keychain", Python keyring, keyring-rs) print them.
    id: 'macos-keychain-missing',
    title: 'There is no macOS keychain to use (none at that path, or no default keychain)',
    group: 'secret-service',
    supersedes: ['macos-keychain', 'keyring-no-backend'],
    patterns: [
      /The specified keychain could not be found|\berrSecNoSuchKeychain\b|-25294\b|The keychain "[^"\n]+" could not be found/,
      /A default keychain could not be found|\berrSecNoDefaultKeychain\b|-25307\b/,
    ],
    explanation:
      'The program asked for a keychain that does not exist: the login keychain was deleted or renamed, the keychain '
      + 'search list is empty (no default keychain), or the program runs where no keychain of yours is open (an SSH session, '
      + 'a launchd daemon, a CI runner, another user). `security list-keychains` and `security default-keychain` show what '
      + 'macOS offers; `security default-keychain -s login.keychain-db` restores the default. Where no login keychain can '
      + 'be had (CI, remote sessions), switch the program\'s keyring library to its file-based backend (R keyring\'s '
      + 'backend_file, Python\'s keyrings.alt, aws-vault --backend=file) or let duo-sso use pass. aws-vault keeps its items '
      + 'in a keychain of its own, "aws-vault" (~/Library/Keychains/aws-vault.keychain-db), and finds it by name: after that '
      + 'file was deleted, create the aws-vault keychain again (Keychain Access > File > New Keychain named aws-vault, or '
      + 'security create-keychain aws-vault.keychain-db) and add the credentials again with aws-vault add.',
    fix: {
      description: 'See which keychains this session has and make the login keychain the default; where none can be had, use the keyring\'s file-based backend',
      commands: [['security', 'list-keychains'], ['security', 'default-keychain', '-s', 'login.keychain-db'], SECRET_STORE_DOCTOR],
      automatic: false,
    },
    example: 'keyring error (macOS Keychain), cannot open keychain: The specified keychain could not be found.',
  },
  {
    // Electron's safeStorage (shell/browser/api/electron_api_safe_storage.cc DecryptString): the stored secret was
    // encrypted with another key than the one the keyring gives now (the backend changed, or the keyring was reset).
    id: 'electron-safestorage-decrypt',
    title: 'An Electron app cannot decrypt the secrets it stored (its keyring or backend changed)',
    group: 'secret-service',
    supersedes: ['keyring-no-backend'],
    patterns: [
      /Error while decrypting the ciphertext provided to safeStorage\.decryptString/,
      /Ciphertext does not appear to be encrypted\./,
    ],
    explanation:
      'Electron apps (VS Code and others) encrypt the secrets they store (sign-ins, tokens) with a key kept in the OS keyring. '
      + 'The key they get now is not the one used then: the app was started with another --password-store (or none was '
      + 'detected this time and it fell back to "basic"), or the keyring was reset or replaced. Start it with the same '
      + '--password-store as before; if that key is gone, sign out and in again in the app so it stores the secrets anew.',
    fix: { description: 'Start the app with the --password-store it used before (e.g. "gnome-libsecret"); if the old key is gone, sign in again so the secrets are stored anew', commands: [SECRET_STORE_DOCTOR], automatic: false },
    example: 'Error while decrypting the ciphertext provided to safeStorage.decryptString. Ciphertext does not appear to be encrypted.',
  },
  {
    // Electron's safeStorage on Linux (shell/browser/api/electron_api_safe_storage.cc and Chromium's
    // os_crypt selection by XDG_CURRENT_DESKTOP), as VS Code and other Electron editors word it.
    id: 'electron-keyring-undetected',
    title: 'An Electron app (VS Code, Cursor...) did not recognise the desktop\'s keyring',
    group: 'secret-service',
    supersedes: ['keyring-no-backend'],
    patterns: [
      /An OS keyring couldn't be identified for storing the encryption related data/,
      /You're running in a (?:GNOME|KDE) environment but the OS keyring is not available for encryption/,
    ],
    explanation:
      'Electron apps pick their keyring from the desktop environment (XDG_CURRENT_DESKTOP). Under a window manager or '
      + 'desktop they do not know (i3, sway, Hyprland, a remote session), they use none, even with gnome-keyring running. '
      + 'Tell the app which one to use: start it with --password-store="gnome-libsecret" (or "kwallet5"/"kwallet6" under '
      + 'KDE), or for VS Code put "password-store": "gnome-libsecret" in argv.json (Preferences: Configure Runtime '
      + 'Arguments). If no keyring is installed at all, install gnome-keyring and libsecret first.',
    fix: {
      description: 'Start the app with --password-store="gnome-libsecret" (or set it in its argv.json); check that a Secret Service runs',
      commands: [['code', '--password-store=gnome-libsecret'], SECRET_STORE_DOCTOR],
      automatic: false,
    },
    example: "An OS keyring couldn't be identified for storing the encryption related data in your current desktop environment.",
  },
  {
    id: 'macos-keychain',
    title: 'The macOS keychain refused or could not find the item',
    group: 'secret-service',
    // keyring-rs and Python keyring wrap the OSStatus in their generic "storage failure" / "locked" errors.
    supersedes: ['keyring-no-backend', 'secret-service-locked'],
    patterns: [
      // Security.framework OSStatus codes and their texts (SecBase.h).
      /User interaction is not allowed/, /\berrSecInteractionNotAllowed\b|-25308\b/,
      /The specified item could not be found in the keychain/, /\berrSecItemNotFound\b|(?<![\w-])-25300\b/,
      /The user name or passphrase you entered is not correct/, /\berrSecAuthFailed\b|(?<![\w-])-25293\b/,
      // A keychain that is not there at all (errSecNoSuchKeychain, errSecNoDefaultKeychain) is macos-keychain-missing's.
      /SecKeychain\w+: /,
      // errSecDuplicateItem (-25299), errSecMissingEntitlement (-34018); jaraco/keyring's macOS backend.
      /The specified item already exists in the keychain|\berrSecDuplicateItem\b|-25299\b/,
      /A required entitlement isn't present|\berrSecMissingEntitlement\b|-34018\b/,
      // errSecInvalidOwnerEdit (-25244): the item's access list names another program (or build) than the caller.
      /\berrSecInvalidOwnerEdit\b|(?<![\w-])-25244\b/,
      /Can't (?:get|store|delete) password (?:from|on|in) keychain/,
      // errSecUserCanceled (-128, SecBase.h "User canceled the operation."): the access prompt was denied or closed.
      /\berrSecUserCanceled\b|OSStatus error -128\b|\bUser canceled the operation\b/,
      // security(1) exits 44 for errSecItemNotFound; tools that run it pass on only Go's or Node's "exit status 44".
      /\bkeychain\b[^\n]*\bexit (?:status|code) 44\b|\bexit (?:status|code) 44\b[^\n]*\bkeychain\b/i,
    ],
    explanation:
      'macOS refused the keychain call: "User interaction is not allowed" means the login keychain is locked and nothing could '
      + 'ask (SSH, a launch agent, a locked screen); "could not be found" means no item of that name (not logged in yet, '
      + 'another account name); a wrong-password error means the keychain\'s password differs from the login password '
      + '(after a password reset). "Already exists" means an item of that name is there and the program tried to add '
      + 'rather than update it (delete that one item, or let the program replace it); a missing entitlement is a program '
      + 'built without keychain access. -25244 (errSecInvalidOwnerEdit) means the item was created by another program or '
      + 'build (a Python or tool upgraded since): delete that item in Keychain Access and let the program store it again. '
      + '-128 (errSecUserCanceled) is the access prompt answered Deny or closed: run it again and choose Allow (Always '
      + 'Allow for a tool you trust). Over SSH or in CI, unlock the keychain first (security unlock-keychain) and, for signing '
      + 'keys used by codesign or productsign, allow Apple\'s tools without a prompt (security set-key-partition-list -S '
      + 'apple-tool:,apple: -s -k PASSWORD KEYCHAIN). For "could not be found", the keychain item is looked up by its service and account '
      + 'name: `security find-generic-password -s SERVICE -a ACCOUNT` shows whether one exists under the names the program '
      + 'uses (a host name written differently, with a scheme or a trailing dot, is another name), and `security '
      + 'add-generic-password -s SERVICE -a ACCOUNT -w` stores one by hand for a script that only reads it.',
    fix: {
      description: 'Unlock the login keychain (it asks for its password), then check the secret store',
      commands: [['security', 'unlock-keychain', '~/Library/Keychains/login.keychain-db'], SECRET_STORE_DOCTOR],
      automatic: false,
    },
    example: 'security: SecKeychainSearchCopyNext: The specified item could not be found in the keychain.',
  },
  {
    id: 'windows-credential-manager',
    title: 'Windows Credential Manager refused or could not find the credential',
    group: 'secret-service',
    supersedes: ['keyring-no-backend'],
    patterns: [
      /A specified logon session does not exist\. It may already have been terminated/,
      /\bERROR_NO_SUCH_LOGON_SESSION\b|\b1312\b[^\n]*logon session/,
      /\bCredRead\w*\b[^\n]*(?:Element not found|1168)|\bERROR_NOT_FOUND\b/,
      /The stub received bad data/,
      // ERROR_NOT_FOUND (1168) as Rust (keyring-rs), Go (danieljoos/wincred) and .NET print it.
      // A bare "Element not found." is any Win32 call's ERROR_NOT_FOUND (a printer, a COM object, a registry value): ours
      // only where the wrapper's prefix names a stored item or credential.
      /Element not found\.? \(os error 1168\)/, /^[\w ]*\b(?:[Cc]red\w*|[Kk]eyring|[Ss]ecret|item|[Pp]assword|[Tt]oken)\b[\w ]*: Element not found\.$/m, /\b0x80070490\b/,
      /\bCred(?:Read|Write|Delete|Enumerate)\w*\b[^\n]*\b(?:1168|1312|1783)\b/,
      // Wrappers that name the store before the Win32 text (R keyring's wincred backend, .NET/Java bridges).
      /\bcredential (?:store|manager|vault)\b[^\n]*: (?:Element not found|A specified logon session does not exist)/i,
      // The same codes as .NET and COM show them: Win32Exception with the code, HRESULT_FROM_WIN32(1312).
      // (0x80004005 is any Win32 failure, so only with the credential texts.)
      /\bWin32Exception \((?:1168|1312)\)|\bWin32Exception \(0x80004005\): (?:Element not found|A specified logon session)/, /\b0x80070520\b/,
    ],
    explanation:
      'Credential Manager is tied to an interactive logon session. Over SSH, in a scheduled task or a service, or under '
      + '`runas /netonly`, there is no such session ("A specified logon session does not exist"). At your own desktop the '
      + 'same error means a group policy forbids storing credentials: "Network access: Do not allow storage of passwords and '
      + 'credentials for network authentication" (secpol.msc > Local Policies > Security Options, often set by IT); it must '
      + 'be disabled (by IT, on a managed machine) before any tool can save a secret there. "Element not found" is '
      + 'simply no stored credential of that name; "The stub received bad data" is a secret too large for one credential. '
      + '`cmdkey /list` (or Control Panel > Credential Manager > Windows Credentials) shows what is stored.',
    fix: { description: 'Run it from your own desktop session, then check the secret store', commands: [SECRET_STORE_DOCTOR], automatic: false },
    example: 'Error: A specified logon session does not exist. It may already have been terminated. (os error 1312)',
  },
  {
    // The secret is not there: every library has its own "not found" (zalando/go-keyring ErrNotFound,
    // 99designs/keyring ErrKeyNotFound, keyring-rs Error::NoEntry, jaraco/keyring PasswordDeleteError).
    id: 'keyring-item-missing',
    title: 'The keyring has no item of that name (not saved yet, or saved under another name)',
    group: 'secret-service',
    supersedes: ['keyring-no-backend'],
    patterns: [
      // segmentio/aws-okta (lib/provider.go): no Okta login stored by aws-okta add.
      /Failed to get okta credentials from your keyring\.\s+Please make sure you have added okta credentials with `?aws-okta add/,
      /secret not found in keyring/,
      /The specified item could not be found in the keyring/,
      /No matching entry found in secure storage/,
      // The Secret Service API's own error name for an item (or collection) that is not there.
      /\borg\.freedesktop\.Secret\.Error\.NoSuchObject\b/,
      // keyring-rs Error::NoEntry as Rust programs print it (Debug form).
      /\bErr(?:or)?(?:::|\()NoEntry\b|`Err` value: NoEntry\b/,
      /PasswordDeleteError: (?:No such password!|Password not found)/,
      // secretstorage (Python) reading an item path that is gone.
      /\bItemNotFoundException: Item does not exist/,
      // 99designs/keyring secretservice.go: the collection named (aws-okta's and aws-vault's "awsvault") is not in this
      // Secret Service, typically because the items went to another backend.
      /The collection (?:"[^"\n]*" )?does not exist\. Please add a key first/,
      // Granted (pkg/granted/credentials.go): no IAM user keys stored for that profile.
      /no credentials exist for \S+ in secure storage/,
      /\bErrKeyNotFound\b|\bErrNotFound\b[^\n]*keyring/,
    ],
    explanation:
      'The keyring works and answered: it holds no item under the name the program asked for. Usually nothing was saved yet '
      + '(a first run, a login that never finished), or it was saved under another service or account name (another profile, '
      + 'another version of the program), or in another keyring (a different backend, another user). Logging in saves it. '
      + 'On macOS (the login keychain, which aws-vault, aws-okta and saml2aws use) an item that was there and is not found '
      + 'any more usually means the keychain was locked or replaced (a password change, a new Mac): lock and unlock it in '
      + 'Keychain Access (or sign out and in again), then add the item again (aws-vault add, aws-okta add). '
      + 'Tools on 99designs/keyring (aws-vault, aws-okta) do not remember the backend chosen when the item was added: '
      + '`aws-okta -b pass add` followed by a plain `aws-okta exec` looks in the Secret Service ("The collection \"awsvault\" '
      + 'does not exist"). Give the same backend to every command: an alias (alias aws-okta=\'aws-okta -b pass\') or the '
      + 'variable (AWS_OKTA_BACKEND=pass, AWS_VAULT_BACKEND=pass).',
    fix: { description: 'See which items the secret store holds for duo-sso, then log in to save the missing one', commands: [SECRET_STORE_DOCTOR, ['duo-sso-setup', 'login']], automatic: false },
    example: 'failed to get item: The specified item could not be found in the keyring',
  },
  {
    // zalando/go-keyring ErrSetDataTooBig and keyring-rs Error::TooLong (Windows CRED_MAX_CREDENTIAL_BLOB_SIZE,
    // 2560 bytes; macOS about 3000 bytes for a generic password).
    id: 'keyring-secret-too-large',
    title: 'The secret is too large for the platform\'s credential store',
    group: 'secret-service',
    patterns: [/data passed to Set was too big/, /Attribute '?\w+'? is longer than platform limit of \d+ chars/, /\bErrSetDataTooBig\b/],
    supersedes: ['windows-credential-manager', 'keyring-no-backend'],
    explanation:
      'Windows Credential Manager keeps at most 2560 bytes per credential, and the macOS keychain about 3000 bytes for a '
      + 'service, account and secret together. A large token (an SSO token with many groups) does not fit. The program has to '
      + 'split the secret or store it elsewhere (a file keyring, pass); the store itself is fine.',
    fix: { description: 'Use a backend without the size limit for this secret (the file or pass backend), and report it to the program\'s maintainers', commands: [SECRET_STORE_DOCTOR], automatic: false },
    example: 'failed to save token: data passed to Set was too big',
  },
  {
    // docker/docker-credential-helpers client/client.go ("error storing credentials - err: %v, out: `%s`") when the
    // credsStore in ~/.docker/config.json names a helper that is not installed (os/exec's message inside).
    id: 'docker-credential-helper-missing',
    title: 'Docker is configured with a credential helper that is not installed',
    group: 'secret-service',
    patterns: [
      /exec: "docker-credential-(?<helper>[\w-]+)": executable file not found/,
      /error (?:storing|getting|listing|erasing) credentials - err: exec: "docker-credential-/,
      // docker-credential-helpers client/client.go when the helper program is missing (older wording).
      /docker-credential-[\w-]+ not installed or not available in PATH/,
      // Go 1.19+ os/exec refuses a helper found only in the current folder (exec.ErrDot), as Docker relays it.
      /docker-credential-[\w-]+ resolves to executable in current directory/,
    ],
    explanation:
      'Docker keeps registry logins through a credential helper named by "credsStore" (or "credHelpers") in '
      + '~/.docker/config.json: desktop, osxkeychain, pass, secretservice, wincred. The one named is not on PATH (Docker Desktop '
      + 'was removed or replaced by Colima or Rancher, or its bin folder is not on PATH in this shell). Install that helper, '
      + 'or change or remove credsStore; the login is then stored again. "resolves to executable in current directory" means '
      + 'the only copy found is in the folder you run docker from (Windows): run it from another folder, or put the helper\'s '
      + 'folder on PATH.',
    fix: { description: 'See which helper ~/.docker/config.json names; install it, or change credsStore to one you have (or remove it)', commands: [['sh', '-c', 'grep -n -E \'"(credsStore|credHelpers)"\' ~/.docker/config.json']], automatic: false },
    example: 'Error saving credentials: error storing credentials - err: exec: "docker-credential-desktop": executable file not found in $PATH, out: ``',
  },
  {
    // docker/docker-credential-helpers credentials/error.go (errCredentialsNotFoundMessage): the helper works and has no
    // login for that registry; Docker itself then pulls anonymously, tools that ask the helper directly stop there.
    id: 'docker-credentials-not-found',
    title: 'Docker\'s credential helper has no login for that registry',
    group: 'secret-service',
    patterns: [/credentials not found in native keychain/],
    explanation:
      'The credential helper Docker uses (credsStore or credHelpers in ~/.docker/config.json) answered, and it holds no '
      + 'login for this registry: never logged in from this machine, logged in under another name (with or without https://, '
      + 'another port), or a login that was stored by another helper. Log in to the registry (for ECR: `aws ecr '
      + 'get-login-password --region REGION | docker login --username AWS --password-stdin ACCOUNT.dkr.ecr.REGION.amazonaws.com`); '
      + 'tools that ask the helper themselves (buildpacks, jib, testcontainers) need the same name the image uses. With the '
      + 'ECR helper (docker-credential-ecr-login in credHelpers) this is its answer to any failure to get AWS credentials: '
      + 'its log (~/.ecr/log/ecr-login.log) has the real error, usually AWS_PROFILE or AWS_REGION not set where docker '
      + 'runs, an expired session, or (older helper releases, Go SDK v1) AWS_SDK_LOAD_CONFIG=1 missing for a profile in ~/.aws/config.',
    fix: { description: 'Log in to the registry the image names (docker login REGISTRY; for ECR pipe aws ecr get-login-password into it)', commands: [['aws', 'ecr', 'get-login-password', '--region', '<region>']], automatic: false },
    example: 'error getting credentials - err: exit status 1, out: `credentials not found in native keychain`',
  },
  {
    // awslabs/amazon-ecr-credential-helper ecr-login/ecr.go: Add (store) and Delete return "not implemented"; docker
    // login stores through credsStore, so with credsStore set to ecr-login every docker login fails this way.
    id: 'docker-ecr-helper-store',
    title: 'docker login cannot store through the ECR credential helper (it never stores)',
    group: 'secret-service',
    patterns: [/error (?:storing|erasing) credentials - err: exit status 1, out: `not implemented`/],
    explanation:
      'The ECR credential helper (docker-credential-ecr-login) fetches a fresh ECR token from your AWS credentials on every '
      + 'pull and push; it does not store logins, so `docker login` through it fails with "not implemented". Do not run '
      + 'docker login for ECR registries when it is configured; name it for ECR only, under "credHelpers" in '
      + '~/.docker/config.json ({"credHelpers": {"ACCOUNT.dkr.ecr.REGION.amazonaws.com": "ecr-login"}}), and keep '
      + '"credsStore" for a helper that stores (osxkeychain, wincred, pass, secretservice, desktop).',
    fix: { description: 'Move ecr-login from "credsStore" to "credHelpers" for the ECR registries (or skip docker login with it)', commands: [['sh', '-c', 'grep -n -E \'"(credsStore|credHelpers)"\' ~/.docker/config.json']], automatic: false },
    example: 'Error saving credentials: error storing credentials - err: exit status 1, out: `not implemented`',
  },
  {
    // docker/cli cli/command/registry/login.go: no --password-stdin and no terminal to ask on. In the ECR recipe it
    // means the left side of the pipe printed nothing (aws failed), so docker fell back to asking.
    id: 'docker-login-no-tty',
    title: 'docker login got no password (the command piping it in failed, or nothing was piped)',
    group: 'secret-service',
    patterns: [/Cannot perform an interactive login from a non TTY device/],
    explanation:
      'docker login asks for the password only on a terminal; in a script, CI job or pipe it must come on stdin with '
      + '--password-stdin. With the ECR recipe (`aws ecr get-login-password | docker login --username AWS --password-stdin '
      + 'REGISTRY`) this message means the aws command printed nothing: its own error (expired session, wrong profile or region) '
      + 'is above. Run `aws ecr get-login-password --region REGION` alone to see it, log in, and pipe again.',
    fix: { description: 'Run the password command alone to see why it printed nothing (for ECR: aws ecr get-login-password --region REGION), fix that, then pipe it to docker login --password-stdin', commands: [['aws', 'ecr', 'get-login-password', '--region', '<region>']], automatic: false },
    example: 'Error: Cannot perform an interactive login from a non TTY device',
  },
  {
    // docker/cli cli/config/configfile/file.go and cli/command/registry: no credential helper configured, so the login
    // is written base64-encoded into config.json.
    id: 'docker-password-unencrypted',
    title: 'Docker stored the registry login unencrypted (no credential helper configured)',
    group: 'secret-service',
    patterns: [/WARNING! Your (?:password|credentials are) (?:will be )?stored unencrypted in '?(?<path>[^'\s]*[^'\s.])/],
    explanation:
      'No credential helper is set in ~/.docker/config.json, so Docker wrote the login (only base64-encoded) into that file. '
      + 'It works, but anyone who can read the file has the registry password. Set "credsStore" to a helper this machine '
      + 'has (osxkeychain on macOS, wincred on Windows, secretservice or pass on Linux; for ECR, "credHelpers" with '
      + 'ecr-login needs no docker login at all), then log in again.',
    fix: { description: 'Install a credential helper and name it in ~/.docker/config.json ("credsStore"), then docker login again', commands: [['sh', '-c', 'grep -n -E \'"(credsStore|credHelpers|auths)"\' ~/.docker/config.json']], automatic: false },
    example: 'WARNING! Your password will be stored unencrypted in /home/jdoe/.docker/config.json.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/engine/reference/commandline/login/#credentials-store',
  },
  {
    // docker/docker-credential-helpers pass/pass.go: the pass helper checks that pass works by decrypting its own
    // entry (docker-credential-helpers/docker-pass-initialized-check) and says "uninitialized" when that fails, which
    // is both "never set up" and "gpg could not decrypt it now" (a locked key): the answer must not re-initialise.
    id: 'docker-pass-uninitialized',
    title: 'Docker\'s pass credential helper cannot use the password store (not set up, or the gpg key is locked)',
    group: 'secret-service',
    patterns: [/\bpass store is uninitialized\b/, /docker-pass-initialized-check/],
    explanation:
      'With "credsStore": "pass", Docker keeps registry logins in pass, and its helper first decrypts '
      + 'docker-credential-helpers/docker-pass-initialized-check. Either that entry was never written (the helper needs it '
      + 'once: `pass insert docker-credential-helpers/docker-pass-initialized-check`, any content), or gpg could not decrypt '
      + 'it just now because the key is locked and nothing could ask for the passphrase (decrypting it once in a terminal '
      + 'unlocks it for gpg-agent\'s cache time). Showing the entry tells which; the store itself is fine either way.',
    fix: {
      description: 'Decrypt the helper\'s check entry in a terminal: if it exists this unlocks the key; if pass says it is not in the store, insert it once',
      commands: [['pass', 'show', 'docker-credential-helpers/docker-pass-initialized-check']],
      automatic: false,
    },
    example: 'Error saving credentials: error storing credentials - err: exit status 1, out: `pass store is uninitialized`',
  },
  {
    // git-ecosystem/git-credential-manager src/shared/Core/CredentialStore.cs: GCM needs a store chosen on Linux,
    // and each store works only where its platform is (a desktop for secretservice, Windows for wincredman).
    id: 'gcm-credential-store',
    title: 'Git Credential Manager has no usable credential store here',
    group: 'secret-service',
    patterns: [
      /No credential store has been selected\./,
      /Unknown credential store '[^'\n]+'\./,
      /Cannot use the 'secretservice' credential backing store without a graphical interface present/,
      /Unable to persist credentials with the 'wincredman' credential store/,
      /Can only use the '\w+' credential store on (?:Windows|macOS|Linux|POSIX systems)/,
      /Can not use the 'cache' credential store on Windows/,
      // GCM's CredentialStore wrapper for any store that failed to save (secretservice without a session, gpg without a key).
      /Unable to persist credentials with the '(?!wincredman')\w+' credential store/,
      // git's own cache helper on a build without Unix sockets (git for Windows).
      /credential-cache unavailable; no unix socket support/,
    ],
    explanation:
      'Git Credential Manager keeps the credentials git uses (for example to clone the tap from the internal GitHub) in a '
      + 'store you choose with GCM_CREDENTIAL_STORE or credential.credentialStore. On Linux none is chosen by default, and '
      + 'each store works only where it can: secretservice needs a desktop session, wincredman an interactive Windows logon, '
      + 'gpg needs pass and a gpg key. Choose the one this machine has (cache keeps them in memory for a while). git\'s own '
      + 'credential.helper cache does not work on Windows (no Unix sockets there): use credential.helper manager instead.',
    fix: {
      description: 'Choose a credential store that works here: secretservice on a desktop, gpg with pass on a server (or cache), then retry',
      commands: [['duo-sso-setup', 'doctor', '--only', 'gpg,pass,secret-store'], ['git', 'config', '--global', 'credential.credentialStore', 'secretservice']],
      automatic: false,
    },
    example: 'fatal: No credential store has been selected.\n\nSet the GCM_CREDENTIAL_STORE environment variable or the credential.credentialStore Git configuration setting to one of the following options:',
  },
  {
    // KeePassXC src/fdosecrets (Service.cpp, later DBusMgr.cpp): the bus name org.freedesktop.secrets is taken.
    id: 'secret-service-conflict',
    title: 'Two programs want to be the Secret Service (KeePassXC and gnome-keyring or KWallet)',
    group: 'secret-service',
    patterns: [
      /Failed to register DBus service at\s+"?org\.freedesktop\.secrets/,
      /Another secret service is running \(/,
    ],
    explanation:
      'Only one program can own org.freedesktop.secrets on the session bus. KeePassXC\'s Secret Service integration found it '
      + 'taken (usually by gnome-keyring-daemon, started by the desktop or by D-Bus activation, or by KWallet), so it did not '
      + 'start, and programs keep talking to the other one. Pick one: turn off KeePassXC\'s integration, or stop the other '
      + 'provider from claiming the name (gnome-keyring\'s "secrets" component), then restart the session.',
    fix: { description: 'Decide which program should be the Secret Service and stop the other from claiming it; the secret store check shows which one answers', commands: [SECRET_STORE_DOCTOR], automatic: false },
    example: 'Failed to register DBus service at org.freedesktop.secrets.<br/>Another secret service is running (<i>PID: 1834, Executable: /usr/bin/gnome-keyring-daemon</i>).<br/>Please stop/remove it before re-enabling the Secret Service Integration.',
  },
  {
    // aws-vault's --backend / AWS_VAULT_BACKEND (cli/global.go, a kingpin enum of keyring.AvailableBackends()): 99designs/
    // keyring lists a backend only where it can work (keychain on macOS, wincred on Windows, pass only when the pass
    // binary is found, kwallet and secret-service on Linux builds), so a name that works elsewhere is refused here. Its
    // --prompt / AWS_VAULT_PROMPT drivers (prompt/*.go) register only when their program is on PATH (zenity, kdialog,
    // osascript, ykman); the pass prompt was removed.
    id: 'aws-vault-driver-unavailable',
    title: 'aws-vault does not offer the keyring backend or MFA prompt named (its program is missing, or not this OS)',
    group: 'secret-service',
    supersedes: ['keyring-no-backend'],
    patterns: [
      /enum value must be one of (?:[\w-]+,)*(?:keychain|kwallet|secret-service|pass|file|wincred|keyctl|op)\b[\w,-]*, got '(?<backend>[\w-]*)'/,
      /--prompt value must be one of [\w,-]*, got '[^'\n]*'/,
      /--prompt=pass \(or AWS_VAULT_PROMPT=pass\) has been removed from aws-vault/,
    ],
    explanation:
      'aws-vault offers only the keyring backends that can work on this machine, and the one named (--backend or '
      + 'AWS_VAULT_BACKEND) is not among them. pass is offered only when the pass program is installed and on PATH (`which '
      + 'pass` finds it): install pass, or fix PATH for the shell or IDE that runs aws-vault. keychain exists only on macOS and '
      + 'wincred only on Windows; kwallet and secret-service need a Linux build. Nothing stored is lost: choose a backend '
      + 'from the list the message gives, or install what the one you want needs. The MFA prompt (--prompt or '
      + 'AWS_VAULT_PROMPT) works the same way: zenity, kdialog and ykman are offered only when that program is installed, '
      + 'osascript only on macOS; terminal always works. The pass prompt was removed: put mfa_process = pass otp '
      + '<mfa_serial> in the profile instead.',
    fix: {
      description: 'Install the program the backend or prompt needs (pass: install it and check `which pass`; zenity or kdialog for a prompt), or pick one from the list shown',
      commands: [['which', 'pass'], ['duo-sso-setup', 'doctor', '--only', 'gpg,pass,secret-store']],
      automatic: false,
    },
    example: "aws-vault: error: enum value must be one of kwallet,secret-service,file, got 'pass', try --help",
  },
  {
    // libsecret's own consistency checks: egg/egg-secure-memory.c (sec_free, sec_realloc: assert() in older
    // releases, g_assert in 0.20+) abort the process; g_return_val_if_fail guards print libsecret-CRITICAL.
    id: 'libsecret-internal-error',
    title: 'libsecret stopped on an internal check (a bug in libsecret or in the program using it)',
    group: 'secret-service',
    patterns: [
      /\bsec_(?:free|realloc|alloc)\w*: (?:Assertion `[^`'\n]*' failed|assertion failed: \()/,
      /\begg-secure-memory\.c:\d+/,
      /\blibsecret-CRITICAL \*\*: [^\n]*assertion '[^'\n]*' failed/,
      /\blibsecret:ERROR:[^\n]*assertion failed/,
    ],
    supersedes: ['keyring-no-backend'],
    explanation:
      'libsecret, inside the program that asked for a secret (git-credential-manager, an editor, a Node or Python keyring '
      + 'binding), hit one of its own consistency checks. The keyring itself is not damaged: this is a bug in libsecret or in '
      + 'how that program calls it, usually fixed in a later release. A secret_value_* check about a missing value follows '
      + 'a lookup that returned nothing, most often an unlock prompt that was dismissed: unlock the keyring and retry. '
      + 'Otherwise upgrade the program (and libsecret); until a fixed release, have it use another store: duo-sso can keep '
      + 'its secrets in pass (gpg), git-credential-manager in its gpg or cache credential store.',
    fix: {
      description: 'Upgrade the program that crashed (and libsecret); meanwhile point it at another store (pass, or GCM\'s credentialStore=gpg or cache)',
      commands: [SECRET_STORE_DOCTOR],
      automatic: false,
    },
    example: "libsecret: sec_free: Assertion `cell->requested > 0' failed",
  },
  {
    // DPAPI (CryptUnprotectData) refusing data protected under another key: NTE_BAD_KEY_STATE (0x8009000B) as .NET's
    // ProtectedData, PowerShell's ConvertTo-SecureString and pywin32 report it; ERROR_INVALID_DATA (13) for data that is
    // not a DPAPI blob for this user.
    id: 'windows-dpapi-undecryptable',
    title: 'Windows cannot decrypt a stored secret (DPAPI): it was protected for another user, machine or password',
    group: 'secret-service',
    patterns: [
      /Key not valid for use in specified state/,
      /\bNTE_BAD_KEY_STATE\b|\b0x8009000[Bb]\b|-2146893813\b/,
      /\bCryptUnprotectData\b[^\n]*(?:The data is invalid|failed)/,
    ],
    supersedes: ['windows-credential-manager'],
    explanation:
      'Windows encrypts such secrets (Credential Manager entries, the AWS SDK for .NET and AWS Tools for PowerShell credential '
      + 'store, PowerShell SecureStrings saved with Export-Clixml or ConvertFrom-SecureString, browser and Git credential '
      + 'stores) with a key derived from your Windows logon. It cannot decrypt them when they were saved by another user or '
      + 'on another machine (a copied profile or file), or after an administrator reset your password (a reset, unlike a '
      + 'change, loses the old key). Nothing can recover the value: save the secret again as this user on this machine '
      + '(log in again; re-enter the access key or password), and do not copy such files between machines.',
    fix: {
      description: 'Check you run as the user (and on the machine) that saved the secret; otherwise save it again here, e.g. by logging in again',
      commands: [['whoami'], ['duo-sso-setup', 'doctor', '--only', 'secret-store']],
      automatic: false,
    },
    example: 'System.Security.Cryptography.CryptographicException: Key not valid for use in specified state.',
  },
  {
    // keyring-rs Error::Ambiguous (src/error.rs: "Entry is matched by multiple credentials: {0:?}" in 3.x, "… ({} matches)"
    // later), under @napi-rs/keyring (duo-sso-setup's own keyring module), uv and other Rust tools.
    id: 'keyring-item-ambiguous',
    title: 'The keyring holds more than one item for the same name',
    group: 'secret-service',
    supersedes: ['keyring-no-backend'],
    patterns: [/Entry is matched by multiple credentials\b/, /\bAmbiguous\(\[/],
    explanation:
      'The keyring library looked the secret up by its service and user name and found several items: the Secret Service '
      + 'allows duplicates, and another program, an older version or a second login that saved without replacing left a '
      + 'copy. The library will not guess which one is current. List the items for that service (Passwords and Keys, '
      + '`secret-tool search --all service SERVICE`; Keychain Access on macOS; `cmdkey /list` on Windows), remove the stale '
      + 'copies, or remove them all and log in again so one is saved. No other secret is affected.',
    fix: {
      description: 'List the items for that service, remove the duplicates (or all of them), then log in again to save one',
      commands: [SECRET_STORE_DOCTOR, ['secret-tool', 'search', '--all', 'service', '<service>'], ['duo-sso-setup', 'login']],
      automatic: false,
    },
    example: 'Error: Entry is matched by multiple credentials (2 matches)',
  },
  {
    // 99designs/keyring's file backend (file.go unlock: "Enter passphrase to unlock %q" of its directory), which aws-vault,
    // Granted (~/.granted/secure-storage-*) and other Go tools fall back to when no system keyring answers (WSL, SSH,
    // headless Linux), or use when configured so.
    id: 'keyring-file-backend-prompt',
    title: 'A credential tool asks for a passphrase for its file keyring (no system keyring, or the file backend chosen)',
    group: 'secret-service',
    supersedes: ['secret-service-prompt'],
    patterns: [
      /Enter passphrase to unlock "?(?<path>(?:~|\/|[A-Za-z]:[\\/])[^"\n]*)"?/,
    ],
    explanation:
      'Go tools on 99designs/keyring (aws-vault, Granted, aws-okta and others) store secrets in the system keyring when '
      + 'one answers (macOS Keychain, the Secret Service, pass, Windows Credential Manager) and otherwise in encrypted files '
      + 'of their own, which ask for this passphrase on every use. On WSL, over SSH or on a headless Linux machine there is '
      + 'usually no Secret Service, so the tool fell back to the files. Either answer it each time (aws-vault reads '
      + 'AWS_VAULT_FILE_PASSPHRASE; a passphrase you did not set yourself is the one typed on first use), or point the tool '
      + 'at a backend that works there: pass (set up with gpg; Granted: Backend = "pass" under [Keyring] in ~/.granted/config, '
      + 'as Granted\'s pass recipe shows; aws-vault: --backend=pass / AWS_VAULT_BACKEND=pass), or start a Secret Service '
      + '(gnome-keyring) in the session.',
    fix: {
      description: 'Choose a keyring backend that works on this machine (pass on WSL and headless Linux: Granted [Keyring] Backend = "pass", AWS_VAULT_BACKEND=pass), or keep the file backend and give its passphrase',
      commands: [SECRET_STORE_DOCTOR],
      automatic: false,
    },
    example: '? Enter passphrase to unlock "/home/jdoe/.granted/secure-storage-aws-session-credentials"',
  },
];
