// Small assertions and utilities shared by the test files.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import { InstantAPIError, init } from '@instantdb/admin';

import { startSandbox } from './sandbox.js';

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const serverDatePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
export const magicCodePattern = /^[0-8]{6}$/;

/** Starts a sandbox and an admin client on it; call stop() in after(). */
export async function startApp(config = {}) {
  const sandbox = await startSandbox();
  const db = init({ appId: sandbox.appId, adminToken: sandbox.adminToken, apiURI: sandbox.url, ...config });
  return { sandbox, db, stop: () => sandbox.stop() };
}

/** Awaits a promise that must fail with an InstantAPIError and checks its status and body. */
export async function rejectsWithApiError(promise, { status, type, message, messageIncludes }) {
  let error = null;
  await assert.rejects(promise, (e) => {
    error = e;
    return true;
  });
  assert.ok(error instanceof InstantAPIError, `expected an InstantAPIError, got ${error?.stack ?? error}`);
  const context = `body: ${JSON.stringify(error.body)}`;
  assert.equal(error.status, status, context);
  if (type !== undefined) {
    assert.equal(error.body.type, type, context);
    // Every typed error body carries a hint, null when there is nothing to say.
    assert.ok('hint' in error.body, `error body without hint: ${context}`);
  }
  if (message !== undefined) {
    assert.equal(error.body.message, message, context);
    assert.equal(error.message, message);
  }
  if (messageIncludes !== undefined) {
    assert.ok(String(error.body.message).includes(messageIncludes), context);
  }
  return error;
}

export function byId(a, b) {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The object key bin of the legacy storage routes: |String.hashCode(locationId)| mod 10, in Java arithmetic. */
export function javaStringHashBin(text) {
  let hash = 0;
  for (let i = 0; i < text.length; i++) {
    hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  }
  const abs = hash === -2147483648 ? hash : Math.abs(hash);
  return ((abs % 10) + 10) % 10;
}

/**
 * Subscribes through db.subscribeQuery with a callback and queues the payloads, so that a test can await them one
 * by one, each wait bounded.
 */
export function liveQuery(db, query, opts) {
  const queued = [];
  const waiters = [];
  const sub = db.subscribeQuery(
    query,
    (payload) => {
      const waiter = waiters.shift();
      if (waiter) {
        waiter(payload);
      } else {
        queued.push(payload);
      }
    },
    opts,
  );
  return {
    sub,
    pending: () => queued.length,
    next(timeoutMs = 5000) {
      if (queued.length > 0) {
        return Promise.resolve(queued.shift());
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(deliver), 1);
          reject(new Error(`no subscribeQuery payload within ${timeoutMs} ms`));
        }, timeoutMs);
        const deliver = (payload) => {
          clearTimeout(timer);
          resolve(payload);
        };
        waiters.push(deliver);
      });
    },
    close: () => sub.close(),
  };
}

/** Asserts that a subscribeQuery payload is an ok payload and returns its data. */
export function okData(payload) {
  assert.equal(
    payload.type,
    'ok',
    `expected an ok payload, got ${payload.type}: ${JSON.stringify(payload.error?.body ?? payload)}`,
  );
  return payload.data;
}

/**
 * Calls one of the sandbox's own routes (outside /admin; see sandbox/README.md) with the app's admin credentials.
 * Resolves to the parsed JSON body; any status but 200 fails.
 */
export async function sandboxRoute(sandbox, method, path, body) {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      'app-id': sandbox.appId,
      authorization: `Bearer ${sandbox.adminToken}`,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.equal(response.status, 200, `${method} ${path}: ${text}`);
  return JSON.parse(text);
}
