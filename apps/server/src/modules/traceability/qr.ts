/**
 * QR codes of lots and units, each encoding the item's GS1 Digital Link (the data carrier TCVN
 * 13275:2020 points to: QR Code per TCVN 7322 = ISO/IEC 18004; vn-standards.md §2.3), as PNG, SVG, and
 * a printable A4 sheet (PDF, pdfmake with its bundled Roboto, which has the Vietnamese glyphs).
 *
 * Error correction M (15 % of the symbol may be damaged and still read): the GS1 Digital Link QR
 * guideline's recommended minimum for a code printed on a bag.
 */
import { createRequire } from 'node:module';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import QRCode from 'qrcode';

const require = createRequire(import.meta.url);

/**
 * pdfmake 0.2's server-side printer (src/printer.js). @types/pdfmake describes the 0.3 API, which has
 * no PdfPrinter, so the constructor is typed here by what we call.
 */
interface PdfKitDocument {
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end', listener: () => void): void;
  on(event: 'error', listener: (err: Error) => void): void;
  end(): void;
}
type PdfPrinter = { createPdfKitDocument(doc: TDocumentDefinitions): PdfKitDocument };
type FontFiles = { normal: Buffer; bold: Buffer; italics: Buffer; bolditalics: Buffer };
const PdfPrinterClass = require('pdfmake') as new (fonts: Record<string, FontFiles>) => PdfPrinter;

export const QR_ERROR_CORRECTION = 'M' as const;

export async function qrPng(text: string, widthPx = 300): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: QR_ERROR_CORRECTION, width: widthPx, margin: 4 });
}

export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: QR_ERROR_CORRECTION, margin: 4 });
}

export interface SheetEntry {
  digitalLink: string;
  /** Human-readable lines under the code: product, lot/serial, element string. */
  lines: string[];
}

let printer: PdfPrinter | undefined;
function pdfPrinter() {
  if (!printer) {
    const vfs = require('pdfmake/build/vfs_fonts.js') as Record<string, string>;
    const font = (name: string) => Buffer.from(vfs[name]!, 'base64');
    printer = new PdfPrinterClass({
      Roboto: { normal: font('Roboto-Regular.ttf'), bold: font('Roboto-Medium.ttf'), italics: font('Roboto-Italic.ttf'), bolditalics: font('Roboto-MediumItalic.ttf') },
    });
  }
  return printer;
}

/** Labels per A4 page: 3 columns × 4 rows of 50 mm codes with their text. */
export const LABELS_PER_PAGE = 12;
const COLUMNS = 3;

export async function qrSheetPdf(title: string, entries: readonly SheetEntry[], createdAt: Date): Promise<Buffer> {
  const images = await Promise.all(entries.map((e) => QRCode.toDataURL(e.digitalLink, { errorCorrectionLevel: QR_ERROR_CORRECTION, width: 360, margin: 2 })));
  const pages: Content[] = [];
  for (let start = 0; start < entries.length; start += LABELS_PER_PAGE) {
    const rows: Content[][] = [];
    for (let r = start; r < Math.min(entries.length, start + LABELS_PER_PAGE); r += COLUMNS) {
      const row: Content[] = [];
      for (let c = r; c < r + COLUMNS; c++) {
        const e = entries[c];
        row.push(
          e
            ? {
                stack: [
                  { image: images[c]!, width: 130, alignment: 'center' },
                  ...e.lines.map((line, i) => ({ text: line, fontSize: i === 0 ? 9 : 7, bold: i === 0, alignment: 'center' as const, margin: [0, 1, 0, 0] as [number, number, number, number] })),
                ],
                margin: [0, 4, 0, 8] as [number, number, number, number],
              }
            : { text: '' },
        );
      }
      rows.push(row);
    }
    pages.push({
      stack: [
        { text: title, fontSize: 12, bold: true, margin: [0, 0, 0, 8] },
        { table: { widths: ['*', '*', '*'], body: rows }, layout: 'noBorders' },
      ],
      ...(start + LABELS_PER_PAGE < entries.length ? { pageBreak: 'after' as const } : {}),
    });
  }
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [28, 28, 28, 28],
    info: { title, creator: 'Đồng Xanh', creationDate: createdAt },
    content: pages,
    defaultStyle: { font: 'Roboto' },
  };
  const pdf = pdfPrinter().createPdfKitDocument(doc);
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
}
