// Every db.auth call of the SDK: tokens, users, magic codes and sign out.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { id } from '@instantdb/admin';

import { magicCodePattern, rejectsWithApiError, serverDatePattern, startApp, uuidPattern } from '../support/util.js';

const unknownUser = { status: 400, type: 'record-not-found', message: 'Record not found: app-user' };
const wrongCode = { status: 400, type: 'record-not-found', message: 'Record not found: app-user-magic-code' };

describe('auth', () => {
  let app;
  let db;

  // The "db format" of $users that the auth routes answer.
  function assertDbUser(user, expected) {
    assert.equal(typeof user, 'object');
    assert.notEqual(user, null);
    assert.equal(user.app_id, app.sandbox.appId);
    assert.match(user.id, uuidPattern);
    assert.match(user.created_at, serverDatePattern);
    assert.equal(typeof user.isGuest, 'boolean');
    for (const [key, value] of Object.entries(expected)) {
      assert.deepEqual(user[key], value, `${key} of ${JSON.stringify(user)}`);
    }
  }

  async function assertSignedIn(token, userId) {
    const user = await db.auth.verifyToken(token);
    assert.equal(user.id, userId);
    assert.equal(user.refresh_token, token);
  }

  async function assertSignedOut(token) {
    await rejectsWithApiError(db.auth.verifyToken(token), unknownUser);
  }

  before(async () => {
    app = await startApp();
    db = app.db;
  });
  after(async () => {
    await app?.stop();
  });

  it('createToken creates the user once and mints a new token on every call', async () => {
    const first = await db.auth.createToken('alyssa@example.com');
    const second = await db.auth.createToken({ email: 'alyssa@example.com' });
    assert.match(first, uuidPattern);
    assert.match(second, uuidPattern);
    assert.notEqual(first, second);

    const user = await db.auth.verifyToken(first);
    assertDbUser(user, { email: 'alyssa@example.com', isGuest: false, refresh_token: first });
    await assertSignedIn(second, user.id);

    // Users created from an admin token carry no type.
    assert.equal(user.type, undefined);
  });

  it('createToken normalises the email and accepts an id', async () => {
    const token = await db.auth.createToken('  Ben.Bitdiddle@Example.COM ');
    const user = await db.auth.verifyToken(token);
    assert.equal(user.email, 'ben.bitdiddle@example.com');

    const userId = id();
    const byId = await db.auth.createToken({ id: userId });
    const created = await db.auth.verifyToken(byId);
    assert.equal(created.id, userId);
    const again = await db.auth.createToken({ id: userId });
    await assertSignedIn(again, userId);
  });

  it('getUser finds a user by email, id and refresh token, and answers null for nobody', async () => {
    const token = await db.auth.createToken('cy@example.com');
    const byEmail = await db.auth.getUser({ email: 'cy@example.com' });
    assertDbUser(byEmail, { email: 'cy@example.com', isGuest: false });
    assert.equal(byEmail.refresh_token, undefined);

    assert.deepEqual(await db.auth.getUser({ id: byEmail.id }), byEmail);
    assert.deepEqual(await db.auth.getUser({ refresh_token: token }), byEmail);

    assert.deepEqual(await db.auth.getUser({ email: ' CY@Example.com' }), byEmail);
    assert.equal(await db.auth.getUser({ email: 'nobody@example.com' }), null);
    assert.equal(await db.auth.getUser({ id: id() }), null);
    assert.equal(await db.auth.getUser({ refresh_token: id() }), null);

    await rejectsWithApiError(db.auth.getUser({}), {
      status: 400,
      type: 'validation-failed',
      message: 'Validation failed for params: Please provide a user id, email, or refresh_token',
    });
  });

  it('shows $users to the admin in query format', async () => {
    await db.auth.createToken('dora@example.com');
    const user = await db.auth.getUser({ email: 'dora@example.com' });
    const { $users } = await db.query({ $users: { $: { where: { email: 'dora@example.com' } } } });
    assert.equal($users.length, 1);
    assert.equal($users[0].id, user.id);
    assert.equal($users[0].email, 'dora@example.com');
    for (const key of ['app_id', 'created_at', 'isGuest', 'refresh_token']) {
      assert.ok(!(key in $users[0]), `${key} in ${JSON.stringify($users[0])}`);
    }
  });

  it('verifyToken rejects unknown, malformed and missing tokens', async () => {
    await assertSignedOut(id());
    await rejectsWithApiError(db.auth.verifyToken('not-a-token'), {
      status: 400,
      type: 'param-malformed',
      message: 'Malformed parameter: ["body" "refresh-token"]',
    });
    await rejectsWithApiError(db.auth.verifyToken(undefined), {
      status: 400,
      type: 'param-missing',
      message: 'Missing parameter: ["body" "refresh-token"]',
    });
  });

  it('rejects malformed ids and tokens in user lookups', async () => {
    await rejectsWithApiError(db.auth.getUser({ id: 'not-an-id' }), {
      status: 400,
      type: 'param-malformed',
      message: 'Malformed parameter: ["params" "id"]',
    });
    await rejectsWithApiError(db.auth.deleteUser({ refresh_token: 'not-a-token' }), {
      status: 400,
      type: 'param-malformed',
      message: 'Malformed parameter: ["params" "refresh_token"]',
    });
    await rejectsWithApiError(db.auth.signOut({ refresh_token: 'not-a-token' }), {
      status: 400,
      type: 'param-malformed',
      message: 'Malformed parameter: ["body" "refresh_token"]',
    });
  });

  it('generateMagicCode and checkMagicCode sign up a new user once per code', async () => {
    const email = 'eva@example.com';
    const { code } = await db.auth.generateMagicCode(email);
    assert.match(code, magicCodePattern);

    const { user, created } = await db.auth.checkMagicCode(email, code);
    assert.equal(created, true);
    assertDbUser(user, { email, type: 'user', isGuest: false });
    assert.match(user.refresh_token, uuidPattern);
    await assertSignedIn(user.refresh_token, user.id);

    // A code is single use.
    await rejectsWithApiError(db.auth.checkMagicCode(email, code), wrongCode);

    const next = await db.auth.generateMagicCode(email);
    const again = await db.auth.checkMagicCode(email, next.code);
    assert.equal(again.created, false);
    assert.equal(again.user.id, user.id);
    assert.notEqual(again.user.refresh_token, user.refresh_token);
  });

  it('sendMagicCode returns the code and verifyMagicCode signs in with it', async () => {
    const email = 'finn@example.com';
    const token = await db.auth.createToken(email);
    const existing = await db.auth.verifyToken(token);

    const sent = await db.auth.sendMagicCode(email);
    assert.deepEqual(Object.keys(sent), ['code']);
    assert.match(sent.code, magicCodePattern);

    const user = await db.auth.verifyMagicCode(email, sent.code);
    assertDbUser(user, { id: existing.id, email, isGuest: false });
    assert.match(user.refresh_token, uuidPattern);
    assert.notEqual(user.refresh_token, token);
    await assertSignedIn(user.refresh_token, existing.id);
  });

  it('normalises the email of magic codes', async () => {
    const { code } = await db.auth.generateMagicCode('  Rosa@Example.COM ');
    const { user, created } = await db.auth.checkMagicCode('rosa@example.com', code);
    assert.equal(created, true);
    assert.equal(user.email, 'rosa@example.com');
  });

  it('rejects a wrong magic code', async () => {
    const email = 'gail@example.com';
    const { code } = await db.auth.generateMagicCode(email);
    const wrong = code === '000000' ? '111111' : '000000';
    const error = await rejectsWithApiError(db.auth.checkMagicCode(email, wrong), wrongCode);
    assert.equal(error.body.hint['record-type'], 'app-user-magic-code');
    assert.equal(await db.auth.getUser({ email }), null);
  });

  it('checks extraFields against the $users attributes before it uses up the code', async () => {
    const email = 'hana@example.com';
    const { code } = await db.auth.generateMagicCode(email);
    await rejectsWithApiError(db.auth.checkMagicCode(email, code, { extraFields: { nickname: 'hana' } }), {
      status: 400,
      type: 'validation-failed',
      message: 'Validation failed for extra-fields: Unknown field: nickname. It must be defined in your $users schema.',
    });

    // An admin write of a new $users attribute creates it; now the same, unspent code signs up with it.
    const token = await db.auth.createToken('ivan@example.com');
    const ivan = await db.auth.verifyToken(token);
    await db.transact(db.tx.$users[ivan.id].update({ nickname: 'ivan' }));

    const { user, created } = await db.auth.checkMagicCode(email, code, { extraFields: { nickname: 'hana' } });
    assert.equal(created, true);
    assertDbUser(user, { email, nickname: 'hana', type: 'user' });
    assert.equal((await db.auth.getUser({ email })).nickname, 'hana');
  });

  it('deleting a $users entity in a transaction also deletes its refresh tokens', async () => {
    const token = await db.auth.createToken('quinn@example.com');
    const user = await db.auth.verifyToken(token);
    await db.transact(db.tx.$users[user.id].delete());
    assert.equal(await db.auth.getUser({ email: 'quinn@example.com' }), null);
    await assertSignedOut(token);
    const { $users } = await db.query({ $users: { $: { where: { id: user.id } } } });
    assert.deepEqual($users, []);
  });

  it('signOut by refresh token ends only that token', async () => {
    const email = 'jo@example.com';
    const kept = await db.auth.createToken(email);
    const ended = await db.auth.createToken(email);
    const user = await db.auth.verifyToken(kept);

    assert.equal(await db.auth.signOut({ refresh_token: ended }), undefined);
    await assertSignedOut(ended);
    await assertSignedIn(kept, user.id);

    // Unknown tokens are no error.
    await db.auth.signOut({ refresh_token: id() });
  });

  it('signOut by email (string and object) and by id ends every token of the user', async () => {
    for (const [email, signOut] of [
      ['kim@example.com', (user) => db.auth.signOut(user.email)],
      ['lea@example.com', (user) => db.auth.signOut({ email: user.email })],
      ['max@example.com', (user) => db.auth.signOut({ id: user.id })],
    ]) {
      const tokens = [await db.auth.createToken(email), await db.auth.createToken(email)];
      const user = await db.auth.verifyToken(tokens[0]);
      await signOut(user);
      for (const token of tokens) {
        await assertSignedOut(token);
      }
      // Signing out keeps the user.
      assert.equal((await db.auth.getUser({ email })).id, user.id);
    }
  });

  it('signOut rejects an unknown email and a call without a user', async () => {
    await rejectsWithApiError(db.auth.signOut({ email: 'nobody@example.com' }), unknownUser);
    await rejectsWithApiError(db.auth.signOut({}), {
      status: 400,
      type: 'validation-failed',
      message: 'Validation failed for body: Please provide an `id`, `email`, or `refresh_token`',
    });
    // An unknown id is no error.
    await db.auth.signOut({ id: id() });
  });

  it('deleteUser by email, id and refresh token returns the deleted user and ends its tokens', async () => {
    for (const [email, params] of [
      ['nia@example.com', (user) => ({ email: user.email })],
      ['oli@example.com', (user) => ({ id: user.id })],
      ['pia@example.com', (user, token) => ({ refresh_token: token })],
    ]) {
      const token = await db.auth.createToken(email);
      const user = await db.auth.getUser({ email });
      const deleted = await db.auth.deleteUser(params(user, token));
      assertDbUser(deleted, { id: user.id, email, isGuest: false });
      assert.equal(await db.auth.getUser({ email }), null);
      await assertSignedOut(token);
      assert.equal(await db.auth.deleteUser(params(user, token)), null);
    }
  });
});
