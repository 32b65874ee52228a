import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Traditional Chinese font for the PDFs the platform generates. No system font may be assumed (a fresh machine after
 * `npm ci` has none with CJK glyphs), so it comes from an npm package: @embedpdf/fonts-tc, Noto Sans Hant (the
 * Traditional Chinese subset of Noto Sans CJK by Adobe and Google, SIL Open Font License 1.1, ~20,700 code points
 * covering Big5 and more), as static OpenType/CFF files that pdfkit's fontkit subsets, so a PDF carries only the
 * glyphs it uses. The web-font packages were smaller but split the font into woff2 slices of a variable font, which
 * fontkit cannot instance or subset.
 */
export type CjkFontWeight = 'regular' | 'bold';

const FILES: Record<CjkFontWeight, string> = {
  regular: 'NotoSansHant-Regular.otf',
  bold: 'NotoSansHant-Bold.otf',
};

/** The package exports only its entry module; the fonts sit in `fonts/` beside its `dist/`. */
function fontDirectory(): string {
  const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-tc');
  return join(dirname(entry), '..', 'fonts');
}

const loaded = new Map<CjkFontWeight, Buffer>();

/** The font file's bytes, read once per process (about 5.6 MB each). */
export function cjkFontBytes(weight: CjkFontWeight): Buffer {
  let bytes = loaded.get(weight);
  if (!bytes) {
    bytes = readFileSync(join(fontDirectory(), FILES[weight]));
    loaded.set(weight, bytes);
  }
  return bytes;
}
