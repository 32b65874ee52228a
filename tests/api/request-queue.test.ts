import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { startTestApp, type TestApp } from '../support/harness.js';

// One request at a time and one waiting: a held-open upload keeps the place, so the queue can be watched.
let app: TestApp;
let student: ApiClient;

beforeAll(async () => {
  app = await startTestApp({ REQUEST_CONCURRENCY: '1', REQUEST_QUEUE_MAX: '1' });
  const school = await (await app.factory.city()).school();
  student = await app.client().login(school.logins.student.username, school.logins.student.password);
});
afterAll(() => app.close());

const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n%queue\n'), Buffer.alloc(4000, 0x20)]);

/** A PUT that sends its first bytes now and the rest when `finish` is called. */
function heldUpload(url: string, token: string) {
  let finish!: () => void;
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(`${app.url}${url}`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/pdf',
        'content-length': pdf.length,
        authorization: `Bearer ${token}`,
      },
    });
    request.on('response', (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode!, body }));
    });
    request.on('error', reject);
    request.write(pdf.subarray(0, 100));
    finish = () => request.end(pdf.subarray(100));
  });
  return { answered, finish: () => finish() };
}

const ME = JSON.stringify({ query: '{ me { id } }' });
const graphql = (token: string) =>
  fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: ME,
  });

describe('requests beyond what the instance works on at once', () => {
  it('wait their turn and are answered; past the queue, 503 with Retry-After and nothing lost', async () => {
    const slot = await student.ok<{ requestUpload: { uploadUrl: string } }>(
      `mutation ($input: RequestUploadInput!) { requestUpload(input: $input) { uploadUrl userErrors { code } } }`,
      { input: { purpose: 'DOCUMENT', fileName: 'report.pdf', size: pdf.length } },
    );
    const upload = heldUpload(slot.requestUpload.uploadUrl, student.token!);
    // Requests until one is refused: by then the upload holds the place and one request waits behind it.
    let finished = false;
    // Each answer notes whether the upload had finished when it came.
    const waiting: Promise<{ finished: boolean; response: Response }>[] = [];
    let refused: Response | undefined;
    for (let attempt = 0; attempt < 20 && !refused; attempt += 1) {
      const request = graphql(student.token!).then((response) => ({ finished, response }));
      const first = await Promise.race([request, new Promise<null>((resolve) => setTimeout(() => resolve(null), 200))]);
      // Answered at once: the upload had not reached the server yet. Not answered yet: waiting behind it.
      if (first?.response.status === 503) refused = first.response;
      else if (!first) waiting.push(request);
    }
    expect(refused?.status).toBe(503);
    expect(refused!.headers.get('retry-after')).toBe('5');
    expect(await refused!.json()).toMatchObject({ code: 'SERVER_BUSY' });
    const answers = waiting.map((request) =>
      request.then(async ({ finished, response }) => ({
        finished,
        status: response.status,
        body: await response.json(),
      })),
    );

    finished = true;
    upload.finish();
    const put = await upload.answered;
    expect(put.status).toBe(200);
    expect(JSON.parse(put.body)).toMatchObject({ upload: { size: pdf.length } });
    for (const answer of await Promise.all(answers)) {
      // Whatever waited was answered in full, and only after the upload had let go of its place.
      expect(answer).toMatchObject({ finished: true, status: 200, body: { data: { me: { id: expect.any(String) } } } });
    }
    expect(waiting.length).toBeGreaterThan(0);
  });
});
