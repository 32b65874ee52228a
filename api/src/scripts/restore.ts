import 'reflect-metadata';
import path from 'node:path';
import { loadConfig } from '../common/config.js';
import { restoreBackup } from '../db/restore.js';
import { createFileStorage } from '../modules/files/create-file-storage.js';
import { generatedPiiKeyFile, openOwnerDatabase } from './owner-database.js';

/**
 * npm run restore -- <folder>: a backup into a fresh installation (a new DATA_DIR, or DATABASE_URL pointing at a newly
 * created, empty database), files into the configured storage. Exit code 0: restored; 1: restored, but some files
 * in the backup were damaged (listed); 2: nothing restored.
 */
const source = process.argv[2];
if (!source) {
  process.stderr.write('用法：npm run restore -- <備份資料夾>（還原到全新的 DATA_DIR 或空的資料庫）\n');
  process.exit(2);
}
try {
  const config = loadConfig();
  const dir = path.resolve(process.env.INIT_CWD ?? process.cwd(), source);
  const files = createFileStorage(config.files);
  const database = await openOwnerDatabase(config, { fresh: true });
  try {
    const report = await restoreBackup({
      databaseUrl: database.url,
      files,
      dir,
      piiKeyFile: generatedPiiKeyFile(config),
    });
    const lines = [
      `還原完成：${report.tables} 個資料表、${report.rows} 筆；檔案 ${report.files} 個、` +
        `${(report.bytes / 1024 / 1024).toFixed(1)} MB（到 ${files.location}），費時 ${report.seconds.toFixed(1)} 秒。`,
      report.piiKeyRestored ? `PII 金鑰已放回 ${generatedPiiKeyFile(config)}。` : '',
      report.piiKeyInBackup && !report.piiKeyRestored
        ? `備份裡的 pii.key 是這些資料的 PII 金鑰：請把 PII_ENCRYPTION_KEY 設為它的內容（${path.join(dir, 'pii.key')}）。`
        : '',
      '請執行 npm run verify-storage 確認每個檔案，再以 npm start 啟動。',
    ].filter(Boolean);
    for (const sha of report.corruptFiles) lines.push(`  備份裡的檔案已損毀，未還原：${sha}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    process.exitCode = report.corruptFiles.length > 0 ? 1 : 0;
  } finally {
    await database.stop();
  }
} catch (error) {
  process.stderr.write(`還原失敗：${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
