// What other commands use from here. `login --store keychain|pass` after a successful login:
//   const store = await storeFor(ctx, flags.store);            // UserError when unusable
//   await migrateProfiles(ctx, profiles, store);                // expiry: login's record in state.json
export { storeFor } from './run.js';
export { migrateProfiles, type MigrateOptions, type MigrateOutcome } from './migrate.js';
export { restoreProfiles, type RestoreOutcome } from './restore.js';
export type { SecretStore, StoreKind } from '../secrets/types.js';
export { storedCredentials, type StoredCredentialsInfo } from './state-record.js';
export { isOurCommand } from './config-file.js';
// Every operation on a profile's secret (credential-process's renewal too) runs under this lock, taken before any file lock.
export { withProfileLock } from './profile-lock.js';
