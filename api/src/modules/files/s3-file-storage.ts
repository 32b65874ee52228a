import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { S3Config } from '../../common/config.js';
import {
  type FileStorage,
  isSha256,
  storageKeyOf,
  type StoredFile,
  type TempCleanup,
  TempFolder,
} from './file-storage.js';

const isNotFound = (error: unknown): boolean =>
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404 ||
  (error as Error).name === 'NoSuchKey' ||
  (error as Error).name === 'NotFound';

export interface MultipartSizes {
  /** Files from this size on go up in parts. */
  fromBytes: number;
  /** The size of each part but the last (S3 wants at least 5 MiB, and at most 10,000 parts). */
  partBytes: number;
}

/**
 * One PUT carries at most 5 GiB, and a submission package with its evidence can be larger: big files go up in
 * parts (16 MiB each, so up to 160 GiB), two at a time, read from the temporary file as they go.
 */
const MULTIPART: MultipartSizes = { fromBytes: 64 * 2 ** 20, partBytes: 16 * 2 ** 20 };

/**
 * An S3-compatible bucket, keys `ab/cd/abcd…` as on local disk (so a bucket and a folder can be copied into each
 * other). Incoming files are still streamed to a local temporary folder first: only a complete file whose hash,
 * size and type were checked is sent to the bucket, and then the temporary file is removed.
 */
export class S3FileStorage implements FileStorage {
  private readonly client: S3Client;
  private readonly temp: TempFolder;
  private readonly bucket: string;

  constructor(
    config: S3Config,
    tempRoot: string,
    private readonly multipart: MultipartSizes = MULTIPART,
  ) {
    this.bucket = config.bucket;
    this.temp = new TempFolder(tempRoot);
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials:
        config.accessKeyId && config.secretAccessKey
          ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
          : undefined,
      // Checksums only where S3 demands them: many S3-compatible services do not know the newer checksum
      // headers and trailers. Contents are verified by their SHA-256 key anyway (npm run verify-storage).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  get location(): string {
    return `s3://${this.bucket}`;
  }

  newTempPath(): string {
    return this.temp.newPath();
  }

  /** When the object was last written, or null when there is none. */
  private async lastModified(key: string): Promise<Date | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return head.LastModified ?? new Date(0);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async keep(tempPath: string, sha256: string): Promise<void> {
    try {
      // Sent even when the bucket has these bytes already: the new LastModified is what tells the leftover
      // collection that the file was just wanted again (see FileStorage.keep). A copy onto itself would spare the
      // transfer on AWS, but not every S3-compatible service gives such a copy a new LastModified.
      const { size } = await stat(tempPath);
      const object = { Bucket: this.bucket, Key: storageKeyOf(sha256), ContentType: 'application/octet-stream' };
      if (size >= this.multipart.fromBytes) {
        // A failed upload aborts itself, so no parts are left behind in the bucket.
        await new Upload({
          client: this.client,
          params: { ...object, Body: createReadStream(tempPath) },
          partSize: this.multipart.partBytes,
          queueSize: 2,
          leavePartsOnError: false,
        }).done();
      } else {
        await this.client.send(
          new PutObjectCommand({ ...object, Body: createReadStream(tempPath), ContentLength: size }),
        );
      }
    } finally {
      await this.discard(tempPath);
    }
  }

  async read(sha256: string): Promise<Buffer> {
    const stream = await this.open(sha256);
    if (!stream) throw Object.assign(new Error(`no stored file ${sha256}`), { code: 'ENOENT' });
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async open(sha256: string): Promise<Readable | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: storageKeyOf(sha256) }));
      const body = object.Body;
      if (!body) return Readable.from([]);
      return body instanceof Readable ? body : Readable.fromWeb(body.transformToWebStream() as never);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  discard(tempPath: string): Promise<void> {
    return this.temp.discard(tempPath);
  }

  removeStaleTemp(maxAgeMs: number): Promise<TempCleanup> {
    return this.temp.removeStale(maxAgeMs);
  }

  async *listStored(): AsyncIterable<StoredFile> {
    let continuationToken: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, ContinuationToken: continuationToken }),
      );
      for (const object of page.Contents ?? []) {
        const sha256 = object.Key?.split('/')[2];
        // Only the store's own keys: whatever else someone put in the bucket is not ours to judge.
        if (!sha256 || !isSha256(sha256) || object.Key !== storageKeyOf(sha256)) continue;
        yield { sha256, size: object.Size ?? 0, modifiedAt: object.LastModified ?? new Date(0) };
      }
      continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (continuationToken);
  }

  /**
   * S3 has no atomic move, so the object's time is read again right before the delete. A keep() of the same bytes
   * landing in the one round trip between the two would be undone; for that the bytes must have lain unreferenced
   * for the whole grace period and come back in exactly that moment (verify-storage would then list the upload's
   * file as missing). A bucket with versioning keeps such a version recoverable.
   */
  async removeIfKeptBefore(sha256: string, keptBefore: Date): Promise<boolean> {
    const key = storageKeyOf(sha256);
    const modified = await this.lastModified(key);
    if (!modified || modified.getTime() >= keptBefore.getTime()) return false;
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    return true;
  }

  /** Closes the client's connections (scripts and tests; the server keeps one client for its life). */
  close(): void {
    this.client.destroy();
  }
}
