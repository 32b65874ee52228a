import type { Request, Response } from 'express';
import { IMPORT_KIND_LABELS, type ImportKind } from './import-run.entity.js';
import { IMPORT_KINDS } from './import.service.js';
import { importTemplate } from './templates.js';

export const TEMPLATE_PATH = '/imports/templates';

export const templatePath = (kind: ImportKind, format: 'csv' | 'xlsx'): string =>
  `${TEMPLATE_PATH}/${kind.toLowerCase()}.${format}`;

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** GET /imports/templates/:file — the column names and an example row; nothing about any school. */
export async function sendImportTemplate(req: Request, res: Response): Promise<void> {
  const match = /^([a-z]+)\.(csv|xlsx)$/.exec(String(req.params.file));
  const kind = match ? (match[1]!.toUpperCase() as ImportKind) : null;
  if (!match || !kind || !(kind in IMPORT_KINDS)) {
    res.status(404).type('text/plain; charset=utf-8').send('沒有這個範本。');
    return;
  }
  const format = match[2] as 'csv' | 'xlsx';
  const body = await importTemplate(IMPORT_KINDS[kind].columns, format);
  const fileName = `${IMPORT_KIND_LABELS[kind]}範本.${format}`;
  res
    .status(200)
    .type(CONTENT_TYPES[format])
    .setHeader(
      'Content-Disposition',
      `attachment; filename="${kind.toLowerCase()}.${format}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .send(body);
}
