import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import yauzl from 'yauzl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepBytes } from '../../../files/generated-upload.js';
import { LocalFileStorage } from '../../../files/file-storage.js';
import { evidenceNameOf } from '../evidence.js';
import { storePackage } from '../package-zip.js';
import type { Roster } from '../rosters.js';

const AT = new Date('2026-11-28T09:00:00+08:00');
const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

let dir: string;
let files: LocalFileStorage;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'package-zip-'));
  files = new LocalFileStorage(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** One roster whose rows list the given stored files (name and hash), as rosters.ts writes them. */
function rosterOf(listed: { sha256: string; type: string }[][]): Roster {
  return {
    path: '01_學業表現上傳資料/7_學生課程學習成果名冊.xlsx',
    sheetName: '學生課程學習成果名冊',
    columns: ['學校代碼', '學年度', '學期', '文件檔名', '文件SHA-256'],
    rows: listed.map((row) => ({
      studentId: null,
      cells: ['123456', 115, 0, ...row.flatMap((file) => [evidenceNameOf(file.sha256, file.type), file.sha256])],
      evidence: row.map((file) => ({ name: evidenceNameOf(file.sha256, file.type), sha256: file.sha256 })),
    })),
  };
}

/** The zip's entries as yauzl reads them from its central directory: name and compression method. */
async function entriesOf(bytes: Buffer): Promise<{ name: string; method: number }[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, opened) => (error ? reject(error) : resolve(opened))),
  );
  return new Promise((resolve, reject) => {
    const found: { name: string; method: number }[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      found.push({ name: entry.fileName, method: entry.compressionMethod });
      zip.readEntry();
    });
    zip.on('end', () => resolve(found));
    zip.on('error', reject);
    zip.readEntry();
  });
}

const tempFiles = () => readdirSync(path.join(dir, 'tmp'));

describe('the package zip', () => {
  it('carries a file two rows list once, names it by its type, and stores it as it is', async () => {
    const pdf = await keepBytes(files, Buffer.from('%PDF-1.4 shared'));
    const mp4 = await keepBytes(files, Buffer.from('....ftypisom video'));
    const built = await storePackage(
      files,
      [
        rosterOf([
          [{ sha256: pdf, type: 'application/pdf' }],
          [
            { sha256: pdf, type: 'application/pdf' },
            { sha256: mp4, type: 'video/mp4' },
          ],
        ]),
      ],
      AT,
    );
    expect(built.trouble).toBeNull();
    expect(built.stored!.evidenceFiles).toBe(2);
    const entries = await entriesOf(await files.read(built.stored!.sha256));
    expect(entries.map((entry) => entry.name)).toEqual([
      '01_學業表現上傳資料/7_學生課程學習成果名冊.xlsx',
      `03_佐證檔案/${pdf}.pdf`,
      `03_佐證檔案/${mp4}.mp4`,
    ]);
    // The roster deflated (8); the evidence stored (0), as compressing it costs far more time than it saves.
    expect(entries.map((entry) => entry.method)).toEqual([8, 0, 0]);
    // The same rows and files always give the same bytes, whatever the clock says when they are written (ExcelJS
    // dates the parts inside each roster by the clock; CI once wrote these two across a second).
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-12-01T10:00:00+08:00'));
      const again = await storePackage(files, [rosterOf([[{ sha256: pdf, type: 'application/pdf' }]])], AT);
      vi.setSystemTime(new Date('2027-03-15T17:42:13+08:00'));
      const once = await storePackage(files, [rosterOf([[{ sha256: pdf, type: 'application/pdf' }]])], AT);
      expect(again.stored!.sha256).toBe(once.stored!.sha256);
    } finally {
      vi.useRealTimers();
    }
    expect(tempFiles()).toEqual([]);
  });

  it('fails, closing what it opened and leaving no temporary file, when the store fails to open a file', async () => {
    const first = await keepBytes(files, Buffer.from('%PDF-1.4 first'));
    const second = sha('never stored');
    const opened: Readable[] = [];
    const failing = Object.assign(Object.create(files) as LocalFileStorage, {
      open: async (sha256: string) => {
        if (sha256 === second) throw Object.assign(new Error('bucket unreachable'), { code: 'EIO' });
        const stream = (await files.open(sha256))!;
        opened.push(stream);
        return stream;
      },
    });
    const roster = rosterOf([
      [{ sha256: first, type: 'application/pdf' }],
      [{ sha256: second, type: 'application/pdf' }],
    ]);
    await expect(storePackage(failing, [roster], AT)).rejects.toThrow('bucket unreachable');
    expect(opened.every((stream) => stream.destroyed)).toBe(true);
    expect(tempFiles()).toEqual([]);
  });

  it('fails instead of waiting forever when a stored file errors mid-way or ends before its last byte', async () => {
    const stored = await keepBytes(files, Buffer.from('%PDF-1.4 cut short'));
    for (const end of ['error', 'close'] as const) {
      let source: PassThrough | null = null;
      const cut = Object.assign(Object.create(files) as LocalFileStorage, {
        open: () => {
          source = new PassThrough();
          source.write('%PDF-1.4 cut');
          const stream = source;
          setTimeout(() => (end === 'error' ? stream.destroy(new Error('disk read error')) : stream.destroy()), 10);
          return Promise.resolve(stream);
        },
      });
      await expect(
        storePackage(cut, [rosterOf([[{ sha256: stored, type: 'application/pdf' }]])], AT),
      ).rejects.toThrow();
      expect(source!.destroyed).toBe(true);
      expect(tempFiles()).toEqual([]);
    }
  });

  it('stops reading and opens nothing more when the zip cannot be written', async () => {
    const a = await keepBytes(files, Buffer.from('%PDF-1.4 a'));
    const b = await keepBytes(files, Buffer.from('%PDF-1.4 b'));
    const opened: Readable[] = [];
    const unwritable = Object.assign(Object.create(files) as LocalFileStorage, {
      newTempPath: () => path.join(dir, 'no-such-folder', 'package.part'),
      open: async (sha256: string) => {
        const stream = (await files.open(sha256))!;
        opened.push(stream);
        return stream;
      },
    });
    const roster = rosterOf([[{ sha256: a, type: 'application/pdf' }], [{ sha256: b, type: 'application/pdf' }]]);
    await expect(storePackage(unwritable, [roster], AT)).rejects.toMatchObject({ code: 'ENOENT' });
    // Give yazl a moment: a lazy entry it reaches after the failure must not open its file.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(opened.every((stream) => stream.destroyed)).toBe(true);
    expect(opened.length).toBeLessThan(2);
  });
});
