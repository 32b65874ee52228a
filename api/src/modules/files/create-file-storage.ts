import type { FilesConfig } from '../../common/config.js';
import { type FileStorage, LocalFileStorage } from './file-storage.js';
import { S3FileStorage } from './s3-file-storage.js';

/** The adapter FILE_STORAGE selects: the local folder FILES_DIR, or an S3 bucket with FILES_DIR for temporary files. */
export function createFileStorage(config: FilesConfig): FileStorage {
  if (config.storage === 's3' && config.s3) return new S3FileStorage(config.s3, config.dir);
  return new LocalFileStorage(config.dir);
}
