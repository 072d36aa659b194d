/**
 * Printing beside the page build (print/alongside.ts) with a stand-in printer: it prints
 * each print page as soon as its write has finished, nothing else, at most MAX_ALONGSIDE
 * PDFs, keeps with each PDF the digest of what its printing read, lets a failure go (the
 * print step prints that issue again), and once stopped writes nothing more. The print
 * step takes a PDF printed beside only when that digest still holds (finalEarlyPrints).
 */
import fs, { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PrintedEarly } from '../../../src/lib/build/post-build.ts';
import { watchWrites } from '../../../src/lib/build/written-files.ts';
import { MAX_ALONGSIDE, printPageOf, startPrintingAlongside } from '../../../src/lib/print/alongside.ts';
import { printPageDigest } from '../../../src/lib/print/print-key.ts';
import { pdfFile, type Printer, type PrintResult } from '../../../src/lib/print/printer.ts';
import { finalEarlyPrints } from '../../../src/lib/print/step.ts';
import type { Script } from '../../../src/schemas/script.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0)) cleanup();
});

function site(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'print-alongside-'));
	const watch = watchWrites(dir);
	cleanups.push(() => {
		watch.restore();
		rmSync(dir, { recursive: true, force: true });
	});
	return dir;
}

const segment = (script: Script) => (script === 'hans' ? 'zh-hans' : 'zh-hant');
const printPage = (dir: string, issueId: string, script: Script) => path.join(dir, segment(script), 'issues', issueId, 'print', 'index.html');

/** Astro's write of a page: into its folder, through fs.promises.writeFile. */
async function astroWrites(file: string, html: string): Promise<void> {
	mkdirSync(path.dirname(file), { recursive: true });
	await fs.promises.writeFile(file, html);
}

/** A printer that writes a stand-in PDF after `hold` settles; `fails` names issues it cannot print. */
function standIn(dir: string, options: { hold?: Promise<void>; fails?: string[] } = {}) {
	const calls: string[] = [];
	let closed = 0;
	const printer: Printer = {
		async print(issueId, script): Promise<PrintResult> {
			calls.push(`${issueId}|${script}`);
			await options.hold;
			if (options.fails?.includes(issueId)) throw new Error(`cannot print ${issueId}`);
			const file = pdfFile(dir, issueId, script);
			mkdirSync(path.dirname(file), { recursive: true });
			writeFileSync(file, `pdf of ${issueId} ${script}`);
			return { issueId, script, file, pages: 3, bytes: 10, seconds: 0.1, layouts: 1, adjustments: { compact: false, keepEnds: [], splitEnds: [] } };
		},
		foreground() {},
		async close() {
			closed++;
		},
	};
	return { open: async () => printer, calls, closed: () => closed };
}

describe('printing beside the page build', () => {
	it('knows a print page by its path, and nothing else', () => {
		expect(printPageOf('/o', '/o/zh-hant/issues/x-1/print/index.html')).toEqual({ issueId: 'x-1', script: 'hant' });
		expect(printPageOf('/o', '/o/zh-hans/issues/x-1/index.html')).toBeUndefined();
		expect(printPageOf('/o', '/o/en/issues/x-1/print/index.html')).toBeUndefined();
		expect(printPageOf('/o', '/o/zh-hans/cases/print/x/index.html')).toBeUndefined();
	});

	it('does nothing without a watch on the folder (astro build alone)', () => {
		expect(startPrintingAlongside(mkdtempSync(path.join(tmpdir(), 'print-alongside-unwatched-')), '/')).toBeUndefined();
	});

	it('prints each print page once written, with the digest of what it read, and leaves the other pages alone', async () => {
		const dir = site();
		const printer = standIn(dir);
		const printing = startPrintingAlongside(dir, '/', { open: printer.open })!;
		await astroWrites(path.join(dir, 'zh-hans', 'issues', 'a-1', 'index.html'), '<p>issue page</p>');
		await astroWrites(printPage(dir, 'a-1', 'hans'), '<p>印</p>');
		await astroWrites(printPage(dir, 'a-1', 'hant'), '<p>印（繁）</p>');
		const printed = await printing.finish();
		expect(printer.calls.sort()).toEqual(['a-1|hans', 'a-1|hant']);
		expect(printed.map((p) => [p.script, p.pageDigest]).sort()).toEqual([
			['hans', printPageDigest(dir, '/', 'a-1', 'hans')],
			['hant', printPageDigest(dir, '/', 'a-1', 'hant')],
		]);
		expect(printer.closed()).toBe(1);
	});

	it('prints at most MAX_ALONGSIDE PDFs, and lets a failure go to the print step', async () => {
		const dir = site();
		const failures: string[] = [];
		const printer = standIn(dir, { fails: ['b-0'] });
		const printing = startPrintingAlongside(dir, '/', { open: printer.open, log: (line) => failures.push(line) })!;
		for (let i = 0; i < MAX_ALONGSIDE + 3; i++) await astroWrites(printPage(dir, `b-${i}`, 'hans'), `<p>${i}</p>`);
		const printed = await printing.finish();
		expect(printer.calls).toHaveLength(MAX_ALONGSIDE);
		expect(printed.map((p) => p.issueId)).not.toContain('b-0');
		expect(printed).toHaveLength(MAX_ALONGSIDE - 1);
		expect(failures.join('\n')).toContain('cannot print b-0');
	});

	it('takes nothing printed of a page written twice', async () => {
		const dir = site();
		const printer = standIn(dir);
		const printing = startPrintingAlongside(dir, '/', { open: printer.open })!;
		await astroWrites(printPage(dir, 'e-1', 'hans'), '<p>first</p>');
		await astroWrites(printPage(dir, 'e-2', 'hans'), '<p>once</p>');
		await astroWrites(printPage(dir, 'e-1', 'hans'), '<p>second</p>');
		expect((await printing.finish()).map((p) => p.issueId)).toEqual(['e-2']);
	});

	it('once stopped, waits for the page being printed and writes nothing more', async () => {
		const dir = site();
		let release!: () => void;
		const printer = standIn(dir, { hold: new Promise<void>((resolve) => (release = resolve)) });
		const printing = startPrintingAlongside(dir, '/', { open: printer.open })!;
		for (const id of ['c-1', 'c-2', 'c-3']) await astroWrites(printPage(dir, id, 'hans'), `<p>${id}</p>`);
		await new Promise((resolve) => setTimeout(resolve, 20));
		let stopped = false;
		const stopping = printing.stop().then(() => (stopped = true));
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(stopped, 'stop waits for the page under way').toBe(false);
		release();
		await stopping;
		// The two pages under way finish (their files go with the staging folder); the third never starts.
		expect(printer.calls.sort()).toEqual(['c-1|hans', 'c-2|hans']);
		await astroWrites(printPage(dir, 'c-4', 'hans'), '<p>c-4</p>');
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(existsSync(pdfFile(dir, 'c-4', 'hans'))).toBe(false);
		expect(await printing.finish()).toEqual([]);
	});
});

describe('the print step takes a PDF printed beside the pages', () => {
	it('only where what its printing read is what the finished site holds', async () => {
		const dir = site();
		const printing = startPrintingAlongside(dir, '/', { open: standIn(dir).open })!;
		for (const id of ['d-1', 'd-2', 'd-3']) await astroWrites(printPage(dir, id, 'hans'), `<p>${id}</p>`);
		const early: PrintedEarly[] = await printing.finish();
		expect(early).toHaveLength(3);
		// d-2's page changed after it was printed; d-3 is not among the issues to print.
		writeFileSync(printPage(dir, 'd-2', 'hans'), '<p>d-2, as the build finished it</p>');
		const taken = finalEarlyPrints(dir, '/', ['d-1', 'd-2'], early, new Map());
		expect(taken.map((p) => p.issueId)).toEqual(['d-1']);
		rmSync(pdfFile(dir, 'd-1', 'hans'));
		expect(finalEarlyPrints(dir, '/', ['d-1'], early, new Map()), 'a PDF no longer there').toEqual([]);
	});
});
