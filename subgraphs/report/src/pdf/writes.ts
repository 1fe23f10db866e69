import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { glyphMissing } from '@credit-hub/kit';
import type { ReportData } from '../content/rules.ts';
import { documentDefinition, FONT, missingGlyphs, printedText } from './rules.ts';

/**
 * Renders a report to PDF in this process: pdfmake (on pdfkit) with the full Noto Sans SC TrueType fonts of the npm
 * package @expo-google-fonts/noto-sans-sc (about 30,000 characters, rare name characters such as 淏 and 䶮 included),
 * embedded as subsets. No browser, no network: pdfmake may fetch neither URLs nor local files (both policies refuse
 * everything); the fonts are handed to it in memory. docs/adr/0092.
 */
const require = createRequire(import.meta.url);

interface PdfMake {
  virtualfs: { writeFileSync(name: string, data: Buffer): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
}
interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}
interface Fontkit {
  create(buffer: Buffer): FontkitFont;
}

let engine: { pdfmake: PdfMake; regular: FontkitFont; bold: FontkitFont } | null = null;

/** Loads the fonts once per process (two 10.5 MB files). */
function loadEngine() {
  if (engine) return engine;
  const dir = path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
  const regular = readFileSync(path.join(dir, '400Regular', 'NotoSansSC_400Regular.ttf'));
  const bold = readFileSync(path.join(dir, '700Bold', 'NotoSansSC_700Bold.ttf'));
  const pdfmake = require('pdfmake') as PdfMake;
  const fontkit = require('fontkit') as Fontkit;
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  pdfmake.virtualfs.writeFileSync('NotoSansSC-Regular.ttf', regular);
  pdfmake.virtualfs.writeFileSync('NotoSansSC-Bold.ttf', bold);
  pdfmake.setFonts({
    [FONT]: {
      normal: 'NotoSansSC-Regular.ttf',
      bold: 'NotoSansSC-Bold.ttf',
      italics: 'NotoSansSC-Regular.ttf',
      bolditalics: 'NotoSansSC-Bold.ttf',
    },
  });
  engine = { pdfmake, regular: fontkit.create(regular), bold: fontkit.create(bold) };
  return engine;
}

/** True when the report font can draw the character (both weights: headings are bold). */
export function fontHasGlyph(codePoint: number): boolean {
  const { regular, bold } = loadEngine();
  return regular.hasGlyphForCodePoint(codePoint) && bold.hasGlyphForCodePoint(codePoint);
}

/**
 * The PDF of a report and its SHA-256. Every character is checked against the font first: a missing glyph is the
 * error REPORT_GLYPH_MISSING naming the characters, never a blank box in an official document.
 */
export async function renderPdf(data: ReportData): Promise<{ pdf: Buffer; sha256: string }> {
  const { pdfmake } = loadEngine();
  const definition = documentDefinition(data);
  const missing = missingGlyphs(printedText(data, definition), fontHasGlyph);
  if (missing.length > 0) throw glyphMissing(missing);
  const pdf = await pdfmake.createPdf(definition).getBuffer();
  return { pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
}
