import { eq, sql } from 'drizzle-orm';
import { LecternError } from '../../shared/errors.ts';
import type { SessionState, SignedInUser } from '../../shared/ipc/auth.contract.ts';
import type { LecternDb } from '../db/open.ts';
import { users } from '../db/schema/index.ts';
import type { SettingsStore } from '../settings/settingsStore.ts';
import { resolveAuthConfig } from './clerkConfig.ts';

/**
 * Who is signed in, as the window's Clerk session reports it. The `users` row (Clerk id, name, e-mail) is kept so
 * published clips can name their author; the session itself lives in Clerk, so after a restart nobody is signed in
 * until the window reports it again.
 */
export interface UserService {
  current(): SignedInUser | null;
  signedIn(user: SignedInUser): SessionState;
  signedOut(): SessionState;
}

export function createUserService(db: LecternDb): UserService {
  let current: SignedInUser | null = null;
  const state = (): SessionState => ({ signedIn: current !== null, user: current });
  return {
    current: () => current,
    signedIn(user) {
      db.insert(users)
        .values({ clerkId: user.clerkId, name: user.name, email: user.email })
        .onConflictDoUpdate({
          target: users.clerkId,
          set: { name: user.name, email: user.email, updatedAt: sql`(cast(unixepoch('subsec') * 1000 as integer))` },
        })
        .run();
      current = user;
      return state();
    },
    signedOut() {
      current = null;
      return state();
    },
  };
}

export function findUser(db: LecternDb, clerkId: string) {
  return db.select().from(users).where(eq(users.clerkId, clerkId)).get();
}

/**
 * The check the publish service runs before anything is uploaded (its `signInGate`): when the institution requires
 * sign-in to publish and nobody is signed in, a LecternError('sign-in-required') that says what to do.
 */
export function createSignInGate(deps: {
  settings: SettingsStore;
  users: Pick<UserService, 'current'>;
  env?: NodeJS.ProcessEnv;
}): () => void {
  return () => {
    const config = resolveAuthConfig(deps.settings, deps.env);
    if (!config.requireSignInToPublish || deps.users.current()) return;
    throw new LecternError(
      'sign-in-required',
      config.publishableKey
        ? 'Your institution asks you to sign in before publishing. Sign in (top right of the window), then publish again.'
        : 'Your institution asks you to sign in before publishing, but no sign-in is set up in Settings. ' +
            'Ask your media team for the sign-in key.',
    );
  };
}

/**
 * Who `{user}` in the S3 key prefix names: the signed-in person (the part of their e-mail before the @, which an
 * institution's bucket policies usually key on), else their name, else the computer's account name.
 */
export function publishingUserName(users: Pick<UserService, 'current'>, accountName: () => string): string {
  const user = users.current();
  return user?.email?.split('@')[0] || user?.name || accountName();
}
