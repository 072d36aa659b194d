/**
 * Prints the issues of a built site to PDF: serves the site on 127.0.0.1, opens each
 * issue's print page in an installed Chromium (playwright-core, never a downloaded
 * browser), lets Paged.js paginate it, prints, then writes the bookmarks and document
 * information. One browser prints every issue; two pages at a time keep both cores busy.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_CHROMIUM } from '../build/browser.ts';
import { serveStatic } from '../build/static-server.ts';
import { SCRIPT_SEGMENT } from '../i18n/scripts.ts';
import { pagePath, pdfPath } from '../routes.ts';
import { didYouMean } from '../text/did-you-mean.ts';
import { SCRIPTS, type Script } from '../../schemas/script.ts';
import { PROJECT_ROOT } from '../content/paths.ts';
import { BUNDLED_FACES, PRINT_ASSET_SEGMENT, SYSTEM_FACES, printAssetFile, printFontCss } from './fonts.ts';
import { finishPdf, type OutlineEntry } from './pdf-finish.ts';
import { PRINT_META_ID, parsePrintMeta } from './print-meta.ts';

export class NoBrowserError extends Error {}

export interface PrintOptions {
	/** The built site (dist/ or a staging directory). */
	siteDir: string;
	/** The site's base path, as in content/site.yaml. */
	base: string;
	/** Only these issue ids; all issues when left out. */
	issueIds?: readonly string[];
	scripts?: readonly Script[];
	/** Pages printed at once; defaults to the number of cores, at most 2. */
	concurrency?: number;
	/** Called with one line per PDF written. */
	onProgress?: (line: string) => void;
	/** Milliseconds Paged.js may take for one issue. */
	timeoutMs?: number;
}

export interface PrintResult {
	issueId: string;
	script: Script;
	file: string;
	pages: number;
	bytes: number;
	seconds: number;
}

const require = createRequire(import.meta.url);

/** pagedjs's "exports" map hides dist/: resolve the package entry, then its polyfill next to it. */
function pagedPolyfillPath(): string {
	return path.join(path.dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js');
}

function fontDirs() {
	return {
		bundledFonts: path.join(PROJECT_ROOT, 'src', 'assets', 'fonts', 'print'),
		fontsource: path.join(path.dirname(require.resolve('@fontsource/noto-serif-sc/package.json')), 'files'),
	};
}

/** The built print page of an issue in a script. */
export function printPageFile(siteDir: string, issueId: string, script: Script): string {
	return path.join(siteDir, SCRIPT_SEGMENT[script], 'issues', issueId, 'print', 'index.html');
}

/** Issue ids that have a print page in the built site (in either script), sorted. */
export function printableIssues(siteDir: string): string[] {
	const ids = new Set<string>();
	for (const script of SCRIPTS) {
		const issuesDir = path.join(siteDir, SCRIPT_SEGMENT[script], 'issues');
		if (!existsSync(issuesDir)) continue;
		for (const entry of readdirSync(issuesDir, { withFileTypes: true })) {
			if (entry.isDirectory() && existsSync(printPageFile(siteDir, entry.name, script))) ids.add(entry.name);
		}
	}
	return [...ids].sort();
}

/** Where the PDF of an issue goes inside the built site. */
export function pdfFile(siteDir: string, issueId: string, script: Script): string {
	return path.join(siteDir, ...pdfPath('/', issueId, script).split('/').filter(Boolean));
}

function selectIssues(siteDir: string, wanted: readonly string[] | undefined): string[] {
	const available = printableIssues(siteDir);
	if (!wanted) return available;
	for (const id of wanted) {
		if (!available.includes(id)) {
			const close = didYouMean(id, available);
			throw new Error(
				`No print page for issue "${id}" in ${siteDir}` +
					(close.length ? `; did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : `; issues there: ${available.join(', ') || 'none'}.`) +
					' Issue ids are file names under content/issues without .mdx; build the site first (npm run build).',
			);
		}
	}
	return [...wanted];
}

/** Noto Serif SC (the 宋 and 小标宋 faces) as @fontsource publishes it, regular, bold and black. */
function fontsourceCss(): string[] {
	return [400, 700, 900].map((weight) => readFileSync(require.resolve(`@fontsource/noto-serif-sc/${weight}.css`), 'utf8'));
}

/** Serves the fonts the print pages ask for under /__print/ straight from the project. */
async function routePrintAssets(context: BrowserContext): Promise<void> {
	const dirs = fontDirs();
	await context.route(`**/${PRINT_ASSET_SEGMENT}/**`, async (route) => {
		const pathname = new URL(route.request().url()).pathname;
		const relative = pathname.slice(pathname.indexOf(`/${PRINT_ASSET_SEGMENT}/`) + PRINT_ASSET_SEGMENT.length + 2);
		const file = printAssetFile(decodeURIComponent(relative), dirs);
		if (!file || !existsSync(file)) {
			await route.fulfill({ status: 404, body: `no print asset ${relative}` });
			return;
		}
		await route.fulfill({
			path: file,
			contentType: file.endsWith('.woff2') ? 'font/woff2' : 'font/ttf',
			// Paged.js declares the faces a second time; let the second request hit the memory cache.
			headers: { 'cache-control': 'max-age=3600' },
		});
	});
}

/** The machine lacks fonts the print layout needs; the message names the packages. */
export class MissingPrintFontsError extends Error {
	override name = 'MissingPrintFontsError';
}

/** Faces the page declared but Chromium could not load: missing system fonts or files. */
async function unloadableFaces(page: Page): Promise<string[]> {
	const families = [...BUNDLED_FACES, ...SYSTEM_FACES].map((f) => f.family);
	return page.evaluate(async (wanted) => {
		const faces = [...document.fonts].filter((f) => wanted.includes(f.family.replace(/^"|"$/g, '')));
		const failed = await Promise.all(
			faces.map((f) =>
				f.load().then(
					() => undefined,
					() => f.family.replace(/^"|"$/g, ''),
				),
			),
		);
		return [...new Set(failed.filter((f): f is string => f !== undefined))];
	}, families);
}

function missingFontsMessage(families: readonly string[]): string {
	const missing = [...BUNDLED_FACES, ...SYSTEM_FACES].filter((f) => families.includes(f.family));
	const packages = [...new Set(missing.flatMap((f) => ('debianPackage' in f ? [f.debianPackage] : [])))];
	const bundled = missing.filter((f) => 'file' in f).map((f) => `src/assets/fonts/print/${(f as { file: string }).file}`);
	return (
		`Print fonts missing: ${missing.map((f) => f.label).join(', ')}.` +
		(packages.length ? ` Install them: sudo apt-get install -y ${packages.join(' ')}.` : '') +
		(bundled.length ? ` Restore ${bundled.join(', ')} from the repository.` : '') +
		' Without them Chromium substitutes fonts that end up as Type 3 in the PDF.'
	);
}

/** Moves the 版记 to the foot of its page, where GB/T 9704 puts it (Paged.js has no page floats). */
function pushRecordBlockDown(): void {
	const block = document.querySelector<HTMLElement>('.banji');
	const area = block?.closest<HTMLElement>('.pagedjs_page_content');
	if (!block || !area) return;
	const gap = area.getBoundingClientRect().bottom - block.getBoundingClientRect().bottom - 1;
	if (gap > 0) block.style.marginTop = `${parseFloat(getComputedStyle(block).marginTop) + gap}px`;
}

/** Pages whose content Paged.js let overflow (it would be cut off in the PDF), 1-based. */
function overflowingPages(): number[] {
	return [...document.querySelectorAll('.pagedjs_page_content > div')].flatMap((content, i) =>
		content.scrollWidth > content.clientWidth + 2 || content.scrollHeight > content.clientHeight + 2 ? [i + 1] : [],
	);
}

/** Zero-based page index of each anchor's first fragment after Paged.js laid the issue out. */
function anchorPages(anchors: string[]): number[] {
	const pages = [...document.querySelectorAll('.pagedjs_page')];
	return anchors.map((anchor) => {
		const element = document.getElementById(anchor);
		const page = element?.closest('.pagedjs_page');
		return page ? pages.indexOf(page) : -1;
	});
}

async function printOne(
	context: BrowserContext,
	url: string,
	base: string,
	outFile: string,
	timeoutMs: number,
): Promise<{ pages: number; bytes: number }> {
	const page = await context.newPage();
	// Paginate with the print media rules Chromium will print with.
	await page.emulateMedia({ media: 'print' });
	const started = performance.now();
	const lap = (phase: string) => {
		if (process.env.COMPENDIUM_PDF_DEBUG) console.log(`    ${url} ${phase} ${((performance.now() - started) / 1000).toFixed(2)} s`);
	};
	try {
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		const response = await page.goto(url, { waitUntil: 'load' });
		if (!response?.ok()) throw new Error(`${url}: the print page answered ${response?.status() ?? 'nothing'}`);
		lap('loaded');
		const meta = parsePrintMeta(await page.locator(`#${PRINT_META_ID}`).textContent(), url);
		// The print faces are declared here, not in the published page: their files are served
		// to the printer only (routePrintAssets), so the site links nothing it does not publish.
		await page.addStyleTag({ content: printFontCss(meta.language === 'zh-Hant' ? 'hant' : 'hans', base, fontsourceCss()) });
		await page.addScriptTag({ path: pagedPolyfillPath() });
		await page
			.waitForFunction(() => (window as unknown as { __pagedPages?: number }).__pagedPages !== undefined, null, { timeout: timeoutMs })
			.catch((error: unknown) => {
				throw new Error(
					`${url}: Paged.js did not finish within ${timeoutMs / 1000} s${errors.length ? ` (page errors: ${errors.join('; ')})` : ''}`,
					{ cause: error },
				);
			});
		lap('paginated');
		await page.evaluate(() => document.fonts.ready.then(() => undefined));
		lap('fonts settled');
		const unloadable = await unloadableFaces(page);
		if (unloadable.length) throw new MissingPrintFontsError(missingFontsMessage(unloadable));
		const overflowing = await page.evaluate(overflowingPages);
		if (overflowing.length) {
			throw new Error(
				`${url}: content does not fit on page(s) ${overflowing.join(', ')} and would be cut off; check unbreakable blocks (tables, long titles) there`,
			);
		}
		await page.evaluate(pushRecordBlockDown);
		const indexes = await page.evaluate(
			anchorPages,
			meta.cases.map((c) => c.anchor),
		);
		const outline: OutlineEntry[] = meta.cases.map((c, i) => {
			if (indexes[i] === -1) throw new Error(`${url}: case #${c.anchor} ("${c.title}") is not on any printed page`);
			return { title: c.title, pageIndex: indexes[i]! };
		});
		const printed = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: false, tagged: true });
		lap('printed');
		const bytes = await finishPdf(
			printed,
			outline,
			{
				title: meta.title,
				language: meta.language,
				...(meta.author ? { author: meta.author } : {}),
				...(meta.subject ? { subject: meta.subject } : {}),
				creator: 'case-compendium (Paged.js, Chromium)',
			},
			new Date(`${meta.date}T00:00:00Z`),
		);
		lap('finished');
		mkdirSync(path.dirname(outFile), { recursive: true });
		const partial = `${outFile}.partial-${process.pid}`;
		writeFileSync(partial, bytes);
		renameSync(partial, outFile);
		const pages = await page.evaluate(() => document.querySelectorAll('.pagedjs_page').length);
		return { pages, bytes: bytes.length };
	} finally {
		await page.close();
	}
}

/**
 * Prints every selected issue in every script. Throws NoBrowserError when no Chromium
 * is installed, and a plain Error naming the issue when one cannot be printed.
 */
export async function printIssues(options: PrintOptions): Promise<PrintResult[]> {
	const siteDir = path.resolve(options.siteDir);
	const issues = selectIssues(siteDir, options.issueIds);
	const scripts = options.scripts ?? SCRIPTS;
	if (issues.length === 0) return [];
	if (!findChromium()) throw new NoBrowserError(`No Chromium to print PDFs with. ${HOW_TO_GET_CHROMIUM}`);

	// A site built in one script only (COMPENDIUM_SCRIPTS) has print pages in that script only.
	const jobs = issues.flatMap((issueId) =>
		scripts.filter((script) => existsSync(printPageFile(siteDir, issueId, script))).map((script) => ({ issueId, script })),
	);
	const concurrency = Math.max(1, Math.min(options.concurrency ?? Math.min(2, availableParallelism()), jobs.length));
	const timeoutMs = options.timeoutMs ?? 180_000;
	const server = await serveStatic(siteDir, { base: options.base });
	const { chromium } = await import('playwright-core');
	// Unhinted glyph advances on screen, where Paged.js measures, match those in print.
	const browser = await chromium.launch({ executablePath: findChromium()!, args: [...CHROMIUM_ARGS, '--font-render-hinting=none'] });
	const results: PrintResult[] = [];
	try {
		const context = await browser.newContext();
		await context.addInitScript(() => {
			(window as unknown as { PagedConfig: object }).PagedConfig = {
				auto: true,
				// Paged.js re-inserts the page's styles (new FontFace objects) and then loads every
				// declared face before laying out: with Noto Serif split into ~300 unicode-range
				// files that is 14 MB per page. Instead it loads the whole faces and the chunks the
				// unpaginated page needed; margin boxes load theirs later, and fonts are settled
				// again before printing.
				before: async () => {
					const whole = (f: FontFace) => f.unicodeRange === 'U+0-10FFFF';
					const key = (f: FontFace) => `${f.family}|${f.weight}|${f.unicodeRange}`;
					// A fallback face is only asked for after the face before it has loaded and lacked
					// a glyph: load the whole faces first, then let layout ask for chunks until calm.
					await Promise.all([...document.fonts].filter(whole).map((f) => f.load().catch(() => f)));
					for (let round = 0; round < 5; round++) {
						void document.body.offsetHeight;
						await document.fonts.ready;
						if (![...document.fonts].some((f) => f.status === 'loading')) break;
					}
					const used = new Set([...document.fonts].filter((f) => f.status === 'loaded').map(key));
					const paged = (window as unknown as { Paged: { Chunker: { prototype: { loadFonts: () => Promise<unknown> } } } }).Paged;
					paged.Chunker.prototype.loadFonts = () =>
						Promise.all(
							[...document.fonts].filter((f) => f.status !== 'loaded' && (whole(f) || used.has(key(f)))).map((f) => f.load().catch(() => f)),
						);
				},
				after: (flow: { total?: number } | undefined) => {
					(window as unknown as { __pagedPages: number }).__pagedPages = flow?.total ?? document.querySelectorAll('.pagedjs_page').length;
				},
			};
		});
		await routePrintAssets(context);
		const origin = new URL(server.url).origin;
		let next = 0;
		const worker = async () => {
			while (next < jobs.length) {
				const { issueId, script } = jobs[next++]!;
				const started = performance.now();
				const url = origin + pagePath(options.base, script, { kind: 'issuePrint', id: issueId });
				const file = pdfFile(siteDir, issueId, script);
				try {
					const { pages, bytes } = await printOne(context, url, options.base, file, timeoutMs);
					const seconds = (performance.now() - started) / 1000;
					results.push({ issueId, script, file, pages, bytes, seconds });
					options.onProgress?.(
						`${issueId} (${SCRIPT_SEGMENT[script]}): ${path.relative(siteDir, file)}, ${pages} pages, ${(bytes / 1024).toFixed(0)} KB, ${seconds.toFixed(1)} s`,
					);
				} catch (error) {
					next = jobs.length;
					throw new Error(
						`Printing issue "${issueId}" (${SCRIPT_SEGMENT[script]}) failed: ${error instanceof Error ? error.message : String(error)}`,
						{ cause: error },
					);
				}
			}
		};
		await Promise.all(Array.from({ length: concurrency }, worker));
	} finally {
		await browser.close().catch(() => {});
		await server.close();
	}
	const order = (r: PrintResult) => jobs.findIndex((j) => j.issueId === r.issueId && j.script === r.script);
	return results.sort((a, b) => order(a) - order(b));
}
