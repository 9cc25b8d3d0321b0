// db.rooms.getPresence, with peers placed in rooms through the sandbox's own join and leave routes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { id } from '@instantdb/admin';

import { rejectsWithApiError, sandboxRoute, serverDatePattern, startApp, uuidPattern } from '../support/util.js';

describe('rooms', () => {
  let app;
  let db;

  before(async () => {
    app = await startApp();
    db = app.db;
  });
  after(async () => {
    await app?.stop();
  });

  it('answers an empty object for a room nobody joined', async () => {
    assert.deepEqual(await db.rooms.getPresence('chat', 'room-nobody-joined'), {});
  });

  it('lists the peers of a room with their data and users', async () => {
    const token = await db.auth.createToken('louis@example.com');
    const louis = await db.auth.verifyToken(token);
    const signedIn = await sandboxRoute(app.sandbox, 'POST', '/sandbox/rooms/join', {
      'room-id': 'room-a',
      data: { color: 'blue' },
      'refresh-token': token,
    });
    const anonymousId = id();
    const anonymous = await sandboxRoute(app.sandbox, 'POST', '/sandbox/rooms/join', {
      'room-id': 'room-a',
      'peer-id': anonymousId,
      data: { color: 'red' },
    });
    assert.match(signedIn['peer-id'], uuidPattern);
    assert.equal(anonymous['peer-id'], anonymousId);

    const presence = await db.rooms.getPresence('chat', 'room-a');
    assert.deepEqual(Object.keys(presence).toSorted(), [signedIn['peer-id'], anonymousId].toSorted());

    const blue = presence[signedIn['peer-id']];
    assert.equal(blue['peer-id'], signedIn['peer-id']);
    assert.deepEqual(blue.data, { color: 'blue' });
    assert.equal(blue.user.id, louis.id);
    assert.equal(blue.user.email, 'louis@example.com');
    assert.equal(blue.user.app_id, app.sandbox.appId);
    assert.match(blue.user.created_at, serverDatePattern);
    assert.equal(blue.user.isGuest, false);
    assert.equal(blue.user.refresh_token, undefined);

    const red = presence[anonymousId];
    assert.equal(red['peer-id'], anonymousId);
    assert.deepEqual(red.data, { color: 'red' });
    assert.equal(red.user, null);

    // Rooms are found by id alone; the room type is required but unused.
    assert.deepEqual(await db.rooms.getPresence('another-type', 'room-a'), presence);
    assert.deepEqual(await db.rooms.getPresence('chat', 'room-b'), {});

    await sandboxRoute(app.sandbox, 'POST', '/sandbox/rooms/leave', { 'room-id': 'room-a', 'peer-id': anonymousId });
    assert.deepEqual(Object.keys(await db.rooms.getPresence('chat', 'room-a')), [signedIn['peer-id']]);
    await sandboxRoute(app.sandbox, 'POST', '/sandbox/rooms/leave', {
      'room-id': 'room-a',
      'peer-id': signedIn['peer-id'],
    });
    assert.deepEqual(await db.rooms.getPresence('chat', 'room-a'), {});
  });

  it('rejects a blank room id', async () => {
    // The SDK still sends `room-id=`; an empty value is present but malformed.
    const error = await rejectsWithApiError(db.rooms.getPresence('chat', ''), {
      status: 400,
      type: 'param-malformed',
      message: 'Malformed parameter: ["params" "room-id"]',
    });
    assert.deepEqual(error.body.hint.in, ['params', 'room-id']);
  });
});
