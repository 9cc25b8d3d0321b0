// InstaQL as the sandbox answers it against InstaQL as @instantdb/core (a dependency of the admin SDK)
// evaluates it on the client: the same data in both, the same queries, the same trees. Core's query
// engine is not part of its public exports, so its files are imported by path. Comparison operators
// ($gt, $like …) need indexed attributes on the server, which the admin SDK cannot declare, and both
// sides order entities created in one transaction differently, so neither is compared here.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { id, tx } from '@instantdb/admin';

import coreQuery from '../node_modules/@instantdb/core/dist/esm/instaql.js';
import { AttrsStoreClass, createStore } from '../node_modules/@instantdb/core/dist/esm/store.js';

import { sandboxRoute, startApp } from '../support/util.js';

// A small app: goals with todos (one goal each) and tags (many-to-many).
function dataset() {
  const goals = [];
  const todos = [];
  const tags = [];
  for (let t = 0; t < 4; ++t) {
    tags.push({ id: id(), name: ['health', 'work', 'home', 'fun'][t], weight: t * 1.5 });
  }
  for (let g = 0; g < 6; ++g) {
    const goal = {
      id: id(),
      title: `Goal ${g}`,
      priority: (g * 7) % 5,
      done: g % 2 === 0,
      todoIds: [],
      tagIds: tags.filter((_, t) => (g + t) % 3 === 0).map((tag) => tag.id),
    };
    if (g !== 3) {
      goal.note = g % 3 === 0 ? null : `note ${g}`;
    }
    for (let k = 0; k < g % 4; ++k) {
      const todo = { id: id(), title: `Todo ${g}.${k}`, n: g * 10 + k, urgent: k === 0 };
      todos.push(todo);
      goal.todoIds.push(todo.id);
    }
    goals.push(goal);
  }
  return { goals, todos, tags };
}

function fieldsOf(entity) {
  const fields = { ...entity };
  delete fields.id;
  delete fields.todoIds;
  delete fields.tagIds;
  return fields;
}

// Every attribute of the app's schema, by id, in the form the server sends and the client keeps.
function attrsFromSchema(schema) {
  const attrs = {};
  for (const byLabel of Object.values(schema.blobs)) {
    for (const attr of Object.values(byLabel)) {
      attrs[attr.id] = attr;
    }
  }
  for (const attr of Object.values(schema.refs)) {
    attrs[attr.id] = attr;
  }
  return attrs;
}

// The triples the data makes, for core's store: [entity, attribute, value, time].
function triplesOf(data, attrs) {
  const byName = new Map();
  for (const attr of Object.values(attrs)) {
    const [, etype, label] = attr['forward-identity'];
    byName.set(`${etype}.${label}`, attr.id);
  }
  const attr = (etype, label) => {
    const found = byName.get(`${etype}.${label}`);
    assert.ok(found, `no attribute ${etype}.${label}`);
    return found;
  };
  const triples = [];
  let time = 1;
  for (const [etype, entities] of Object.entries(data)) {
    for (const entity of entities) {
      triples.push([entity.id, attr(etype, 'id'), entity.id, time++]);
      for (const [label, value] of Object.entries(fieldsOf(entity))) {
        triples.push([entity.id, attr(etype, label), value, time++]);
      }
    }
  }
  for (const goal of data.goals) {
    for (const todoId of goal.todoIds) {
      triples.push([goal.id, attr('goals', 'todos'), todoId, time++]);
    }
    for (const tagId of goal.tagIds) {
      triples.push([goal.id, attr('goals', 'tags'), tagId, time++]);
    }
  }
  return triples;
}

// Arrays of entities in a stable order (by id), all the way down, for queries without an order.
function sortedById(value) {
  if (Array.isArray(value)) {
    const items = value.map(sortedById);
    return items.every((item) => item && typeof item === 'object' && 'id' in item)
      ? items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      : items;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, sortedById(inner)]));
  }
  return value;
}

describe('InstaQL against @instantdb/core', () => {
  let app;
  let store;
  let attrsStore;
  let data;

  before(async () => {
    app = await startApp();
    data = dataset();
    const chunks = [];
    for (const goal of data.goals) {
      chunks.push(tx.goals[goal.id].update(fieldsOf(goal)));
    }
    for (const todo of data.todos) {
      chunks.push(tx.todos[todo.id].update(fieldsOf(todo)));
    }
    for (const tag of data.tags) {
      chunks.push(tx.tags[tag.id].update(fieldsOf(tag)));
    }
    for (const goal of data.goals) {
      if (goal.todoIds.length) {
        chunks.push(tx.goals[goal.id].link({ todos: goal.todoIds }));
      }
      if (goal.tagIds.length) {
        chunks.push(tx.goals[goal.id].link({ tags: goal.tagIds }));
      }
    }
    await app.db.transact(chunks);
    const { schema } = await sandboxRoute(app.sandbox, 'GET', '/admin/schema');
    const attrs = attrsFromSchema(schema);
    attrsStore = new AttrsStoreClass(attrs, null);
    store = createStore(attrsStore, triplesOf(data, attrs), true, false);
  });
  after(async () => {
    await app?.stop();
  });

  const queries = {
    'a namespace': { goals: {} },
    'several namespaces': { goals: {}, tags: {} },
    'nested links': { goals: { todos: {}, tags: {} } },
    'reverse links': { todos: { goals: {} }, tags: { goals: { todos: {} } } },
    'where on a field': { goals: { $: { where: { priority: 2 } } } },
    'where on a boolean': { todos: { $: { where: { urgent: true } } } },
    'where on id': { goals: { $: { where: { id: 'GOAL' } }, todos: {} } },
    'where on a link by id': { goals: { $: { where: { todos: 'TODO' } } } },
    'where through a link': { goals: { $: { where: { 'todos.urgent': true } } } },
    'where through two links': { tags: { $: { where: { 'goals.todos.n': 31 } } } },
    'where $in': { goals: { $: { where: { priority: { $in: [0, 4] } } } } },
    'where or': { goals: { $: { where: { or: [{ priority: 1 }, { done: false }] } } } },
    'where and': { goals: { $: { where: { and: [{ done: true }, { 'tags.name': 'health' }] } } } },
    'where $isNull': { goals: { $: { where: { note: { $isNull: true } } } } },
    'where not $isNull': { goals: { $: { where: { note: { $isNull: false } } } } },
    'where $not': { goals: { $: { where: { priority: { $not: 2 } } } } },
    'where $ne': { goals: { $: { where: { priority: { $ne: 2 } } } } },
    'where and inside or': {
      goals: { $: { where: { or: [{ and: [{ done: true }, { priority: 0 }] }, { 'todos.n': 11 }] } }, todos: {} },
    },
    'where in a nested namespace': { goals: { todos: { $: { where: { urgent: false } } } } },
    'fields': { goals: { $: { fields: ['title'] }, todos: { $: { fields: ['n'] } } } },
    'fields in nested links': { tags: { $: { fields: ['name'] }, goals: { $: { fields: ['title'] }, todos: {} } } },
  };

  for (const [name, template] of Object.entries(queries)) {
    it(`answers like core: ${name}`, async () => {
      // Ids are only known once the data exists.
      const q = JSON.parse(
        JSON.stringify(template).replace('"GOAL"', `"${data.goals[1].id}"`).replace('"TODO"', `"${data.todos[2].id}"`),
      );
      const remote = await app.db.query(q);
      const local = coreQuery({ store, attrsStore }, q).data;
      assert.deepEqual(sortedById(remote), sortedById(local), JSON.stringify(q));
    });
  }
});
