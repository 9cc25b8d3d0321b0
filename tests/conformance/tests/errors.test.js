// How failures reach SDK callers: InstantAPIError with the server's status and error body.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { i, id, init, InstantAPIError } from '@instantdb/admin';

import { rejectsWithApiError, startApp } from '../support/util.js';

describe('error surfaces', () => {
  let app;
  let db;
  let unchecked;

  function client(config) {
    return init({ appId: app.sandbox.appId, adminToken: app.sandbox.adminToken, apiURI: app.sandbox.url, ...config });
  }

  before(async () => {
    app = await startApp();
    db = app.db;
    // Client-side validation off, so that malformed requests reach the server.
    unchecked = client({ disableValidation: true });
  });
  after(async () => {
    await app?.stop();
  });

  it('reports a bad query as validation-failed with the offending path', async () => {
    const error = await rejectsWithApiError(unchecked.query({ goals: { $: { limit: -1 } } }), {
      status: 400,
      type: 'validation-failed',
      message: 'Validation failed for query: The limit field must be a positive integer. Got -1.',
    });
    assert.ok(error instanceof InstantAPIError);
    assert.equal(error.hint, error.body.hint);
    assert.equal(error.body.hint['data-type'], 'query');
    assert.deepEqual(error.body.hint.input, { goals: { $: { limit: -1 } } });
    assert.deepEqual(error.body.hint.errors[0].in, ['goals', '$', 'limit']);
    assert.equal(error.body.hint.errors[0].message, 'The limit field must be a positive integer. Got -1.');
  });

  it('reports unknown query options and non-object nodes', async () => {
    await rejectsWithApiError(unchecked.query({ goals: { $: { bogus: 1 } } }), {
      status: 400,
      type: 'validation-failed',
      messageIncludes: 'We only support `where`, `order`, `limit`, `offset`, `before`, and `after` clauses.',
    });
    const error = await rejectsWithApiError(unchecked.query({ goals: [] }), {
      status: 400,
      type: 'validation-failed',
    });
    assert.ok(error.body.message.startsWith('Validation failed for query'), error.body.message);
  });

  it('reports an entity id that is neither a UUID nor a lookup', async () => {
    const message = "Invalid entity ID 'bad-id'. Entity IDs must be UUIDs or lookup references.";
    const error = await rejectsWithApiError(unchecked.transact(unchecked.tx.goals['bad-id'].update({ title: 'x' })), {
      status: 400,
      type: 'validation-failed',
      message: `Validation failed for steps: ${message}`,
    });
    assert.equal(error.body.hint['data-type'], 'steps');
    assert.deepEqual(error.body.hint.errors[0], { message, in: [0, 2] });
  });

  it('refuses unknown attributes when the client has a schema', async () => {
    await db.transact(db.tx.goals[id()].update({ title: 'Known' }));
    const schema = i.schema({
      entities: { goals: i.entity({ title: i.string(), color: i.string().optional() }) },
      links: {},
      rooms: {},
    });
    const typed = client({ schema });
    const goalId = id();

    // With a schema the SDK asks the server not to create attributes.
    await typed.transact(typed.tx.goals[goalId].update({ title: 'Typed' }));
    const error = await rejectsWithApiError(typed.transact(typed.tx.goals[goalId].update({ color: 'purple' })), {
      status: 400,
      type: 'validation-failed',
      message: 'Validation failed for steps: Attributes are missing in your schema',
    });
    assert.deepEqual(error.body.hint.errors[0].hint.attributes, ['goals.color']);
    assert.deepEqual(await typed.query({ goals: { $: { where: { id: goalId } } } }), {
      goals: [{ id: goalId, title: 'Typed' }],
    });
  });

  it('lists the id attribute of a namespace the server does not know yet', async () => {
    const schema = i.schema({ entities: { planets: i.entity({ name: i.string() }) }, links: {}, rooms: {} });
    const typed = client({ schema });
    const error = await rejectsWithApiError(typed.transact(typed.tx.planets[id()].update({ name: 'Mars' })), {
      status: 400,
      type: 'validation-failed',
      message: 'Validation failed for steps: Attributes are missing in your schema',
    });
    assert.deepEqual(error.body.hint.errors[0].hint.attributes.toSorted(), ['planets.id', 'planets.name']);
    assert.deepEqual(await db.query({ planets: {} }), { planets: [] });
  });

  it('rejects a wrong admin token and an app that does not exist', async () => {
    const wrongToken = id();
    let error = await rejectsWithApiError(client({ adminToken: wrongToken }).query({ goals: {} }), {
      status: 400,
      type: 'record-not-found',
      message: 'Record not found: app-admin-token',
    });
    assert.equal(error.body.hint['record-type'], 'app-admin-token');

    error = await rejectsWithApiError(client({ appId: id() }).query({ goals: {} }), {
      status: 400,
      type: 'record-not-found',
      message: 'Record not found: app-admin-token',
    });
    assert.equal(error.body.hint['record-type'], 'app-admin-token');
  });

  it('rejects a malformed admin token', async () => {
    const error = await rejectsWithApiError(client({ adminToken: 'not-a-token' }).transact([]), {
      status: 400,
      type: 'param-malformed',
      message: 'Malformed parameter: ["headers" "authorization"]',
    });
    assert.deepEqual(error.body.hint.in, ['headers', 'authorization']);
  });

  it('rejects an auth call with bad input', async () => {
    await rejectsWithApiError(db.auth.generateMagicCode('not an email'), {
      status: 400,
      type: 'param-malformed',
      message: 'Malformed parameter: ["body" "email"]',
    });
  });
});
