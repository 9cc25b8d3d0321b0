// init, query and transact through the SDK's tx builder, each write read back with a query.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { i, id, init, lookup } from '@instantdb/admin';

import { byId, rejectsWithApiError, startApp, uuidPattern } from '../support/util.js';

describe('query and transact', () => {
  let app;
  let db;
  let lastTxId = 0;

  // Every successful transact answers a tx-id that grows with each transaction.
  async function transact(chunks) {
    const result = await db.transact(chunks);
    assert.deepEqual(Object.keys(result), ['tx-id']);
    assert.ok(Number.isInteger(result['tx-id']), `tx-id ${result['tx-id']}`);
    assert.ok(result['tx-id'] > lastTxId, `tx-id ${result['tx-id']} after ${lastTxId}`);
    lastTxId = result['tx-id'];
    return result;
  }

  async function one(namespace, entityId) {
    const result = await db.query({ [namespace]: { $: { where: { id: entityId } } } });
    assert.deepEqual(Object.keys(result), [namespace]);
    assert.ok(result[namespace].length <= 1, JSON.stringify(result));
    return result[namespace][0];
  }

  before(async () => {
    app = await startApp();
    db = app.db;
  });
  after(async () => {
    await app?.stop();
  });

  it('answers queries on an app without data', async () => {
    assert.deepEqual(await db.query({}), {});
    assert.deepEqual(await db.query({ goals: {}, todos: { owner: {} } }), { goals: [], todos: [] });
  });

  it('creates an entity with update and reads every JSON value back unchanged', async () => {
    const goalId = id();
    const attrs = {
      title: 'Get fit',
      priority: 1,
      ratio: 1.5,
      done: false,
      tags: ['health', 2, null],
      meta: { nested: { deep: true }, list: [1, 2] },
      note: null,
      unicode: 'Grüße, 世界 / \u{1f600}',
    };
    await transact(db.tx.goals[goalId].update(attrs));
    assert.deepEqual(await one('goals', goalId), { id: goalId, ...attrs });
  });

  it('updates only the given attributes and drops an id inside the attributes', async () => {
    const goalId = id();
    await transact(db.tx.goals[goalId].update({ title: 'Read', priority: 3 }));
    await transact(db.tx.goals[goalId].update({ priority: 4, id: id() }));
    assert.deepEqual(await one('goals', goalId), { id: goalId, title: 'Read', priority: 4 });
  });

  it('rejects update with upsert false on a missing entity and accepts it on an existing one', async () => {
    const goalId = id();
    const error = await rejectsWithApiError(
      db.transact(db.tx.goals[goalId].update({ title: 'x' }, { upsert: false })),
      {
        status: 400,
        type: 'validation-failed',
        messageIncludes: `Updating entities that don't exist: ${goalId}`,
      },
    );
    assert.ok(error.body.message.startsWith('Validation failed for tx-step: '), error.body.message);
    assert.equal(await one('goals', goalId), undefined);

    await transact(db.tx.goals[goalId].update({ title: 'x' }));
    await transact(db.tx.goals[goalId].update({ title: 'y' }, { upsert: false }));
    assert.deepEqual(await one('goals', goalId), { id: goalId, title: 'y' });
  });

  it('creates with create and refuses to create an existing entity', async () => {
    const todoId = id();
    await transact(db.tx.todos[todoId].create({ title: 'Run', done: false }));
    assert.deepEqual(await one('todos', todoId), { id: todoId, title: 'Run', done: false });

    const error = await rejectsWithApiError(db.transact(db.tx.todos[todoId].create({ title: 'Again' })), {
      status: 400,
      type: 'validation-failed',
      messageIncludes: `Creating entities that exist: ${todoId}`,
    });
    assert.ok(error.body.message.startsWith('Validation failed for tx-step: '), error.body.message);
    assert.deepEqual(await one('todos', todoId), { id: todoId, title: 'Run', done: false });
  });

  it('merges objects deeply, deletes keys set to null and overwrites non-objects', async () => {
    const gameId = id();
    await transact(
      db.tx.games[gameId].update({
        state: { '0-0': 'red', '0-1': 'blue', inner: { a: 1, b: 2 } },
        moves: [1, 2],
        label: 'start',
      }),
    );
    await transact(
      db.tx.games[gameId].merge({
        state: { '0-0': null, '1-1': 'green', inner: { b: 3, c: 4 } },
        moves: [3],
        label: 'next',
      }),
    );
    assert.deepEqual(await one('games', gameId), {
      id: gameId,
      state: { '0-1': 'blue', '1-1': 'green', inner: { a: 1, b: 3, c: 4 } },
      moves: [3],
      label: 'next',
    });

    // merge also upserts: a missing entity is created.
    const freshId = id();
    await transact(db.tx.games[freshId].merge({ state: { x: 1 } }));
    assert.deepEqual(await one('games', freshId), { id: freshId, state: { x: 1 } });
  });

  it('links and unlinks in both directions and shows the links nested in either namespace', async () => {
    const goalId = id();
    const runId = id();
    const swimId = id();
    const walkId = id();
    await transact([
      db.tx.goals[goalId].update({ title: 'Stay healthy' }),
      db.tx.todos[runId].update({ title: 'Run' }),
      db.tx.todos[swimId].update({ title: 'Swim' }),
      db.tx.todos[walkId].update({ title: 'Walk' }),
      db.tx.goals[goalId].link({ todos: [runId, swimId] }),
    ]);

    let result = await db.query({ goals: { $: { where: { id: goalId } }, todos: {} } });
    assert.equal(result.goals.length, 1);
    assert.deepEqual(
      result.goals[0].todos.toSorted(byId),
      [
        { id: runId, title: 'Run' },
        { id: swimId, title: 'Swim' },
      ].toSorted(byId),
    );

    // The reverse label of an auto-created link is the forward namespace.
    result = await db.query({ todos: { $: { where: { id: runId } }, goals: {} } });
    assert.deepEqual(result.todos, [{ id: runId, title: 'Run', goals: [{ id: goalId, title: 'Stay healthy' }] }]);

    // Linking from the reverse side lands on the same link attribute.
    await transact(db.tx.todos[walkId].link({ goals: goalId }));
    await transact(db.tx.goals[goalId].unlink({ todos: runId }));
    result = await db.query({ goals: { $: { where: { id: goalId } }, todos: {} } });
    assert.deepEqual(result.goals[0].todos.map((t) => t.id).toSorted(), [swimId, walkId].toSorted());

    result = await db.query({ todos: { $: { where: { id: runId } }, goals: {} } });
    assert.deepEqual(result.todos, [{ id: runId, title: 'Run', goals: [] }]);

    // where through a link path.
    result = await db.query({ todos: { $: { where: { 'goals.title': 'Stay healthy' } } } });
    assert.deepEqual(result.todos.map((t) => t.id).toSorted(), [swimId, walkId].toSorted());
  });

  it('deletes an entity together with the links pointing at it', async () => {
    const goalId = id();
    const todoId = id();
    await transact([
      db.tx.goals[goalId].update({ title: 'Doomed' }),
      db.tx.todos[todoId].update({ title: 'Survivor' }),
      db.tx.goals[goalId].link({ todos: todoId }),
    ]);
    await transact(db.tx.goals[goalId].delete());

    assert.equal(await one('goals', goalId), undefined);
    const result = await db.query({ todos: { $: { where: { id: todoId } }, goals: {} } });
    assert.deepEqual(result.todos, [{ id: todoId, title: 'Survivor', goals: [] }]);

    // Deleting what does not exist is not an error.
    await transact(db.tx.goals[id()].delete());
  });

  it('resolves lookups for updates, links and deletes', async () => {
    // An update through a lookup on an unknown attribute creates the entity and a unique attribute.
    await transact(db.tx.users[lookup('handle', 'stopa')].update({ name: 'Stepan' }));
    let result = await db.query({ users: { $: { where: { handle: 'stopa' } } } });
    assert.equal(result.users.length, 1);
    const userId = result.users[0].id;
    assert.match(userId, uuidPattern);
    assert.deepEqual(result.users[0], { id: userId, handle: 'stopa', name: 'Stepan' });

    // The same lookup finds the same entity again.
    await transact(db.tx.users[lookup('handle', 'stopa')].update({ name: 'Stepan P.' }));
    result = await db.query({ users: {} });
    assert.deepEqual(result.users, [{ id: userId, handle: 'stopa', name: 'Stepan P.' }]);

    // Link targets given as lookups (the SDK sends them as lookup__ strings).
    const goalId = id();
    await transact([
      db.tx.todos[lookup('slug', 'task-a')].update({ title: 'Task A' }),
      db.tx.goals[goalId].update({ title: 'With lookups' }),
    ]);
    await transact(db.tx.goals[goalId].link({ todos: lookup('slug', 'task-a') }));
    result = await db.query({ goals: { $: { where: { id: goalId } }, todos: {} } });
    assert.equal(result.goals[0].todos.length, 1);
    assert.equal(result.goals[0].todos[0].slug, 'task-a');
    assert.equal(result.goals[0].todos[0].title, 'Task A');

    await transact(db.tx.goals[goalId].unlink({ todos: lookup('slug', 'task-a') }));
    result = await db.query({ goals: { $: { where: { id: goalId } }, todos: {} } });
    assert.deepEqual(result.goals[0].todos, []);

    // The lookup attribute itself may change only on an entity that exists.
    const error = await rejectsWithApiError(
      db.transact(db.tx.users[lookup('handle', 'ghost')].update({ handle: 'ghost2' })),
      { status: 400, type: 'validation-failed' },
    );
    assert.equal(
      error.body.hint.errors[0].message,
      'Updates with lookups can only update the lookup attribute if an entity with the unique attribute value ' +
        'already exists.',
    );
    await transact(db.tx.users[lookup('handle', 'stopa')].update({ handle: 'stopa2' }));
    result = await db.query({ users: {} });
    assert.deepEqual(result.users, [{ id: userId, handle: 'stopa2', name: 'Stepan P.' }]);

    await transact(db.tx.users[lookup('handle', 'stopa2')].delete());
    assert.deepEqual(await db.query({ users: {} }), { users: [] });
  });

  it('makes a has-one link from a link to a lookup and answers it as an object to clients with a schema', async () => {
    const goalId = id();
    await transact([
      db.tx.owner[lookup('handle', 'alyssa')].update({ name: 'Alyssa' }),
      db.tx.goals[goalId].update({ title: 'Owned' }),
    ]);
    // An unknown link label whose target is a lookup becomes a unique, cardinality-one link.
    await transact(db.tx.goals[goalId].link({ owner: lookup('handle', 'alyssa') }));
    const { owner } = await db.query({ owner: {} });
    assert.equal(owner.length, 1);
    const alyssa = { id: owner[0].id, handle: 'alyssa', name: 'Alyssa' };
    assert.deepEqual(owner[0], alyssa);

    // Without a schema (inference? false) every link is an array.
    let result = await db.query({ goals: { $: { where: { id: goalId } }, owner: {} } });
    assert.deepEqual(result.goals, [{ id: goalId, title: 'Owned', owner: [alyssa] }]);

    const schema = i.schema({
      entities: {
        goals: i.entity({ title: i.string() }),
        owner: i.entity({ handle: i.string().unique().indexed(), name: i.string() }),
      },
      links: {
        goalOwner: {
          forward: { on: 'goals', has: 'one', label: 'owner' },
          reverse: { on: 'owner', has: 'one', label: 'goals' },
        },
      },
      rooms: {},
    });
    const typed = init({
      appId: app.sandbox.appId,
      adminToken: app.sandbox.adminToken,
      apiURI: app.sandbox.url,
      schema,
    });
    result = await typed.query({ goals: { $: { where: { id: goalId } }, owner: {} } });
    assert.deepEqual(result.goals, [{ id: goalId, title: 'Owned', owner: alyssa }]);
    result = await typed.query({ owner: { goals: {} } });
    // A cardinality-one forward link is itself an attribute of the goal, so its raw id shows when not requested.
    assert.deepEqual(result.owner, [{ ...alyssa, goals: { id: goalId, title: 'Owned', owner: alyssa.id } }]);

    // A singular link with nothing linked is null.
    const loneId = id();
    await typed.transact(typed.tx.goals[loneId].update({ title: 'Alone' }));
    result = await typed.query({ goals: { $: { where: { id: loneId } }, owner: {} } });
    assert.deepEqual(result.goals, [{ id: loneId, title: 'Alone', owner: null }]);
  });

  it('rejects a lookup on an attribute that is not unique', async () => {
    const goalId = id();
    await transact(db.tx.goals[goalId].update({ title: 'Not unique' }));
    await rejectsWithApiError(db.transact(db.tx.goals[lookup('title', 'Not unique')].update({ priority: 1 })), {
      status: 400,
      type: 'validation-failed',
      message: 'Validation failed for lookup: title is not a unique attribute on goals',
    });
  });

  it('runs a multi-step transaction atomically', async () => {
    const goalId = id();
    const existingId = id();
    await transact(db.tx.todos[existingId].update({ title: 'Exists' }));
    await rejectsWithApiError(
      db.transact([db.tx.goals[goalId].update({ title: 'Half' }), db.tx.todos[existingId].create({ title: 'Clash' })]),
      { status: 400, type: 'validation-failed' },
    );
    assert.equal(await one('goals', goalId), undefined);
    assert.deepEqual(await one('todos', existingId), { id: existingId, title: 'Exists' });
  });

  it('accepts ruleParams in queries and transactions', async () => {
    const goalId = id();
    await transact(db.tx.goals[goalId].ruleParams({ knownGoalId: goalId }).update({ title: 'With params' }));
    const result = await db.query({ goals: { $: { where: { id: goalId } } } }, { ruleParams: { knownGoalId: goalId } });
    // $$ruleParams travels inside the query but is not a namespace of the answer.
    assert.deepEqual(result, { goals: [{ id: goalId, title: 'With params' }] });
  });

  it('filters, orders and limits', async () => {
    // Sorted ids agree with the tie-break of equal creation times, so the expected order is exact either way.
    const ids = [id(), id(), id()].toSorted();
    for (const [index, entityId] of ids.entries()) {
      await transact(db.tx.chores[entityId].update({ title: `Chore ${index}`, done: index !== 1, rank: index }));
    }

    let result = await db.query({ chores: { $: { where: { done: true } } } });
    assert.deepEqual(result.chores.map((c) => c.id).toSorted(), [ids[0], ids[2]].toSorted());

    result = await db.query({ chores: { $: { where: { rank: { $in: [1, 2] } } } } });
    assert.deepEqual(result.chores.map((c) => c.id).toSorted(), [ids[1], ids[2]].toSorted());

    result = await db.query({ chores: { $: { where: { or: [{ rank: 0 }, { title: 'Chore 2' }] } } } });
    assert.deepEqual(result.chores.map((c) => c.id).toSorted(), [ids[0], ids[2]].toSorted());

    // Separate transactions give distinct creation times: ascending by default, reversed on request.
    result = await db.query({ chores: {} });
    assert.deepEqual(
      result.chores.map((c) => c.id),
      ids,
    );
    result = await db.query({ chores: { $: { order: { serverCreatedAt: 'desc' }, limit: 2 } } });
    assert.deepEqual(
      result.chores.map((c) => c.id),
      [ids[2], ids[1]],
    );

    result = await db.query({ chores: { $: { where: { title: { $not: 'Chore 1' } } } } });
    assert.deepEqual(result.chores.map((c) => c.id).toSorted(), [ids[0], ids[2]].toSorted());

    // $not also matches entities that lack the attribute; $isNull finds them.
    const bareId = id();
    await transact(db.tx.chores[bareId].update({ rank: 9 }));
    result = await db.query({ chores: { $: { where: { title: { $not: 'Chore 1' } } } } });
    assert.deepEqual(result.chores.map((c) => c.id).toSorted(), [ids[0], ids[2], bareId].toSorted());
    result = await db.query({ chores: { $: { where: { title: { $isNull: true } } } } });
    assert.deepEqual(
      result.chores.map((c) => c.id),
      [bareId],
    );
    await transact(db.tx.chores[bareId].delete());

    result = await db.query({ chores: { $: { where: { id: ids[0] }, fields: ['title'] } } });
    assert.deepEqual(result.chores, [{ id: ids[0], title: 'Chore 0' }]);
  });
});
