import { inflateSync } from 'node:zlib';

/**
 * Just enough of a PDF reader for the tests of the PDFs we generate (pdfkit's output: direct /Length, Flate
 * streams, Type0 fonts with Identity-H and a ToUnicode map): the text of each page as its text-showing operations,
 * and the embedded fonts. A glyph code 0 is .notdef, the empty box a reader shows for a character the font lacks;
 * the ToUnicode map alone would not reveal it, since it maps that code back to the character asked for.
 */
export interface PdfFont {
  resourceName: string;
  baseFont: string;
  hasToUnicode: boolean;
  /** Bytes of the embedded font program (FontFile2/FontFile3), 0 when none is embedded. */
  embeddedBytes: number;
}

export interface PdfPage {
  /** One entry per text-showing operation, decoded through the font's ToUnicode map. */
  texts: string[];
  /** The font size of each of `texts`. */
  fontSizes: number[];
  /** How many shown glyphs were .notdef (code 0). */
  notdefGlyphs: number;
}

export interface ParsedPdf {
  version: string;
  pages: PdfPage[];
  fonts: PdfFont[];
}

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function readObjects(bytes: Buffer): Map<number, PdfObject> {
  const text = bytes.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const start = /(\d+) 0 obj\b/g;
  let match: RegExpExecArray | null;
  while ((match = start.exec(text))) {
    let at = match.index + match[0].length;
    while (/\s/.test(text[at]!)) at++;
    let dict: string;
    if (text.startsWith('<<', at)) {
      let depth = 0;
      let end = at;
      do {
        if (text.startsWith('<<', end)) {
          depth++;
          end += 2;
        } else if (text.startsWith('>>', end)) {
          depth--;
          end += 2;
        } else end++;
      } while (depth > 0 && end < text.length);
      dict = text.slice(at, end);
      at = end;
    } else {
      const end = text.indexOf('endobj', at);
      dict = text.slice(at, end);
      at = end;
    }
    let stream: Buffer | null = null;
    const streamStart = /^\s*stream\r?\n/.exec(text.slice(at, at + 16));
    if (streamStart) {
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
      const from = at + streamStart[0].length;
      const raw = bytes.subarray(from, from + length);
      stream = dict.includes('/FlateDecode') ? inflateSync(raw) : raw;
      at = from + length;
    }
    objects.set(Number(match[1]), { dict, stream });
    start.lastIndex = at;
  }
  return objects;
}

const ref = (dict: string, key: string): number | null => {
  const found = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return found ? Number(found[1]) : null;
};

const utf16 = (hex: string): string => Buffer.from(hex.replace(/\s+/g, ''), 'hex').swap16().toString('utf16le');

/** The code → text map of a ToUnicode CMap (bfchar, bfrange with a start value or with an array). */
function readCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, value] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) {
      map.set(parseInt(code!, 16), utf16(value!));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const entries = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g;
    for (const [, from, to, value] of block[1]!.matchAll(entries)) {
      const first = parseInt(from!, 16);
      const last = parseInt(to!, 16);
      if (value!.startsWith('[')) {
        // A ligature's entry holds several code units, written with spaces between them: <0066 0066> for "ff".
        [...value!.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((item, index) => map.set(first + index, utf16(item[1]!)));
      } else {
        const base = Buffer.from(value!.slice(1, -1).replace(/\s+/g, ''), 'hex');
        for (let code = first; code <= last; code++) {
          const next = Buffer.from(base);
          next.writeUInt16BE(next.readUInt16BE(next.length - 2) + (code - first), next.length - 2);
          map.set(code, next.swap16().toString('utf16le'));
        }
      }
    }
  }
  return map;
}

export function parsePdf(bytes: Buffer): ParsedPdf {
  const header = /^%PDF-(\d\.\d)/.exec(bytes.subarray(0, 16).toString('latin1'));
  if (!header) throw new Error('not a PDF: no %PDF- header');
  if (!bytes.subarray(-32).toString('latin1').includes('%%EOF')) throw new Error('not a PDF: no %%EOF trailer');
  const objects = readObjects(bytes);
  const get = (id: number | null): PdfObject => {
    const object = id === null ? undefined : objects.get(id);
    if (!object) throw new Error(`missing PDF object ${id}`);
    return object;
  };

  const catalog = [...objects.values()].find((object) => /\/Type \/Catalog\b/.test(object.dict));
  const pageTree = get(ref(catalog?.dict ?? '', 'Pages'));
  const kids = [.../\/Kids \[([^\]]*)\]/.exec(pageTree.dict)![1]!.matchAll(/(\d+) 0 R/g)].map((kid) => Number(kid[1]));

  const fonts = new Map<string, PdfFont & { cmap: Map<number, string> }>();
  const fontsOf = (pageDict: string) => {
    const resourcesId = ref(pageDict, 'Resources');
    const resources = resourcesId === null ? pageDict : get(resourcesId).dict;
    const fontDict = /\/Font <<([^>]*)>>/.exec(resources)?.[1] ?? '';
    for (const [, name, id] of fontDict.matchAll(/\/(\S+) (\d+) 0 R/g)) {
      if (fonts.has(name!)) continue;
      const font = get(Number(id)).dict;
      const toUnicode = ref(font, 'ToUnicode');
      const descendant = /\/DescendantFonts \[(\d+) 0 R\]/.exec(font)?.[1];
      const descriptorOwner = descendant ? get(Number(descendant)).dict : font;
      const descriptor = ref(descriptorOwner, 'FontDescriptor');
      const fileId =
        descriptor === null ? null : (ref(get(descriptor).dict, 'FontFile2') ?? ref(get(descriptor).dict, 'FontFile3'));
      fonts.set(name!, {
        resourceName: name!,
        baseFont: /\/BaseFont \/(\S+)/.exec(font)?.[1] ?? '',
        hasToUnicode: toUnicode !== null,
        embeddedBytes: fileId === null ? 0 : (get(fileId).stream?.length ?? 0),
        cmap: toUnicode === null ? new Map() : readCMap(get(toUnicode).stream!.toString('latin1')),
      });
    }
  };

  const pages = kids.map((kid): PdfPage => {
    const page = get(kid).dict;
    fontsOf(page);
    const content = get(ref(page, 'Contents')).stream!.toString('latin1');
    const texts: string[] = [];
    const fontSizes: number[] = [];
    let notdefGlyphs = 0;
    let current: Map<number, string> = new Map();
    let size = 0;
    const operations = /\/(\S+) ([-\d.]+) Tf|\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g;
    for (const [, fontName, fontSize, array, single] of content.matchAll(operations)) {
      if (fontName) {
        current = fonts.get(fontName)?.cmap ?? new Map();
        size = Number(fontSize);
        continue;
      }
      const hex = array !== undefined ? [...array.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('') : single!;
      let decoded = '';
      for (let at = 0; at < hex.length; at += 4) {
        const code = parseInt(hex.slice(at, at + 4), 16);
        if (code === 0) notdefGlyphs++;
        decoded += current.get(code) ?? '\uFFFD';
      }
      texts.push(decoded);
      fontSizes.push(size);
    }
    return { texts, fontSizes, notdefGlyphs };
  });

  return {
    version: header[1]!,
    pages,
    fonts: [...fonts.values()].map(({ cmap: _cmap, ...font }) => font),
  };
}
