import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open.ts';
import { createSettingsStore } from '../settings/settingsStore.ts';
import { createSignInGate, createUserService, findUser, publishingUserName } from './userService.ts';

const key = `pk_test_${Buffer.from('clerk.example.edu$').toString('base64')}`;
const person = { clerkId: 'user_2abc', name: 'Ada Lovelace', email: 'ada@example.edu' };

describe('who is signed in', () => {
  it('keeps the users row in step with sign-in, and forgets the session on sign-out', () => {
    const db = openDatabase(':memory:');
    const users = createUserService(db);
    expect(users.signedIn(person)).toEqual({ signedIn: true, user: person });
    users.signedIn({ ...person, name: 'Ada King' });
    expect(findUser(db, 'user_2abc')).toMatchObject({ name: 'Ada King', email: 'ada@example.edu' });
    expect(db.$client.prepare('select count(*) from users').pluck().get()).toBe(1);
    expect(users.signedOut()).toEqual({ signedIn: false, user: null });
    expect(users.current()).toBeNull();
    expect(findUser(db, 'user_2abc')).toBeDefined();
  });
});

describe('the sign-in gate before publishing', () => {
  const setup = (requireSignInToPublish: boolean, clerkPublishableKey: string | null = key) => {
    const settings = createSettingsStore(null);
    settings.update({ signIn: { clerkPublishableKey, requireSignInToPublish } });
    const users = createUserService(openDatabase(':memory:'));
    return { users, gate: createSignInGate({ settings, users, env: {} }) };
  };

  it('lets anyone publish when the institution does not require sign-in', () => {
    expect(() => setup(false).gate()).not.toThrow();
  });

  it('refuses with sign-in-required when required and nobody is signed in, and opens once someone is', () => {
    const { users, gate } = setup(true);
    expect(gate).toThrow(
      expect.objectContaining({ code: 'sign-in-required', message: expect.stringMatching(/Sign in/) }),
    );
    users.signedIn(person);
    expect(gate).not.toThrow();
  });

  it('says sign-in is not set up when required without a key', () => {
    expect(setup(true, null).gate).toThrow(/no sign-in is set up/);
  });
});

describe('who {user} names in published keys', () => {
  it('is the signed-in person, else the computer account', () => {
    const users = createUserService(openDatabase(':memory:'));
    expect(publishingUserName(users, () => 'lab-pc')).toBe('lab-pc');
    users.signedIn(person);
    expect(publishingUserName(users, () => 'lab-pc')).toBe('ada');
    users.signedIn({ ...person, email: null });
    expect(publishingUserName(users, () => 'lab-pc')).toBe('Ada Lovelace');
  });
});
