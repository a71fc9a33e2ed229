// Test support (the unit and browser tests of the PDFs Margin makes): the text a PDF draws, page by page, read back with pdf-lib (its content streams inflated, the
// strings of each Tj read as Windows-1252), so a test can say what a PDF holds and what it does not.
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFRef } from 'pdf-lib';

// Windows-1252's characters for bytes 0x80 to 0x9F (the rest are Latin-1's); written out, since Node's TextDecoder
// reads "windows-1252" as Latin-1.
const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const windows1252 = (bytes: Uint8Array) =>
  [...bytes].map((byte) => (byte >= 0x80 && byte <= 0x9f ? high[byte - 0x80] : String.fromCharCode(byte))).join('');

/** The strings a content stream shows with Tj, joined by spaces. */
function shownText(operators: string): string {
  const shown: string[] = [];
  for (const match of operators.matchAll(/<([0-9A-Fa-f]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g)) {
    if (match[1] !== undefined) {
      const bytes = Uint8Array.from(match[1].match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
      shown.push(windows1252(bytes));
    } else shown.push(match[2]!.replace(/\\(.)/g, '$1'));
  }
  return shown.join(' ');
}

/** Each page's text, in the order drawn. */
export async function pdfPagesText(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes);
  return pdf.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams =
      contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref as PDFRef)) : [contents];
    return streams
      .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream)
      .map((stream) =>
        shownText(Array.from(decodePDFRawStream(stream).decode(), (byte) => String.fromCharCode(byte)).join('')),
      )
      .join(' ');
  });
}
