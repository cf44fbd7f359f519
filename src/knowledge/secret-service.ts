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
    patterns: [
      /Cannot autolaunch D-Bus without X11 \$DISPLAY/,
      /Unable to autolaunch a dbus-daemon without a \$DISPLAY/,
      // Go's os/exec error, also as a logger quotes it (exec: \"dbus-launch\": ...).
      /exec: \\?"dbus-launch\\?": executable file not found/,
      /DBUS_SESSION_BUS_ADDRESS (?:(?:environment variable |env var )?(?:is )?(?:not set|unset))/i,
      /Environment variable DBUS_SESSION_BUS_ADDRESS is unset/,
      /Failed to connect to socket \/run\/user\/\d+\/bus: (?:No such file or directory|Connection refused|Permission denied)/,
      /zbus error: I\/O error: No such file or directory/,
    ],
    explanation:
      'The keyring backend talks to a Secret Service over the D-Bus session bus, and this session has none: WSL, SSH sessions, '
      + 'containers and servers start no session bus, and a bus cannot be started without a desktop. '
      + `${PASS_INSTEAD}, or start one for this shell: \`dbus-run-session -- bash\`, then \`gnome-keyring-daemon --unlock\`.`,
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
      /org\.freedesktop\.secrets was not provided by any \.service files/,
      /org\.freedesktop\.DBus\.Error\.ServiceUnknown/,
    ],
    // "failed to unlock correct collection ...: The name ... was not provided" is this, not a lock.
    supersedes: ['secret-service-locked'],
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
    patterns: [
      /No such interface [“"'‘]?org\.freedesktop\.(?:Secret\.(?:Collection|Service|Item)|DBus\.Properties)[”"'’]? on object at path \/org\/freedesktop\/secrets/,
      /No such interface [“"'‘]?org\.freedesktop\.Secret\.(?:Collection|Service|Item)[”"'’]?/,
      /Object does not implement the interface [“"'‘]?org\.freedesktop\.Secret\.\w+/,
      /Object does not exist at path [“"'‘]?\/org\/freedesktop\/secrets\/(?:collection|aliases)\//,
      /No such secret collection at path: \/org\/freedesktop\/secrets\//,
      /org\.freedesktop\.DBus\.Error\.(?:UnknownObject|UnknownInterface)\b/,
    ],
    explanation:
      'Something owns org.freedesktop.secrets, but it does not offer the default ("login") collection: a fresh or headless '
      + 'gnome-keyring that never created it (no desktop login ever unlocked it), or a program that is not a full Secret '
      + 'Service (KeePassXC with its integration off, a half-started daemon). Creating the login keyring once with a '
      + 'password fixes it: `gnome-keyring-daemon --replace --unlock` reads the password from standard input.',
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
    ],
    explanation:
      'The Secret Service is there but its collection is locked, and nothing could ask for the password: an SSH or WSL '
      + 'session, a login that did not unlock the keyring (auto-login, a keyring password different from the login password), '
      + 'or a prompt nobody saw. Unlock it with its password (`gnome-keyring-daemon --unlock`, the password on standard input).',
    fix: { description: 'Unlock the keyring, then check the secret store again', commands: [SECRET_STORE_DOCTOR], automatic: false },
    example: 'failed to save account in keychain: failed to set item: Cannot create an item in a locked collection',
  },
];
