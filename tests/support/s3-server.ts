import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

/**
 * s3rver: a real S3 protocol server (HTTP, signatures, XML errors) that keeps each object in a file of its own under
 * `directory`, run in this process on a loopback port with one bucket.
 */
export interface S3TestServer {
  bucket: string;
  directory: string;
  /** The settings that point the API at this server. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startS3Server(bucket: string): Promise<S3TestServer> {
  const directory = mkdtempSync(path.join(tmpdir(), 'portfolio-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  return {
    bucket,
    directory,
    env: {
      FILE_STORAGE: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      // s3rver's fixed credentials.
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
