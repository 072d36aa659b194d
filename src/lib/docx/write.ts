/**
 * Writes the Word file of every printed issue next to its PDF (dist/pdf/<issue>.zh-hans.docx),
 * from the issue's print page. Where the PDF exists, its bookmarks give the pages that
 * prefill the Word file's table of contents (both follow the same 22-line grid).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { SCRIPT_SEGMENT } from '../i18n/scripts.ts';
import { SCRIPTS, type Script } from '../../schemas/script.ts';
import { readOutline } from '../print/pdf-finish.ts';
import { parsePrintPage } from '../print/issue-model.ts';
import { pdfFile, printableIssues, printPageFile } from '../print/printer.ts';
import { issueDocx } from './issue-docx.ts';

/** One Word file written: its issue, script, file and size. */
export interface DocxResult {
	issueId: string;
	script: Script;
	file: string;
	bytes: number;
	seconds: number;
}

/** Where the Word file of an issue goes: beside its PDF, with the same name. */
export function docxFile(siteDir: string, issueId: string, script: Script): string {
	return pdfFile(siteDir, issueId, script).replace(/\.pdf$/, '.docx');
}

/** 1-based page of each bookmarked case in a PDF. */
export async function casePagesOf(pdf: string): Promise<number[]> {
	const doc = await PDFDocument.load(readFileSync(pdf), { updateMetadata: false });
	return readOutline(doc).map((entry) => entry.pageIndex + 1);
}

/** Writes each issue's .docx in each script it has a print page in. */
export async function writeIssueDocx(
	siteDir: string,
	options: { issueIds?: readonly string[]; onProgress?: (line: string) => void } = {},
): Promise<DocxResult[]> {
	const results: DocxResult[] = [];
	for (const issueId of options.issueIds ?? printableIssues(siteDir)) {
		for (const script of SCRIPTS) {
			const page = printPageFile(siteDir, issueId, script);
			if (!existsSync(page)) continue;
			const started = performance.now();
			const issue = parsePrintPage(readFileSync(page, 'utf8'), path.relative(siteDir, page));
			const pdf = pdfFile(siteDir, issueId, script);
			const casePages = existsSync(pdf) ? await casePagesOf(pdf) : undefined;
			const bytes = await issueDocx(issue, casePages ? { casePages } : {});
			const file = docxFile(siteDir, issueId, script);
			mkdirSync(path.dirname(file), { recursive: true });
			const partial = `${file}.partial-${process.pid}`;
			writeFileSync(partial, bytes);
			renameSync(partial, file);
			const seconds = (performance.now() - started) / 1000;
			results.push({ issueId, script, file, bytes: bytes.length, seconds });
			options.onProgress?.(
				`${issueId} (${SCRIPT_SEGMENT[script]}): ${path.relative(siteDir, file)}, ${(bytes.length / 1024).toFixed(0)} KB, ${seconds.toFixed(2)} s`,
			);
		}
	}
	return results;
}
