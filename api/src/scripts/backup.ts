import 'reflect-metadata';
import path from 'node:path';
import { loadConfig } from '../common/config.js';
import { createBackup } from '../db/backup.js';
import { createFileStorage } from '../modules/files/create-file-storage.js';
import { generatedPiiKeyFile, openOwnerDatabase } from './owner-database.js';

/**
 * npm run backup -- <folder>: the whole database and every stored file into a new folder, while the platform keeps
 * running. Exit code 0: complete; 1: written, but some stored files were missing or corrupt (listed); 2: failed.
 */
const target = process.argv[2];
if (!target) {
  process.stderr.write('用法：npm run backup -- <備份資料夾>（資料夾必須不存在或是空的）\n');
  process.exit(2);
}
try {
  const config = loadConfig();
  const dir = path.resolve(process.env.INIT_CWD ?? process.cwd(), target);
  const files = createFileStorage(config.files);
  const database = await openOwnerDatabase(config);
  try {
    const manifest = await createBackup({
      databaseUrl: database.url,
      files,
      dir,
      piiKeyFile: generatedPiiKeyFile(config),
    });
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    const dbBytes = manifest.tables.reduce((sum, table) => sum + table.bytes, 0);
    const lines = [
      `備份完成：${dir}`,
      `資料庫：${manifest.tables.length} 個資料表、${rows} 筆（壓縮後 ${(dbBytes / 1024 / 1024).toFixed(1)} MB），` +
        `版本 ${manifest.database.migrations.at(-1)}`,
      `檔案：${manifest.files.count} 個、${(manifest.files.bytes / 1024 / 1024).toFixed(1)} MB（來源 ${files.location}）`,
      `費時 ${manifest.seconds.toFixed(1)} 秒；各檔案的 SHA-256 記在 manifest.json。`,
      manifest.piiKey
        ? '內含 PII 金鑰（pii.key）：這個資料夾能解開身分證字號，請妥善保管。'
        : '不含 PII 金鑰：還原時需要同一把 PII_ENCRYPTION_KEY，請另外妥善保存。',
    ];
    for (const sha of manifest.files.missing) lines.push(`  缺少檔案 ${sha}`);
    for (const sha of manifest.files.corrupt) lines.push(`  內容不符（未備份） ${sha}`);
    if (manifest.files.missing.length + manifest.files.corrupt.length > 0) {
      lines.push('有檔案遺失或損毀，未能備份：請執行 npm run verify-storage 查看是哪些學生的檔案。');
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    process.exitCode = manifest.files.missing.length + manifest.files.corrupt.length > 0 ? 1 : 0;
  } finally {
    await database.stop();
  }
} catch (error) {
  process.stderr.write(`備份失敗：${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
