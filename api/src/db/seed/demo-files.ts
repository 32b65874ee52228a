import { deflateSync } from 'node:zlib';
import type { AppContext } from '../../common/context.js';
import { acceptedTypeFor, HEAD_BYTES, isProblem } from '../../modules/files/file-types.js';
import { keepBytes } from '../../modules/files/generated-upload.js';
import { UploadPurpose } from '../../modules/files/upload.entity.js';
import { requestUpload } from '../../modules/files/upload.service.js';

/**
 * The demo's evidence files: small real PDFs and PNGs, made here in microseconds (pdfkit with the CJK font takes about
 * 140 ms a file, too slow for a start-up seed), so their text is Latin only. The Chinese is in the item's 簡述.
 */

const pdfText = (text: string): string => text.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (ch) => `\\${ch}`);

/** A one-page A4 PDF with a title and lines of text in Helvetica. */
export function demoPdf(title: string, lines: string[]): Buffer {
  const content = [
    'BT',
    '/F1 20 Tf 72 760 Td',
    `(${pdfText(title)}) Tj`,
    '/F1 12 Tf 0 -36 Td 16 TL',
    ...lines.map((line) => `(${pdfText(line)}) Tj T*`),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A 240×160 PNG in two colours, standing in for a photo of a certificate or an event; `seed` varies the colours. */
export function demoPng(seed: number): Buffer {
  const width = 240;
  const height = 160;
  const hue = [(seed * 67) % 200, (seed * 131) % 200, (seed * 29) % 200].map((v) => 40 + v);
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) {
      const frame = x < 12 || y < 12 || x >= width - 12 || y >= height - 12;
      const [r, g, b] = frame ? hue : [250, 246, 236];
      row.writeUInt8(r!, 1 + x * 3);
      row.writeUInt8(g!, 2 + x * 3);
      row.writeUInt8(b!, 3 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A document uploaded by the student of `ctx`, as the browser does it: a slot from requestUpload, then the bytes,
 * checked against the name's type as the PUT route checks them, kept in the content-addressed store, and the slot
 * marked stored. Returns the upload's global id, for attaching.
 */
export async function uploadDocument(ctx: AppContext, fileName: string, bytes: Buffer): Promise<string> {
  const slot = await requestUpload(ctx, { purpose: UploadPurpose.DOCUMENT, fileName, size: bytes.length });
  if (!slot.value) throw new Error(`demo upload refused: ${JSON.stringify(slot.userErrors)}`);
  const type = acceptedTypeFor(UploadPurpose.DOCUMENT, fileName);
  if (isProblem(type) || !type.matches(bytes.subarray(0, HEAD_BYTES))) {
    throw new Error(`demo file ${fileName} is not what its name says`);
  }
  const upload = slot.value;
  Object.assign(upload, {
    sha256: await keepBytes(ctx.services.files, bytes),
    size: bytes.length,
    contentType: type.contentType,
    storedAt: ctx.services.clock.now(),
  });
  await ctx.em.flush();
  return upload.globalId;
}
