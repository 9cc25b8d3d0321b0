// Several apps in one sandbox: each SDK client sees only its own app.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { id, init } from '@instantdb/admin';

import { rejectsWithApiError, sandboxRoute, startApp, uuidPattern } from '../support/util.js';

describe('apps', () => {
  let app;
  let first;
  let second;
  let secondApp;

  before(async () => {
    app = await startApp();
    first = app.db;
    const created = await sandboxRoute(app.sandbox, 'POST', '/sandbox/apps', { title: 'Second app' });
    secondApp = created.app;
    second = init({ appId: secondApp.id, adminToken: secondApp['admin-token'], apiURI: app.sandbox.url });
  });
  after(async () => {
    await app?.stop();
  });

  it('creates an app with its own id and admin token', () => {
    assert.match(secondApp.id, uuidPattern);
    assert.match(secondApp['admin-token'], uuidPattern);
    assert.notEqual(secondApp.id, app.sandbox.appId);
    assert.notEqual(secondApp['admin-token'], app.sandbox.adminToken);
  });

  it('keeps data, users and files apart', async () => {
    const goalId = id();
    await first.transact(first.tx.goals[goalId].update({ title: 'Only in the first app' }));
    await first.auth.createToken('solo@example.com');
    await first.storage.uploadFile('solo.txt', Buffer.from('solo'));

    assert.deepEqual(await second.query({ goals: {}, $users: {}, $files: {} }), { goals: [], $users: [], $files: [] });
    assert.equal(await second.auth.getUser({ email: 'solo@example.com' }), null);
    assert.equal((await first.query({ goals: {} })).goals.length, 1);

    // The same entity id may exist in both apps.
    await second.transact(second.tx.goals[goalId].update({ title: 'Second' }));
    assert.deepEqual((await first.query({ goals: {} })).goals, [{ id: goalId, title: 'Only in the first app' }]);
    assert.deepEqual((await second.query({ goals: {} })).goals, [{ id: goalId, title: 'Second' }]);
  });

  it("refuses one app's admin token for another app", async () => {
    const crossed = init({ appId: app.sandbox.appId, adminToken: secondApp['admin-token'], apiURI: app.sandbox.url });
    await rejectsWithApiError(crossed.query({ goals: {} }), {
      status: 400,
      type: 'record-not-found',
      message: 'Record not found: app-admin-token',
    });
  });

  it('verifies refresh tokens only within their app', async () => {
    const token = await first.auth.createToken('mine@example.com');
    assert.equal((await first.auth.verifyToken(token)).email, 'mine@example.com');
    await rejectsWithApiError(second.auth.verifyToken(token), {
      status: 400,
      type: 'record-not-found',
      message: 'Record not found: app-user',
    });
  });
});
