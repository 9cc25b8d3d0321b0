// db.storage: uploads from a Buffer and a stream, $files queries with fetchable urls, deletes and the legacy calls.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';

import { lookup } from '@instantdb/admin';

import { javaStringHashBin, rejectsWithApiError, sha256, startApp, uuidPattern } from '../support/util.js';

describe('storage', () => {
  let app;
  let db;

  async function fileAt(path) {
    const { $files } = await db.query({ $files: { $: { where: { path } } } });
    assert.ok($files.length <= 1, JSON.stringify($files));
    return $files[0];
  }

  async function fetchBytes(url) {
    const response = await fetch(url);
    assert.equal(response.status, 200, `GET ${url}`);
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  async function upload(path, file, metadata) {
    const result = await db.storage.uploadFile(path, file, metadata);
    assert.equal(typeof result.data, 'object');
    assert.match(result.data.id, uuidPattern);
    return result.data;
  }

  before(async () => {
    app = await startApp();
    db = app.db;
  });
  after(async () => {
    await app?.stop();
  });

  it('uploads a Buffer and lists it in $files with a url that serves the bytes', async () => {
    const bytes = Buffer.from('hello, sandbox\n');
    const data = await upload('photos/hello.txt', bytes, { contentType: 'text/plain' });

    const file = await fileAt('photos/hello.txt');
    assert.equal(file.id, data.id);
    assert.equal(file.path, 'photos/hello.txt');
    assert.equal(file.size, bytes.length);
    assert.equal(file['content-type'], 'text/plain');
    assert.equal(file['content-disposition'], 'inline');
    assert.match(file['location-id'], uuidPattern);
    assert.equal(typeof file.url, 'string');

    const { response, bytes: served } = await fetchBytes(file.url);
    assert.deepEqual(served, bytes);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
  });

  it('uploads a stream of known size', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const chunks = [];
    for (let offset = 0; offset < bytes.length; offset += 64 * 1024) {
      chunks.push(bytes.subarray(offset, offset + 64 * 1024));
    }
    const data = await upload('streams/random.bin', Readable.from(chunks), {
      contentType: 'application/x-test',
      contentDisposition: 'attachment; filename="random.bin"',
      fileSize: bytes.length,
    });

    const file = await fileAt('streams/random.bin');
    assert.equal(file.id, data.id);
    assert.equal(file.size, bytes.length);
    assert.equal(file['content-type'], 'application/x-test');
    assert.equal(file['content-disposition'], 'attachment; filename="random.bin"');
    const { response, bytes: served } = await fetchBytes(file.url);
    assert.equal(sha256(served), sha256(bytes));
    assert.match(response.headers.get('content-type') ?? '', /^application\/x-test/);
  });

  it('keeps paths as given, with spaces, symbols and dot segments', async () => {
    for (const path of ['odd/with space & plus+percent%.txt', '../outside.txt', 'a/./b/../c.txt']) {
      const bytes = Buffer.from(`content of ${path}`);
      const data = await upload(path, bytes);
      const file = await fileAt(path);
      assert.equal(file?.id, data.id, path);
      assert.equal(file.path, path);
      assert.deepEqual((await fetchBytes(file.url)).bytes, bytes, path);
      assert.deepEqual(await db.storage.delete(path), { data: { id: data.id } }, path);
      assert.equal(await fileAt(path), undefined, path);
    }
  });

  it('answers the same url for a file on every query of the day', async () => {
    await upload('stable/url.txt', Buffer.from('stable'));
    const first = await fileAt('stable/url.txt');
    const second = await fileAt('stable/url.txt');
    assert.equal(second.url, first.url);
  });

  it('stores application/octet-stream when no content type is given', async () => {
    await upload('plain/blob', Buffer.from([0, 1, 2, 255]));
    const file = await fileAt('plain/blob');
    assert.equal(file['content-type'], 'application/octet-stream');
    assert.equal(file.size, 4);
    assert.deepEqual((await fetchBytes(file.url)).bytes, Buffer.from([0, 1, 2, 255]));
  });

  it('overwrites by path: same id, new location and content', async () => {
    const first = await upload('docs/readme.md', Buffer.from('# one\n'), { contentType: 'text/markdown' });
    const before = await fileAt('docs/readme.md');
    const second = await upload('docs/readme.md', Buffer.from('# two, longer\n'), { contentType: 'text/markdown' });
    assert.equal(second.id, first.id);

    const after = await fileAt('docs/readme.md');
    assert.equal(after.id, first.id);
    assert.notEqual(after['location-id'], before['location-id']);
    assert.equal(after.size, Buffer.byteLength('# two, longer\n'));
    assert.equal((await fetchBytes(after.url)).bytes.toString(), '# two, longer\n');
  });

  it('deletes one file by path', async () => {
    const data = await upload('trash/one.txt', Buffer.from('1'));
    assert.deepEqual(await db.storage.delete('trash/one.txt'), { data: { id: data.id } });
    assert.equal(await fileAt('trash/one.txt'), undefined);
    assert.deepEqual(await db.storage.delete('trash/one.txt'), { data: { id: null } });
  });

  it('deletes many files by path and skips missing ones', async () => {
    const a = await upload('trash/a.txt', Buffer.from('a'));
    const b = await upload('trash/b c.txt', Buffer.from('b'));
    const kept = await upload('trash/kept.txt', Buffer.from('k'));
    const result = await db.storage.deleteMany(['trash/a.txt', 'trash/b c.txt', 'trash/missing.txt']);
    assert.deepEqual(Object.keys(result), ['data']);
    assert.deepEqual(result.data.ids.toSorted(), [a.id, b.id].toSorted());
    assert.equal(await fileAt('trash/a.txt'), undefined);
    assert.equal(await fileAt('trash/b c.txt'), undefined);
    assert.equal((await fileAt('trash/kept.txt')).id, kept.id);

    assert.deepEqual(await db.storage.deleteMany(['trash/missing.txt']), { data: { ids: [] } });
  });

  it('deletes a file through a transaction with a path lookup', async () => {
    const data = await upload('trash/by-lookup.txt', Buffer.from('x'));
    await db.transact(db.tx.$files[lookup('path', 'trash/by-lookup.txt')].delete());
    assert.equal(await fileAt('trash/by-lookup.txt'), undefined);
    const { $files } = await db.query({ $files: { $: { where: { id: data.id } } } });
    assert.deepEqual($files, []);
  });

  it('refuses transactions that change $files system attributes', async () => {
    const data = await upload('locked/size.txt', Buffer.from('12345'));
    await rejectsWithApiError(db.transact(db.tx.$files[data.id].update({ size: 1 })), {
      status: 400,
      type: 'validation-failed',
      message:
        "Validation failed for tx-step: $files.size is a system column. You aren't allowed to change this directly.",
    });
    assert.equal((await fileAt('locked/size.txt')).size, 5);
  });

  // Without rules, Instant's fallback rules for $files answer false for view, create, update and delete.
  it('hides $files from impersonated users when there are no storage rules', async () => {
    await upload('private/hidden.txt', Buffer.from('hidden'));
    for (const scoped of [
      db.asUser({ guest: true }),
      db.asUser({ token: await db.auth.createToken('f@example.com') }),
    ]) {
      const { $files } = await scoped.query({ $files: { $: { where: { path: 'private/hidden.txt' } } } });
      assert.deepEqual($files, []);
    }
  });

  it('denies impersonated uploads and deletes when there are no storage rules', async () => {
    await upload('private/secret.txt', Buffer.from('secret'));
    const guest = db.asUser({ guest: true });
    const error = await rejectsWithApiError(guest.storage.uploadFile('private/guest.txt', Buffer.from('g')), {
      status: 400,
      type: 'permission-denied',
      message: 'Permission denied: not has-storage-permission?',
    });
    assert.equal(error.body.hint.expected, 'has-storage-permission?');
    assert.deepEqual(error.body.hint.input, ['$files', 'create']);
    assert.equal(await fileAt('private/guest.txt'), undefined);

    await rejectsWithApiError(guest.storage.delete('private/secret.txt'), {
      status: 400,
      type: 'permission-denied',
      message: 'Permission denied: not has-storage-permission?',
    });
    assert.ok(await fileAt('private/secret.txt'));
  });

  it('answers the legacy list and download-url calls', async () => {
    const bytes = Buffer.from('legacy bytes');
    const data = await upload('legacy/file.txt', bytes, { contentType: 'text/plain' });
    const file = await fileAt('legacy/file.txt');

    const list = await db.storage.list();
    assert.ok(Array.isArray(list));
    const entry = list.find((item) => item.name === 'legacy/file.txt');
    assert.ok(entry, JSON.stringify(list));
    const bin = javaStringHashBin(file['location-id']);
    assert.deepEqual(entry, {
      key: `${app.sandbox.appId}/${bin}/${file['location-id']}`,
      name: 'legacy/file.txt',
      size: bytes.length,
      etag: null,
      last_modified: null,
    });
    assert.equal(data.id, file.id);

    const url = await db.storage.getDownloadUrl('legacy/file.txt');
    assert.equal(typeof url, 'string');
    assert.deepEqual((await fetchBytes(url)).bytes, bytes);
    assert.equal(await db.storage.getDownloadUrl('legacy/missing.txt'), null);
  });

  it('uploads through the legacy signed upload url', async () => {
    const bytes = Buffer.from('uploaded the old way');
    assert.equal(await db.storage.upload('legacy/signed.txt', bytes, { contentType: 'text/plain' }), true);
    const file = await fileAt('legacy/signed.txt');
    assert.ok(file, 'no $files entity after the legacy upload');
    assert.equal(file.size, bytes.length);
    assert.equal(file['content-type'], 'text/plain');
    assert.deepEqual((await fetchBytes(file.url)).bytes, bytes);
  });
});
