import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { pdfFile, printableIssues } from '../../../src/lib/print/printer.ts';
import { pruneDanglingPdfLinks } from '../../../src/lib/print/step.ts';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function site(base: string): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'print-step-'));
	dirs.push(dir);
	for (const script of ['zh-hans', 'zh-hant']) {
		mkdirSync(path.join(dir, script, 'issues', 'a-1', 'print'), { recursive: true });
		writeFileSync(path.join(dir, script, 'issues', 'a-1', 'print', 'index.html'), '<p>print</p>');
		writeFileSync(
			path.join(dir, script, 'issues', 'a-1', 'index.html'),
			`<section data-pdf-downloads><ul>` +
				['zh-hans.pdf', 'zh-hans.docx', 'zh-hant.pdf', 'zh-hant.docx']
					.map((file) => `<li><a href="${base}pdf/a-1.${file}">${file}</a> <span class="download-info" data-download-info></span></li>`)
					.join('') +
				`</ul></section>`,
		);
	}
	mkdirSync(path.join(dir, 'zh-hans', 'issues', 'no-print'), { recursive: true });
	return dir;
}

describe('the PDF step on a built site', () => {
	it('finds the issues that have a print page', () => {
		expect(printableIssues(site('/'))).toEqual(['a-1']);
	});

	it('finds an issue built in one script only', () => {
		const dir = site('/');
		mkdirSync(path.join(dir, 'zh-hant', 'issues', 'b-2', 'print'), { recursive: true });
		writeFileSync(path.join(dir, 'zh-hant', 'issues', 'b-2', 'print', 'index.html'), '<p>print</p>');
		expect(printableIssues(dir)).toEqual(['a-1', 'b-2']);
	});

	it('puts PDFs where pdfPath() links them', () => {
		expect(pdfFile('/site', 'a-1', 'hant')).toBe(path.join('/site', 'pdf', 'a-1.zh-hant.pdf'));
	});

	it('removes links to files that were not made and labels the others, under a base path too', async () => {
		const dir = site('/dxal/');
		mkdirSync(path.join(dir, 'pdf'));
		const pdf = await PDFDocument.create();
		for (let i = 0; i < 3; i++) pdf.addPage();
		writeFileSync(path.join(dir, 'pdf', 'a-1.zh-hant.pdf'), await pdf.save());
		writeFileSync(path.join(dir, 'pdf', 'a-1.zh-hant.docx'), Buffer.alloc(45 * 1024));
		expect(await pruneDanglingPdfLinks(dir, '/dxal/')).toBe(2);
		const html = readFileSync(path.join(dir, 'zh-hans', 'issues', 'a-1', 'index.html'), 'utf8');
		expect(html).toContain('a-1.zh-hant.pdf');
		expect(html).not.toContain('a-1.zh-hans.pdf');
		expect(html).not.toContain('a-1.zh-hans.docx');
		expect(html).toMatch(/zh-hant\.pdf">[^<]*<\/a> <span[^>]*>PDF · 3页 · 1 KB<\/span>/);
		expect(html).toContain('>Word · 约3页 · 45 KB</span>');
		const hant = readFileSync(path.join(dir, 'zh-hant', 'issues', 'a-1', 'index.html'), 'utf8');
		expect(hant).toContain('>Word · 約3頁 · 45 KB</span>');
		expect(await pruneDanglingPdfLinks(dir, '/dxal/')).toBe(0);
	});

	it('removes the whole section when no file was made', async () => {
		const dir = site('/');
		await pruneDanglingPdfLinks(dir, '/');
		expect(readFileSync(path.join(dir, 'zh-hant', 'issues', 'a-1', 'index.html'), 'utf8')).toBe('');
	});
});
