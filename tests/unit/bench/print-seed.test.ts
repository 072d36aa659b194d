import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { seedPrintCache } from '../../../src/lib/bench/print-seed.ts';
import { StepCache } from '../../../src/lib/build/step-cache.ts';
import { docxFile } from '../../../src/lib/docx/write.ts';
import { printerFingerprint, printFilesKey } from '../../../src/lib/print/print-key.ts';
import { pdfFile, printPageFile } from '../../../src/lib/print/printer.ts';
import { PRINT_CACHE_DIR, printCacheSuffixes } from '../../../src/lib/print/step.ts';
import { SCRIPTS } from '../../../src/schemas/script.ts';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A built site with print pages for `issues` (each its own bytes) and issue-1 printed: a PDF of `pages` pages and a Word file per script. */
async function site(issues: string[], pages: number): Promise<string> {
	const dir = mkdtempSync(path.join(tmpdir(), 'print-seed-'));
	dirs.push(dir);
	for (const script of SCRIPTS) {
		for (const id of issues) {
			mkdirSync(path.dirname(printPageFile(dir, id, script)), { recursive: true });
			writeFileSync(printPageFile(dir, id, script), `<!doctype html><title>${id} ${script}</title>`);
		}
		const pdf = await PDFDocument.create();
		for (let i = 0; i < pages; i++) pdf.addPage();
		mkdirSync(path.dirname(pdfFile(dir, 'issue-1', script)), { recursive: true });
		writeFileSync(pdfFile(dir, 'issue-1', script), await pdf.save());
		writeFileSync(docxFile(dir, 'issue-1', script), `word ${script}`);
	}
	return dir;
}

describe('seedPrintCache', () => {
	it("files the sample issue's PDF, Word file and page count under every printable issue's key, in each script", async () => {
		const siteDir = await site(['issue-1', 'issue-2', 'issue-3'], 3);
		const cacheDir = mkdtempSync(path.join(tmpdir(), 'print-seed-cache-'));
		dirs.push(cacheDir);
		expect(await seedPrintCache(siteDir, '/', cacheDir, 'issue-1')).toEqual({ issues: 3, entries: 18 });
		const cache = new StepCache(path.join(cacheDir, PRINT_CACHE_DIR));
		const keys = ['issue-1', 'issue-2', 'issue-3'].map((id) => printFilesKey(siteDir, '/', id, printerFingerprint()));
		expect(new Set(keys).size).toBe(3);
		for (const key of keys) {
			for (const script of SCRIPTS) {
				const suffixes = printCacheSuffixes(script);
				expect(cache.read(`${key}.${suffixes.pdf}`)).toEqual(readFileSync(pdfFile(siteDir, 'issue-1', script)));
				expect(cache.read(`${key}.${suffixes.docx}`)?.toString()).toBe(`word ${script}`);
				expect(cache.read(`${key}.${suffixes.pages}`)?.toString()).toBe('3');
			}
		}
	});

	it('says which file is missing when the sample issue was not printed', async () => {
		const siteDir = await site(['issue-1'], 1);
		await expect(seedPrintCache(siteDir, '/', siteDir, 'issue-9')).rejects.toThrow(/issue-9/);
	});
});
