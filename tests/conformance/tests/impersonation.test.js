// db.asUser by email, refresh token and as a guest, on an app without permission rules.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { id, init } from '@instantdb/admin';

import { rejectsWithApiError, startApp, uuidPattern } from '../support/util.js';

describe('asUser', () => {
  let app;
  let db;
  let alyssa;
  let alyssaToken;
  let ben;
  const goalId = id();

  before(async () => {
    app = await startApp();
    db = app.db;
    alyssaToken = await db.auth.createToken('alyssa@example.com');
    alyssa = await db.auth.getUser({ email: 'alyssa@example.com' });
    await db.auth.createToken('ben@example.com');
    ben = await db.auth.getUser({ email: 'ben@example.com' });
    await db.transact(db.tx.goals[goalId].update({ title: 'Shared goal' }));
  });
  after(async () => {
    await app?.stop();
  });

  it('shows a user only themselves in $users, by email and by token', async () => {
    assert.equal((await db.query({ $users: {} })).$users.length, 2);

    for (const scoped of [db.asUser({ email: 'alyssa@example.com' }), db.asUser({ token: alyssaToken })]) {
      const { $users } = await scoped.query({ $users: {} });
      assert.deepEqual($users, [{ id: alyssa.id, email: 'alyssa@example.com' }]);
    }
    const asBen = await db.asUser({ email: 'ben@example.com' }).query({ $users: {} });
    assert.deepEqual(asBen.$users, [{ id: ben.id, email: 'ben@example.com' }]);
  });

  it('shows a guest no $users at all', async () => {
    assert.deepEqual(await db.asUser({ guest: true }).query({ $users: {} }), { $users: [] });
  });

  it('shows app data as an app without rules does', async () => {
    const expected = await db.query({ goals: {} });
    assert.equal(expected.goals.length, 1);
    for (const scoped of [
      db.asUser({ email: 'alyssa@example.com' }),
      db.asUser({ token: alyssaToken }),
      db.asUser({ guest: true }),
    ]) {
      assert.deepEqual(await scoped.query({ goals: {} }), expected);
    }
  });

  it('lets users and guests write when there are no rules', async () => {
    const byToken = id();
    const byGuest = id();
    await db.asUser({ token: alyssaToken }).transact(db.tx.goals[byToken].update({ title: 'From Alyssa' }));
    await db.asUser({ guest: true }).transact(db.tx.goals[byGuest].update({ title: 'From a guest' }));
    const { goals } = await db.query({ goals: { $: { where: { id: { $in: [byToken, byGuest] } } } } });
    assert.deepEqual(goals.map((g) => g.title).toSorted(), ['From Alyssa', 'From a guest']);
  });

  it('needs no admin token to impersonate by token or as a guest', async () => {
    const tokenless = init({ appId: app.sandbox.appId, apiURI: app.sandbox.url });
    const { $users } = await tokenless.asUser({ token: alyssaToken }).query({ $users: {} });
    assert.deepEqual($users, [{ id: alyssa.id, email: 'alyssa@example.com' }]);
    const asGuest = await tokenless.asUser({ guest: true }).query({ goals: { $: { where: { id: goalId } } } });
    assert.deepEqual(asGuest, { goals: [{ id: goalId, title: 'Shared goal' }] });
  });

  it('rejects unknown users and malformed tokens', async () => {
    let error = await rejectsWithApiError(db.asUser({ email: 'nobody@example.com' }).query({ goals: {} }), {
      status: 400,
      type: 'record-not-found',
      message: 'Record not found: app-user',
    });
    assert.equal(error.body.hint['record-type'], 'app-user');

    const unknownToken = id();
    error = await rejectsWithApiError(db.asUser({ token: unknownToken }).query({ goals: {} }), {
      status: 400,
      type: 'record-not-found',
      message: 'Record not found: app-user',
    });
    assert.equal(error.body.hint['record-type'], 'app-user');

    error = await rejectsWithApiError(db.asUser({ token: 'not-a-token' }).query({ goals: {} }), {
      status: 400,
      type: 'param-malformed',
      message: 'Malformed parameter: ["asUser" "token"]',
    });
    assert.deepEqual(error.body.hint.in, ['asUser', 'token']);
  });

  it('debugQuery needs an impersonated user and answers the result with its checks', async () => {
    await rejectsWithApiError(db.debugQuery({ goals: {} }), {
      status: 400,
      type: 'validation-failed',
      message: 'Validation failed for non-admin: Cannot test perms as admin',
    });
    const { result, checkResults } = await db.asUser({ guest: true }).debugQuery({ goals: {} });
    assert.deepEqual(result, await db.query({ goals: {} }));
    assert.ok(Array.isArray(checkResults), JSON.stringify(checkResults));
  });

  it('debugTransact checks a transaction without committing it', async () => {
    await rejectsWithApiError(db.debugTransact(db.tx.goals[id()].update({ title: 'Admin dry run' })), {
      status: 400,
      type: 'validation-failed',
      message: 'Validation failed for non-admin: Cannot test perms as admin',
    });
    const dryRunId = id();
    const report = await db.asUser({ guest: true }).debugTransact(db.tx.goals[dryRunId].update({ title: 'Dry run' }));
    assert.ok(Number.isInteger(report['tx-id']), JSON.stringify(report));
    assert.equal(report['all-checks-ok?'], true);
    assert.equal(report['committed?'], false);
    // The transaction ran (and was rolled back), with a create check for the new goal that passes without rules.
    const check = report['check-results'].find((r) => r.etype === 'goals' && r.action === 'create');
    assert.ok(check, JSON.stringify(report));
    assert.equal(check.eid, dryRunId);
    assert.equal(check['check-pass?'], true);
    assert.deepEqual(await db.query({ goals: { $: { where: { id: dryRunId } } } }), { goals: [] });
  });

  it('impersonates a guest user signed in through sign_in_guest', async () => {
    // SDK 1.0.67 has no call for this route, so it is requested the way the SDK requests its other auth routes.
    const { url, appId, adminToken } = app.sandbox;
    const response = await fetch(`${url}/admin/sign_in_guest?app_id=${appId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'app-id': appId, authorization: `Bearer ${adminToken}` },
      body: '{}',
    });
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.deepEqual(Object.keys(body), ['user']);
    const guest = body.user;
    assert.match(guest.id, uuidPattern);
    assert.match(guest.refresh_token, uuidPattern);
    assert.equal(guest.type, 'guest');
    assert.equal(guest.isGuest, true);
    assert.equal(guest.email, undefined);

    const verified = await db.auth.verifyToken(guest.refresh_token);
    assert.equal(verified.id, guest.id);
    assert.equal(verified.isGuest, true);

    const { $users } = await db.asUser({ token: guest.refresh_token }).query({ $users: {} });
    assert.deepEqual($users, [{ id: guest.id, type: 'guest' }]);
  });
});
