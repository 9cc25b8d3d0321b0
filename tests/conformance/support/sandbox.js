// Starts instant-sandbox on a free loopback port with a fresh data directory and stops it again.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const startTimeoutMs = 15000;
const stopTimeoutMs = 5000;
const stderrLimit = 64 * 1024;
const running = new Set();

// The suite must never reach beyond this machine, whatever URL a server hands back (file urls, legacy
// upload urls): every fetch of the SDK and of the tests goes through this guard.
const loopbackHost = '127.0.0.1';
const realFetch = globalThis.fetch;
if (!realFetch.loopbackGuard) {
  const guarded = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.hostname !== loopbackHost) {
      return Promise.reject(new Error(`refusing to contact ${url.host}: the suite only talks to ${loopbackHost}`));
    }
    return realFetch(input, init);
  };
  guarded.loopbackGuard = true;
  globalThis.fetch = guarded;
}

// A test process that dies early must not leave a server behind.
process.on('exit', () => {
  for (const child of running) {
    child.kill('SIGKILL');
  }
});

function waitForExit(child, timeoutMs) {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      reject(new Error(`instant-sandbox did not exit within ${timeoutMs} ms`));
    }, timeoutMs);
    const onExit = (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    };
    child.once('exit', onExit);
  });
}

function readFirstLine(child, stderrText) {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const cleanup = () => {
      clearTimeout(timer);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`instant-sandbox printed no line within ${startTimeoutMs} ms\n${stderrText()}`));
    }, startTimeoutMs);
    const onExit = (code, signal) => {
      cleanup();
      reject(new Error(`instant-sandbox exited before it was ready (code ${code}, signal ${signal})\n${stderrText()}`));
    };
    const onError = (error) => {
      cleanup();
      reject(error);
    };
    child.once('exit', onExit);
    child.once('error', onError);
    lines.once('line', (line) => {
      cleanup();
      // Later output is drained so that the server never blocks on a full pipe.
      lines.on('line', () => {});
      resolve(line);
    });
  });
}

/** A fresh, empty directory for a sandbox's data; the caller removes it (see removeDataDir). */
export function makeDataDir() {
  return mkdtemp(join(tmpdir(), 'instant-conformance-'));
}

export function removeDataDir(dataDir) {
  return rm(dataDir, { recursive: true, force: true });
}

/**
 * Starts a sandbox and resolves to { url, appId, adminToken, dataDir, child, stop() }.
 * stop() sends SIGTERM and waits for the exit; it resolves to { code, signal }. The data directory is removed
 * afterwards unless it was passed in as options.dataDir. options.port 0 lets the sandbox pick a free port.
 */
export async function startSandbox({ dataDir: givenDataDir, port = 0, args: extraArgs = [] } = {}) {
  const binary = process.env.INSTANT_SANDBOX;
  if (!binary) {
    throw new Error('INSTANT_SANDBOX is not set: it must name the instant-sandbox binary');
  }
  const dataDir = givenDataDir ?? (await makeDataDir());
  const cleanUp = () => (givenDataDir ? Promise.resolve() : removeDataDir(dataDir));
  const child = spawn(binary, ['--listen', `${loopbackHost}:${port}`, '--data', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));

  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-stderrLimit);
  });
  const stderrText = () => (stderr ? `stderr:\n${stderr}` : '(nothing on stderr)');

  // A sandbox that did not come up as promised is killed and waited for before its data goes.
  const abandon = async (error) => {
    child.kill('SIGKILL');
    await waitForExit(child, stopTimeoutMs).catch(() => {});
    await cleanUp();
    throw error;
  };

  let line;
  try {
    line = await readFirstLine(child, stderrText);
  } catch (error) {
    return abandon(error);
  }

  let ready;
  try {
    ready = JSON.parse(line);
  } catch {
    return abandon(new Error(`instant-sandbox's first stdout line is not JSON: ${line}`));
  }
  const url = ready.url;
  const appId = ready['app-id'];
  const adminToken = ready['admin-token'];
  if (typeof url !== 'string' || typeof appId !== 'string' || typeof adminToken !== 'string') {
    return abandon(new Error(`instant-sandbox's ready line lacks url, app-id or admin-token: ${line}`));
  }
  if (new URL(url).hostname !== loopbackHost) {
    return abandon(new Error(`instant-sandbox listens on ${url}, not on ${loopbackHost}`));
  }

  let stopped = null;
  const stop = () => {
    if (!stopped) {
      stopped = (async () => {
        try {
          if (child.exitCode === null && child.signalCode === null) {
            child.kill('SIGTERM');
          }
          try {
            return await waitForExit(child, stopTimeoutMs);
          } catch (error) {
            child.kill('SIGKILL');
            await waitForExit(child, stopTimeoutMs);
            throw error;
          }
        } finally {
          await cleanUp();
        }
      })();
    }
    return stopped;
  };

  return { url: url.replace(/\/+$/, ''), appId, adminToken, dataDir, child, stop, stderr: () => stderr };
}
