import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { ApiClient } from '../support/api-client.js';
import type { TestSchool } from '../support/factory.js';
import { childServerEnv, startTestApp, type TestApp } from '../support/harness.js';
import { type ServerChild, startServerChild } from '../support/server-child.js';

/*
 * SIGTERM, as an orchestrator sends it during a rolling deploy: the API runs as its own process (api/src/main.ts), a
 * request is half sent when the signal arrives, and a student's alert subscription is open. The in-process app only
 * makes the school; its clock is the real one, like the child's.
 */

let app: TestApp;
let school: TestSchool;
let filesDir: string;
const children: ServerChild[] = [];

beforeAll(async () => {
  filesDir = mkdtempSync(path.join(tmpdir(), 'portfolio-shutdown-'));
  app = await startTestApp({ FILES_DIR: filesDir }, new Date());
  school = await (await app.factory.city()).school({ studentsPerClass: 1 });
});
afterEach(async () => {
  for (const child of children.splice(0)) await child.kill();
});
afterAll(async () => {
  await app.close();
  rmSync(filesDir, { recursive: true, force: true });
});

const GRACE_SECONDS = 4;

async function startChild(): Promise<ServerChild> {
  const child = await startServerChild(
    'source',
    childServerEnv({
      FILES_DIR: filesDir,
      LOG_LEVEL: 'info',
      SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS),
    }),
  );
  children.push(child);
  return child;
}

const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.4\n%shutdown\n'), Buffer.alloc(size, 0x20)]);

/** An upload PUT whose body is sent in two steps: the first half now, the rest when `finish` is called. */
function halfSentUpload(url: string, token: string, bytes: Buffer) {
  const half = Math.floor(bytes.length / 2);
  const request = http.request(url, {
    method: 'PUT',
    agent: false,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/octet-stream',
      'content-length': String(bytes.length),
    },
  });
  // Settled into a value at once: a request the shutdown cuts rejects before the test looks at it.
  const answered = new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
    request.on('response', (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () =>
        resolve({ status: response.statusCode!, connection: response.headers.connection, body }),
      );
    });
    request.on('error', reject);
  });
  request.write(bytes.subarray(0, half));
  const outcome = answered.catch((error: unknown) => ({ status: 0, connection: undefined, body: String(error) }));
  return { outcome, finish: () => request.end(bytes.subarray(half)) };
}

async function uploadSlot(client: ApiClient, size: number): Promise<string> {
  const data = await client.ok<{ requestUpload: { uploadUrl: string } }>(
    'mutation ($input: RequestUploadInput!) { requestUpload(input: $input) { uploadUrl } }',
    { input: { purpose: 'DOCUMENT', fileName: 'shutdown.pdf', size } },
  );
  return data.requestUpload.uploadUrl;
}

/** A student's alert subscription as the browser holds it, with the code its socket was closed with. */
function alertSubscription(url: string, authToken: string) {
  let closedCode: number | null = null;
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: { authToken },
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
    on: { closed: (event) => (closedCode = (event as { code: number }).code) },
  });
  client.subscribe(
    { query: 'subscription { deadlineAlerts { id } }' },
    { next: () => {}, error: () => {}, complete: () => {} },
  );
  return { closedCode: () => closedCode };
}

/** A connection that has sent part of a request's headers: one Node does not count as idle when it stops. */
function halfSentRequest(port: number, head: string) {
  const socket = net.connect(port, '127.0.0.1');
  let reply = '';
  socket.on('data', (chunk: Buffer) => (reply += chunk.toString()));
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(reply)));
  socket.on('error', () => undefined);
  socket.write(head);
  return { finish: (rest: string) => socket.write(rest), closed };
}

it('drains on SIGTERM: readiness 503, a running upload finishes, sockets close with 1012, the rest is cut at the grace', async () => {
  const child = await startChild();
  const port = Number(new URL(child.url).port);
  const student = await new ApiClient(child.graphqlUrl).login(
    school.logins.student.username,
    school.logins.student.password,
  );
  const alerts = alertSubscription(child.graphqlUrl.replace(/^http/, 'ws'), student.token!);
  await vi.waitFor(async () => {
    const metrics = await (await fetch(`${child.url}/metrics`)).text();
    expect(metrics).toMatch(/^portfolio_subscriptions_active 1$/m);
  });
  const bytes = pdf(256 * 1024);
  const uploadUrl = await uploadSlot(student, bytes.length);
  const finished = halfSentUpload(`${child.url}${uploadUrl}`, student.token!, bytes);
  // A second upload whose client never sends the rest: it holds the shutdown until the grace period ends.
  const stalled = halfSentUpload(`${child.url}${await uploadSlot(student, bytes.length)}`, student.token!, bytes);
  const probe = halfSentRequest(port, 'GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
  // Every request has reached the server before the signal.
  await new Promise((resolve) => setTimeout(resolve, 300));

  const signalled = Date.now();
  const exited = child.stop();
  await vi.waitFor(() => expect(child.output()).toContain('正在關閉'), { timeout: 5000, interval: 20 });

  // No new connection is taken; a request already under way is told the instance is stopping.
  await expect(fetch(`${child.url}/healthz`)).rejects.toThrow();
  probe.finish('Connection: keep-alive\r\n\r\n');
  const readiness = await probe.closed;
  expect(readiness).toMatch(/^HTTP\/1\.1 503/);
  expect(readiness).toMatch(/\r\nConnection: close\r\n/i);
  expect(readiness).toContain('"stopping":true');

  // The student's socket is closed as a restart, which graphql-ws clients retry (elsewhere) and subscribe again.
  await vi.waitFor(() => expect(alerts.closedCode()).toBe(1012), { timeout: 5000, interval: 20 });

  // The upload that was half sent when the signal came is received whole, stored and answered.
  finished.finish();
  const answer = await finished.outcome;
  expect(answer.status).toBe(200);
  expect(answer.connection).toBe('close');
  const stored = JSON.parse(answer.body) as { upload: { sha256: string } };
  expect(stored.upload.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  const uploadId = uploadUrl.split('/').pop()!;
  const row = await app.sqlOne<{ stored: boolean }>('select stored_at is not null as stored from upload where id = ?', [
    uploadId,
  ]);
  expect(row.stored).toBe(true);

  // The stalled one is cut when the grace period ends, and the process goes on to close and exit.
  expect((await stalled.outcome).status).toBe(0);
  await exited;
  const took = Date.now() - signalled;
  expect(took).toBeGreaterThanOrEqual(GRACE_SECONDS * 1000 - 100);
  expect(took).toBeLessThan(GRACE_SECONDS * 1000 + 3000);
  // The exit event can come before the last lines are read from the pipe.
  await vi.waitFor(() => expect(child.output()).toContain('已關閉資料庫'), { timeout: 2000, interval: 20 });
  const output = child.output();
  for (const step of ['已關閉伺服器', '已關閉連線與背景工作']) expect(output).toContain(step);
  expect(output).toContain('shutdown cut connections still open');
  expect(output).not.toMatch(/關閉.*時發生問題|強制結束/);
  // The upload's access line, by its route template: the slot's id is in no line.
  const accessLines = output
    .split('\n')
    .filter((line) => line.includes('"message":"http request"'))
    .map((line) => JSON.parse(line) as { route: string; status: number; method: string });
  expect(accessLines).toContainEqual(expect.objectContaining({ method: 'PUT', route: '/uploads/:id', status: 200 }));
  expect(output).not.toContain(uploadId);
});
