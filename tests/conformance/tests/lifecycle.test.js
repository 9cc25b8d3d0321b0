// The command line contract the suite relies on: the ready line, SIGTERM, and a data directory that survives a
// restart with its app id, admin token and data.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';

import { id, init } from '@instantdb/admin';

import { makeDataDir, removeDataDir, startSandbox } from '../support/sandbox.js';
import { liveQuery, okData, uuidPattern } from '../support/util.js';

describe('sandbox process', () => {
  const dataDirs = [];
  const sandboxes = [];

  async function start(options) {
    const sandbox = await startSandbox(options);
    sandboxes.push(sandbox);
    return sandbox;
  }

  // stop() may run twice; the second call answers the first one's outcome.
  after(async () => {
    for (const sandbox of sandboxes) {
      await sandbox.stop().catch(() => {});
    }
    for (const dataDir of dataDirs) {
      await removeDataDir(dataDir);
    }
  });

  it('announces itself, stops on SIGTERM and keeps its app across restarts', async () => {
    const dataDir = await makeDataDir();
    dataDirs.push(dataDir);

    const first = await start({ dataDir });
    assert.match(first.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(first.appId, uuidPattern);
    assert.match(first.adminToken, uuidPattern);
    const goalId = id();
    let db = init({ appId: first.appId, adminToken: first.adminToken, apiURI: first.url });
    await db.transact(db.tx.goals[goalId].update({ title: 'Persisted' }));
    assert.deepEqual(await first.stop(), { code: 0, signal: null });

    const second = await start({ dataDir });
    assert.equal(second.appId, first.appId);
    assert.equal(second.adminToken, first.adminToken);
    db = init({ appId: second.appId, adminToken: second.adminToken, apiURI: second.url });
    assert.deepEqual(await db.query({ goals: {} }), { goals: [{ id: goalId, title: 'Persisted' }] });
    assert.deepEqual(await second.stop(), { code: 0, signal: null });
  });

  it('serves the demo seed to the SDK, once, however often it starts with --seed demo', async () => {
    const dataDir = await makeDataDir();
    dataDirs.push(dataDir);
    const everything = { goals: { todos: {} }, todos: {}, tags: {}, $users: {}, $files: {} };

    const first = await start({ dataDir, args: ['--seed', 'demo'] });
    let db = init({ appId: first.appId, adminToken: first.adminToken, apiURI: first.url });
    const seeded = await db.query(everything);
    for (const namespace of Object.keys(everything)) {
      assert.ok(seeded[namespace].length > 0, `no ${namespace} in the demo seed`);
    }
    assert.ok(
      seeded.goals.some((goal) => goal.todos.length > 0),
      'no goal of the demo seed has todos',
    );
    for (const file of seeded.$files) {
      const response = await fetch(file.url);
      assert.equal(response.status, 200, file.path);
      assert.equal((await response.arrayBuffer()).byteLength, file.size, file.path);
    }
    const withEmail = seeded.$users.find((user) => user.email);
    assert.ok(withEmail, 'no $users with an email in the demo seed');
    assert.deepEqual((await db.asUser({ email: withEmail.email }).query({ $users: {} })).$users, [withEmail]);
    assert.deepEqual(await first.stop(), { code: 0, signal: null });

    const second = await start({ dataDir, args: ['--seed', 'demo'] });
    db = init({ appId: second.appId, adminToken: second.adminToken, apiURI: second.url });
    // The port changes with every start, and with it the origin of the file urls.
    const withoutOrigins = (result) => ({
      ...result,
      $files: result.$files.map((file) => ({ ...file, url: new URL(file.url).pathname })),
    });
    assert.deepEqual(withoutOrigins(await db.query(everything)), withoutOrigins(seeded));
    assert.deepEqual(await second.stop(), { code: 0, signal: null });
  });

  it('stops promptly with a live query open, and the SDK subscribes again when it is back', async () => {
    const dataDir = await makeDataDir();
    dataDirs.push(dataDir);
    const first = await start({ dataDir });
    const db = init({ appId: first.appId, adminToken: first.adminToken, apiURI: first.url });
    const firstId = id();
    await db.transact(db.tx.notes[firstId].update({ text: 'before' }));
    const subscription = liveQuery(db, { notes: {} });
    try {
      assert.deepEqual(okData(await subscription.next()), { notes: [{ id: firstId, text: 'before' }] });
      assert.deepEqual(await first.stop(), { code: 0, signal: null });

      // Same port, same data: the SDK's EventSource reconnects on its own and gets a fresh first result.
      const second = await start({ dataDir, port: Number(new URL(first.url).port) });
      const secondId = id();
      await db.transact(db.tx.notes[secondId].update({ text: 'after' }));
      const expected = [firstId, secondId].toSorted();
      const deadline = performance.now() + 10000;
      let seen = null;
      while (performance.now() < deadline) {
        const payload = await subscription.next(Math.max(1, deadline - performance.now()));
        // While the server was away the SDK may report connection errors; only the data matters here.
        if (payload.type === 'ok') {
          seen = payload.data.notes.map((note) => note.id).toSorted();
          if (seen.join() === expected.join()) {
            break;
          }
        }
      }
      assert.deepEqual(seen, expected);
      subscription.close();
      assert.deepEqual(await second.stop(), { code: 0, signal: null });
    } finally {
      subscription.close();
    }
  });

  it('uses the app id and admin token it is given', async () => {
    const appId = id();
    const adminToken = id();
    const sandbox = await start({ args: ['--app-id', appId, '--admin-token', adminToken] });
    assert.equal(sandbox.appId, appId);
    assert.equal(sandbox.adminToken, adminToken);
    const db = init({ appId, adminToken, apiURI: sandbox.url });
    assert.deepEqual(await db.query({ goals: {} }), { goals: [] });
    assert.deepEqual(await sandbox.stop(), { code: 0, signal: null });
  });
});
