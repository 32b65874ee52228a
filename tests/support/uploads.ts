import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { ApiClient } from './api-client.js';

export interface PutResult {
  status: number;
  body: { upload?: { id: string; sha256: string; size: number }; code?: string; message?: string };
}

/** Sends bytes to an upload URL with the client's credentials, as the browser does. */
export async function putBytes(
  baseUrl: string,
  client: ApiClient,
  uploadUrl: string,
  bytes: Buffer,
): Promise<PutResult> {
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
  if (client.token) headers.authorization = `Bearer ${client.token}`;
  const response = await fetch(`${baseUrl}${uploadUrl}`, { method: 'PUT', headers, body: new Uint8Array(bytes) });
  return { status: response.status, body: (await response.json()) as PutResult['body'] };
}

const REQUEST_UPLOAD = `mutation ($input: RequestUploadInput!) {
  requestUpload(input: $input) { upload { id } uploadUrl userErrors { code message } }
}`;

export interface RequestedUpload {
  requestUpload: {
    upload: { id: string } | null;
    uploadUrl: string | null;
    userErrors: { code: string; message: string }[];
  };
}

/** Asks for a slot and sends the file: the id of the stored upload. */
export async function uploadImportFile(baseUrl: string, client: ApiClient, fileName: string, bytes: Buffer) {
  const slot = await client.ok<RequestedUpload>(REQUEST_UPLOAD, {
    input: { purpose: 'IMPORT', fileName, size: bytes.length },
  });
  if (!slot.requestUpload.upload) throw new Error(`no slot: ${JSON.stringify(slot.requestUpload.userErrors)}`);
  const put = await putBytes(baseUrl, client, slot.requestUpload.uploadUrl!, bytes);
  if (put.status !== 200) throw new Error(`upload refused: ${JSON.stringify(put.body)}`);
  return put.body.upload!;
}

export const requestUpload = (client: ApiClient, fileName: string, size: number) =>
  client.ok<RequestedUpload>(REQUEST_UPLOAD, { input: { purpose: 'IMPORT', fileName, size } });

/** A CSV file as Excel in Taiwan saves it: CRLF lines, UTF-8 with BOM or Big5 (CP950). */
export function csvFile(rows: string[][], encoding: 'utf8-bom' | 'utf8' | 'big5' = 'utf8-bom'): Buffer {
  const text = rows.map((row) => row.join(',')).join('\r\n') + '\r\n';
  if (encoding === 'big5') return iconv.encode(text, 'cp950');
  return Buffer.from(encoding === 'utf8-bom' ? `\uFEFF${text}` : text, 'utf8');
}

export type XlsxCell = string | number | Date | { formula: string; result: string | number };

/** An XLSX workbook whose first sheet holds these rows, cells typed as given. */
export async function xlsxFile(rows: XlsxCell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('工作表1');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
