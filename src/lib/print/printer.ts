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
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_CHROMIUM } from '../build/browser.ts';
import { serveStatic, type StaticMount } from '../build/static-server.ts';
import { printMessages } from '../i18n/messages/print.ts';
import { SCRIPT_SEGMENT } from '../i18n/scripts.ts';
import { pagePath, pdfPath } from '../routes.ts';
import { didYouMean } from '../text/did-you-mean.ts';
import { SCRIPTS, type Script } from '../../schemas/script.ts';
import { PROJECT_ROOT } from '../content/paths.ts';
import { BUNDLED_FACES, FONTSOURCE_PACKAGE, SONG_WEIGHTS, SYSTEM_FACES, printAssetFile, printAssetPrefix, printFontCss } from './fonts.ts';
import { finishPdf, type OutlineEntry } from './pdf-finish.ts';
import { ownChildren, setIdlePriority } from './idle-priority.ts';
import { PRINT_META_ID, parsePrintMeta } from './print-meta.ts';
import { rewindingLayout, rewindTo, type InlineOutcome } from './rewinding-layout.ts';

/** No Chromium is installed; the message says how to get one. */
export class NoBrowserError extends Error {}

/** What to print and how; only the site and its base are required. */
export interface PrintOptions {
	/** The built site (dist/ or a staging directory). */
	siteDir: string;
	/** The site's base path, as in content/site.yaml. */
	base: string;
	/** Only these issue ids; all issues when left out. */
	issueIds?: readonly string[];
	scripts?: readonly Script[];
	/** Of those issues and scripts, only the PDFs this accepts (the others are left as they are). */
	only?: (issueId: string, script: Script) => boolean;
	/** Pages printed at once; defaults to the number of cores, at most 2. */
	concurrency?: number;
	/** Called with one line per PDF written. */
	onProgress?: (line: string) => void;
	/** Milliseconds Paged.js may take for one issue. */
	timeoutMs?: number;
	/** Number of the first page (yearly volumes number pages on across issues); 1 when left out. */
	firstPage?: number;
	/** Where each PDF goes instead of beside the site's issue pages (yearly volumes print into a work directory). */
	outFile?: (issueId: string, script: Script) => string;
	/**
	 * Whether the layout rules are applied while Paged.js lays out (the default), or by a
	 * second layout of an issue that broke one, as before: the test that both give the
	 * same PDFs turns it off.
	 */
	rulesDuringLayout?: boolean;
}

/** One PDF written: where, its page count, size in bytes and the seconds it took (layout retry included). */
export interface PrintResult {
	issueId: string;
	script: Script;
	file: string;
	pages: number;
	bytes: number;
	seconds: number;
	/** Layouts it took: 1, or 2 when a layout rule the first layout could not fix was broken. */
	layouts: number;
	/** The layout rules' fixes the printed layout carries. */
	adjustments: LayoutAdjustments;
}

const require = createRequire(import.meta.url);

/** pagedjs's "exports" map hides dist/: resolve the package entry, then its polyfill next to it. */
function pagedPolyfillPath(): string {
	return path.join(path.dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js');
}

function fontDirs() {
	return {
		bundledFonts: path.join(PROJECT_ROOT, 'src', 'assets', 'fonts', 'print'),
		fontsource: path.join(path.dirname(require.resolve(`@fontsource/${FONTSOURCE_PACKAGE}/package.json`)), 'files'),
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

/** Noto Serif SC (the 宋 and 小标宋 faces) as @fontsource publishes it, in the weights the print CSS uses. */
function fontsourceCss(): string[] {
	return SONG_WEIGHTS.map((weight) => readFileSync(require.resolve(`@fontsource/${FONTSOURCE_PACKAGE}/${weight}.css`), 'utf8'));
}

/**
 * The fonts the print pages ask for under /__print/, served by the printer's own local
 * server straight from the project (the published site holds no font files). Served over
 * HTTP rather than answered through Playwright's request interception, which costs a
 * round trip through the browser's debugging protocol per file: the first layout of an
 * issue asks for about a hundred unicode-range files.
 */
export function printAssetMount(base: string): StaticMount {
	const dirs = fontDirs();
	return {
		prefix: printAssetPrefix(base),
		file: (relative) => printAssetFile(decodeURIComponent(relative), dirs),
		// A retried layout asks again: let it hit the memory cache.
		cacheControl: 'max-age=3600',
	};
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

/** Turns “” into 「」 (and ‘’ into 『』) in every text node of the page, before pagination. */
function cornerQuotesInPage(): void {
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const text = node.nodeValue ?? '';
		if (/[“”‘’]/.test(text)) node.nodeValue = text.replace(/“/g, '「').replace(/”/g, '」').replace(/‘/g, '『').replace(/’/g, '』');
	}
}

/** Whether the table of contents ends on the masthead page (1-based page of its last entry is 1). */
function contentsOnFirstPage(): boolean {
	const entries = document.querySelectorAll('.toc li');
	const last = entries[entries.length - 1];
	const pages = [...document.querySelectorAll('.pagedjs_page')];
	if (!last) return true;
	// An entry split over two pages appears in both: look for its last fragment.
	const ref = last.getAttribute('data-ref');
	const fragments = ref ? [...document.querySelectorAll(`[data-ref="${ref}"]`)] : [last];
	return fragments.every((f) => pages.indexOf(f.closest('.pagedjs_page')!) === 0);
}

/**
 * Cases (0-based) whose last page holds fewer than three lines of their text (only the
 * source line, the key figures, or the last line of a paragraph) when their last
 * paragraph, figures and source line would fit on one page together: that paragraph then
 * starts a page, so the end has company (keep with previous). Paged.js drops content
 * when such a paragraph is put inside an unbreakable block instead. With `only`, just
 * that case is measured (during the layout, each case is checked as it ends).
 */
function shortCaseEnds(only?: number): { keepEnds: number[]; splitEnds: number[] } {
	const line = parseFloat(getComputedStyle(document.querySelector('.case-body p') ?? document.body).lineHeight) || 1;
	const area = document.querySelector('.pagedjs_page_content')?.getBoundingClientRect().height ?? Infinity;
	const fragments = new Map<string, HTMLElement[]>();
	for (const article of document.querySelectorAll<HTMLElement>('.pagedjs_page article.case')) {
		const ref = article.dataset.ref ?? '';
		fragments.set(ref, [...(fragments.get(ref) ?? []), article]);
	}
	const height = (elements: Element[]) => {
		const boxes = elements.map((el) => el.getBoundingClientRect());
		return boxes.length ? Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top)) : 0;
	};
	const keepEnds: number[] = [];
	const splitEnds: number[] = [];
	[...fragments.values()].forEach((parts, index) => {
		if (only !== undefined && index !== only) return;
		const last = parts.at(-1)!;
		const end = last.querySelector('.case-end');
		if (parts.length < 2 || end?.classList.contains('long')) return;
		const bodyLines = Math.round(height([...last.querySelectorAll('.case-body > *')]) / line);
		if (bodyLines >= 3) return;
		// The last paragraph, wherever Paged.js split it, plus the figures and source line.
		const lastParagraph = [...document.querySelectorAll<HTMLElement>('.pagedjs_page article.case')]
			.filter((a) => a.dataset.ref === last.dataset.ref)
			.flatMap((a) => {
				const child = a.querySelector('.case-body')?.lastElementChild;
				return child ? [child] : [];
			});
		const refOfLast = lastParagraph.at(-1)?.getAttribute('data-ref');
		const paragraphHeight = lastParagraph
			.filter((p) => p.getAttribute('data-ref') === refOfLast)
			.reduce((sum, p) => sum + p.getBoundingClientRect().height, 0);
		const endHeight = [...document.querySelectorAll('.pagedjs_page .case-end')]
			.filter((e) => e.closest('article')?.getAttribute('data-ref') === last.dataset.ref)
			.reduce((sum, e) => sum + e.getBoundingClientRect().height, 0);
		// Too much to move together: let the figures table start under the text and run on
		// (its header repeats), so it does not fill a page of its own.
		if (paragraphHeight + endHeight + line < area) keepEnds.push(index);
		else if (end?.querySelector('table')) splitEnds.push(index);
	});
	return { keepEnds, splitEnds };
}

/** What the layout rules change in an issue's layout, during the layout or in a second one. */
export interface LayoutAdjustments {
	/** Tighter first page, so the table of contents stays on it. */
	compact: boolean;
	/** Cases whose last paragraph starts a new page. */
	keepEnds: number[];
	/** Cases whose figures table may break across pages. */
	splitEnds: number[];
}

function applyEndAdjustments({ keepEnds, splitEnds }: { keepEnds: number[]; splitEnds: number[] }): void {
	const articles = document.querySelectorAll('article.case');
	for (const index of keepEnds) articles[index]?.querySelector('.case-body')?.lastElementChild?.classList.add('keep-with-end');
	for (const index of splitEnds) articles[index]?.querySelector('.case-end')?.classList.add('long');
}

/**
 * Set tighter when the table of contents would spill a few lines onto page 2: masthead,
 * 编者按 and contents at a smaller leading, so the contents stay on the masthead page.
 */
export const COMPACT_FIRST_PAGE_CSS = `
.masthead { margin-bottom: calc(var(--line) * 0.5); }
.mh-series { margin-top: 2mm; margin-bottom: 2mm; }
.editors-note, .toc { line-height: calc(var(--line) * 0.82); margin-bottom: calc(var(--line) * 0.5); }
.toc-heading { line-height: calc(var(--line) * 0.82); }
`;

/**
 * The init script that gives the print page the layout rules (window.__compendiumLayout),
 * for Paged.js to apply while it lays out (rewinding-layout.ts); `checkContents` is off in
 * a yearly volume, where the issue's contents are hidden.
 */
function layoutRulesScript(checkContents: boolean): string {
	const outcome: InlineOutcome = { compact: false, keepEnds: [], splitEnds: [], contentsChecked: !checkContents, casesChecked: [], pagesRedone: 0 };
	return `window.__compendiumLayout = {
	contentsOnFirstPage: ${contentsOnFirstPage.toString()},
	shortCaseEnds: ${shortCaseEnds.toString()},
	compactCss: ${JSON.stringify(COMPACT_FIRST_PAGE_CSS)},
	enabled: true,
	outcome: ${JSON.stringify(outcome)},
	layout: ${rewindingLayout.toString()},
	rewindTo: ${rewindTo.toString()},
};`;
}

/** Paged.js's console messages when it stops laying out (the content after that point is lost). */
const PAGED_LAYOUT_FAILURE = /^(Layout repeated|Unable to layout item)/;

/** The element a Paged.js layout failure names, by tag and the start of its text. */
async function describeLayoutFailure(message: ConsoleMessage): Promise<string> {
	const described = await Promise.all(
		message
			.args()
			.slice(1)
			.map((arg) =>
				arg
					.evaluate((node) => {
						const element = node instanceof Element ? node : node instanceof Node ? node.parentElement : null;
						return element
							? `<${element.tagName.toLowerCase()}${element.className ? ` class="${element.className}"` : ''}> “${(element.textContent ?? '').trim().slice(0, 30)}…”`
							: '';
					})
					.catch(() => ''),
			),
	);
	return described.filter(Boolean).join(', ') || message.text();
}

async function printOne(
	newPage: () => Promise<Page>,
	url: string,
	base: string,
	outFile: string,
	timeoutMs: number,
	adjust?: LayoutAdjustments,
	firstPage?: number,
	rulesDuringLayout = true,
): Promise<{ pages: number; bytes: number; adjustments: LayoutAdjustments; retry?: LayoutAdjustments; failed?: string }> {
	const page = await newPage();
	// Paginate with the print media rules Chromium will print with.
	await page.emulateMedia({ media: 'print' });
	const started = performance.now();
	const lap = (phase: string) => {
		if (process.env.COMPENDIUM_PDF_DEBUG) console.log(`    ${url} ${phase} ${((performance.now() - started) / 1000).toFixed(2)} s`);
	};
	try {
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		// Paged.js gives up on content it cannot place with a console message only, and ends the issue there.
		const layoutFailures: Promise<string>[] = [];
		page.on('console', (message) => {
			if (PAGED_LAYOUT_FAILURE.test(message.text())) layoutFailures.push(describeLayoutFailure(message));
		});
		const response = await page.goto(url, { waitUntil: 'load' });
		if (!response?.ok()) throw new Error(`${url}: the print page answered ${response?.status() ?? 'nothing'}`);
		lap('loaded');
		const meta = parsePrintMeta(await page.locator(`#${PRINT_META_ID}`).textContent(), url);
		// The print faces are declared here, not in the published page: their files are served
		// to the printer only (printAssetMount), so the site links nothing it does not publish.
		// Paged.js is told to leave them alone (data-pagedjs-ignore): it would parse their 300
		// rules (316 KB, a sixth of a layout pass) and declare every face a second time, for
		// nothing, as they hold no paged-media CSS.
		await page.evaluate(
			(css) => {
				const style = document.createElement('style');
				style.setAttribute('data-pagedjs-ignore', '');
				style.textContent = css;
				document.head.append(style);
			},
			printFontCss(meta.language === 'zh-Hant' ? 'hant' : 'hans', base, fontsourceCss()),
		);
		if (meta.quotes === 'corner') await page.evaluate(cornerQuotesInPage);
		if (adjust?.compact) await page.addStyleTag({ content: COMPACT_FIRST_PAGE_CSS });
		// In a yearly volume the volume's contents replace the issue's own.
		if (firstPage !== undefined) await page.addStyleTag({ content: '.toc { display: none !important; }' });
		if (adjust?.keepEnds.length || adjust?.splitEnds.length) {
			await page.addStyleTag({ content: '.keep-with-end { break-before: page; }' });
			await page.evaluate(applyEndAdjustments, { keepEnds: adjust.keepEnds, splitEnds: adjust.splitEnds });
		}
		if (adjust || !rulesDuringLayout)
			await page.evaluate(() => void ((window as unknown as { __compendiumLayout: { enabled: boolean } }).__compendiumLayout.enabled = false));
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
		if (layoutFailures.length) {
			throw new Error(printMessages.layoutFailed(url, (await Promise.all(layoutFailures)).join('; ')));
		}
		await page.evaluate(() => document.fonts.ready.then(() => undefined));
		lap('fonts settled');
		const unloadable = await unloadableFaces(page);
		if (unloadable.length) throw new MissingPrintFontsError(missingFontsMessage(unloadable));
		const overflowing = await page.evaluate(overflowingPages);
		if (overflowing.length) {
			throw new Error(printMessages.contentCutOff(url, overflowing.join(', ')));
		}
		// The layout rules (contents on the masthead page, no case ending with a line or two on
		// a page of their own) were applied during the layout where they could be
		// (rewinding-layout.ts). What was not checked there is checked now: if a rule is
		// broken, the issue is laid out once more with every fix.
		let adjustments = adjust ?? { compact: false, keepEnds: [], splitEnds: [] };
		if (!adjust) {
			const inline = await page.evaluate(() => (window as unknown as { __compendiumLayout: { outcome: InlineOutcome } }).__compendiumLayout.outcome);
			lap(`adjusted during the layout: ${JSON.stringify(inline)}`);
			if (inline.failed) return { pages: 0, bytes: 0, adjustments, failed: inline.failed };
			const byIndex = (a: number, b: number) => a - b;
			adjustments = { compact: inline.compact, keepEnds: [...inline.keepEnds].sort(byIndex), splitEnds: [...inline.splitEnds].sort(byIndex) };
			const after = await page.evaluate(shortCaseEnds, undefined);
			const unchecked = (index: number) => !inline.casesChecked.includes(index);
			const left = {
				compact: firstPage === undefined && !inline.contentsChecked && !(await page.evaluate(contentsOnFirstPage)),
				keepEnds: after.keepEnds.filter(unchecked),
				splitEnds: after.splitEnds.filter(unchecked),
			};
			if (left.compact || left.keepEnds.length || left.splitEnds.length) {
				const retry = {
					compact: inline.compact || left.compact,
					keepEnds: [...inline.keepEnds, ...left.keepEnds].sort(byIndex),
					splitEnds: [...inline.splitEnds, ...left.splitEnds].sort(byIndex),
				};
				lap(`laid out again: ${JSON.stringify(retry)}`);
				return { pages: 0, bytes: 0, adjustments: retry, retry };
			}
		}
		await page.evaluate(pushRecordBlockDown);
		// Folios run on from the volume's previous issue (the page counter Paged.js's margin boxes show).
		if (firstPage !== undefined && firstPage !== 1) {
			await page.addStyleTag({
				content: `.pagedjs_pages > .pagedjs_page:first-child { --pagedjs-page-counter-increment: ${firstPage} !important; }`,
			});
		}
		const indexes = await page.evaluate(
			anchorPages,
			meta.cases.map((c) => c.anchor),
		);
		const outline: OutlineEntry[] = meta.cases.map((c, i) => {
			if (indexes[i] === -1) throw new Error(printMessages.caseNotPrinted(url, c.anchor, c.title));
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
		return { pages, bytes: bytes.length, adjustments };
	} finally {
		await page.close();
	}
}

/** A browser and a local server ready to print issues of one built site, one job at a time or several at once. */
export interface Printer {
	/** Prints one issue in one script (laying it out again when a layout rule was broken). */
	print(issueId: string, script: Script): Promise<PrintResult>;
	/** Back at the normal CPU priority, for a printer opened in the background. */
	foreground(): void;
	close(): Promise<void>;
}

/**
 * Opens a Chromium and serves `siteDir` (with the print fonts beside it) for printing its
 * issues. Throws NoBrowserError when no Chromium is installed.
 */
export async function openPrinter(
	options: Omit<PrintOptions, 'issueIds' | 'scripts' | 'only' | 'concurrency' | 'onProgress'> & {
		/** Beside work that must not wait for the printing (Astro's pages): the browser runs at idle priority until `foreground()`. */
		background?: boolean;
	},
): Promise<Printer> {
	const siteDir = path.resolve(options.siteDir);
	if (!findChromium()) throw new NoBrowserError(`No Chromium to print PDFs with. ${HOW_TO_GET_CHROMIUM}`);
	const timeoutMs = options.timeoutMs ?? 180_000;
	const server = await serveStatic(siteDir, { base: options.base, mounts: [printAssetMount(options.base)] });
	let browser: Browser | undefined;
	try {
		const { chromium } = await import('playwright-core');
		// Unhinted glyph advances on screen, where Paged.js measures, match those in print.
		const before = options.background ? ownChildren() : [];
		browser = await chromium.launch({ executablePath: findChromium()!, args: [...CHROMIUM_ARGS, '--font-render-hinting=none'] });
		// The browser is the child of this process that the launch added.
		const browserPid = options.background ? ownChildren().find((pid) => !before.includes(pid)) : undefined;
		if (browserPid !== undefined) setIdlePriority(browserPid, true);
		const context = await browser.newContext();
		await context.addInitScript(() => {
			(window as unknown as { PagedConfig: object }).PagedConfig = {
				auto: true,
				// Paged.js loads every declared face before laying out: with Noto Serif split into
				// ~300 unicode-range files that is 14 MB per page. Instead it loads the whole faces
				// and the chunks the unpaginated page needed; margin boxes load theirs later, and
				// fonts are settled again before printing.
				before: async () => {
					// Paged.js lays out one page per animation frame. Headless Chromium hands out frames
					// to one page at a time when two print together: the other page's layout then waited
					// for frames, not for CPU (an issue's simplified PDF laid out in 4 s beside the
					// traditional one, 1.1 s alone). Each layout step measures the DOM itself, so
					// running the next page as soon as the last is done gives the same pages.
					const queue = (window as unknown as { PagedPolyfill?: { chunker?: { q?: { tick: (next: () => void) => void } } } }).PagedPolyfill?.chunker
						?.q;
					if (queue) {
						const channel = new MessageChannel();
						const waiting: (() => void)[] = [];
						channel.port1.onmessage = () => waiting.shift()?.();
						queue.tick = (next) => {
							waiting.push(next);
							channel.port2.postMessage(undefined);
						};
					}
					// A table split over pages repeats its header row: when Paged.js rebuilds a table on
					// a new page, a copy of the source table's <thead> goes in before the first row.
					const pagedApi = (
						window as unknown as { Paged: { Handler: new (...args: unknown[]) => object; registerHandlers: (...h: unknown[]) => void } }
					).Paged;
					pagedApi.registerHandlers(
						class extends pagedApi.Handler {
							/**
							 * Paged.js marks the element after a `break-after: avoid` element, even when the
							 * avoiding one ends its parent (a heading that ends a case body) and the next is
							 * outside it (the case end). When that next element overflows, Paged.js breaks
							 * before the parent instead: on a page the parent already runs onto, the break
							 * falls where the page starts, Paged.js sees the layout repeat and stops, and
							 * the rest of the issue is silently dropped. Keep with next between siblings only.
							 */
							afterParsed(parsed: DocumentFragment) {
								for (const element of parsed.querySelectorAll<HTMLElement>('[data-previous-break-after="avoid"]')) {
									let before = element.previousElementSibling;
									while (before instanceof HTMLElement && before.dataset.undisplayed) before = before.previousElementSibling;
									if (!(before instanceof HTMLElement && before.dataset.breakAfter === 'avoid')) element.removeAttribute('data-previous-break-after');
								}
							}
							renderNode(clone: Node, node: Node) {
								const element = clone.nodeType === 1 ? (clone as Element) : clone.parentElement;
								const table = element?.closest('table[data-split-from]');
								const source = (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest('table');
								const head = source?.querySelector(':scope > thead');
								if (!table || !head || head.contains(node) || table.querySelector(':scope > thead')) return;
								const copy = head.cloneNode(true) as Element;
								for (const el of [copy, ...copy.querySelectorAll('[data-ref]')]) el.removeAttribute('data-ref');
								copy.setAttribute('data-repeated-header', '');
								table.insertBefore(copy, table.querySelector(':scope > tbody') ?? table.firstChild);
							}
						},
					);
					// The layout rules are applied while Paged.js lays out (rewinding-layout.ts).
					const rules = (window as unknown as { __compendiumLayout?: { layout: unknown } }).__compendiumLayout;
					if (rules) (pagedApi as unknown as { Chunker: { prototype: { layout: unknown } } }).Chunker.prototype.layout = rules.layout;
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
		await context.addInitScript({ content: layoutRulesScript(options.firstPage === undefined) });
		// A page takes a few tenths of a second to open (a renderer process starts): the first
		// issue's two scripts get pages opened now, while the caller still works out what to print.
		const spares = Array.from({ length: 2 }, () => context.newPage().catch(() => undefined));
		const takePage = async () => (await spares.shift()) ?? context.newPage();
		const origin = new URL(server.url).origin;
		const opened = browser;
		return {
			async print(issueId, script) {
				const started = performance.now();
				const url = origin + pagePath(options.base, script, { kind: 'issuePrint', id: issueId });
				const file = options.outFile?.(issueId, script) ?? pdfFile(siteDir, issueId, script);
				const duringLayout = options.rulesDuringLayout ?? true;
				let printed = await printOne(takePage, url, options.base, file, timeoutMs, undefined, options.firstPage, duringLayout);
				// Should applying the rules during the layout ever fail, they are applied after it.
				if (printed.failed) printed = await printOne(takePage, url, options.base, file, timeoutMs, undefined, options.firstPage, false);
				const layouts = printed.retry ? 2 : 1;
				if (printed.retry) printed = await printOne(takePage, url, options.base, file, timeoutMs, printed.retry, options.firstPage);
				return {
					issueId,
					script,
					file,
					pages: printed.pages,
					bytes: printed.bytes,
					seconds: (performance.now() - started) / 1000,
					layouts,
					adjustments: printed.adjustments,
				};
			},
			foreground() {
				if (browserPid !== undefined) setIdlePriority(browserPid, false);
			},
			async close() {
				await opened.close().catch(() => {});
				await server.close();
			},
		};
	} catch (error) {
		await browser?.close().catch(() => {});
		await server.close();
		throw error;
	}
}

/**
 * Prints every selected issue in every script. Throws NoBrowserError when no Chromium
 * is installed, and a plain Error naming the issue when one cannot be printed.
 */
export async function printIssues(
	options: PrintOptions & {
		/** A printer opened beforehand for this site, e.g. while the caller worked out what to print; the caller closes it. */
		printer?: Promise<Printer>;
	},
): Promise<PrintResult[]> {
	const siteDir = path.resolve(options.siteDir);
	const issues = selectIssues(siteDir, options.issueIds);
	const scripts = options.scripts ?? SCRIPTS;
	if (issues.length === 0) return [];

	// A site built in one script only (COMPENDIUM_SCRIPTS) has print pages in that script only.
	const jobs = issues.flatMap((issueId) =>
		scripts
			.filter((script) => existsSync(printPageFile(siteDir, issueId, script)) && (options.only?.(issueId, script) ?? true))
			.map((script) => ({ issueId, script })),
	);
	if (jobs.length === 0) return [];
	const concurrency = Math.max(1, Math.min(options.concurrency ?? Math.min(2, availableParallelism()), jobs.length));
	const printer = (await options.printer) ?? (await openPrinter({ ...options, siteDir }));
	const results: PrintResult[] = [];
	try {
		let next = 0;
		const worker = async () => {
			while (next < jobs.length) {
				const { issueId, script } = jobs[next++]!;
				try {
					const result = await printer.print(issueId, script);
					results.push(result);
					options.onProgress?.(progressLine(siteDir, result));
				} catch (error) {
					next = jobs.length;
					throw printFailed(issueId, script, error);
				}
			}
		};
		await Promise.all(Array.from({ length: concurrency }, worker));
	} finally {
		if (!options.printer) await printer.close();
	}
	const order = (r: PrintResult) => jobs.findIndex((j) => j.issueId === r.issueId && j.script === r.script);
	return results.sort((a, b) => order(a) - order(b));
}

/** The progress line of one PDF written. */
export function progressLine(siteDir: string, { issueId, script, file, pages, bytes, seconds }: PrintResult): string {
	return `${issueId} (${SCRIPT_SEGMENT[script]}): ${path.relative(siteDir, file)}, ${pages} pages, ${(bytes / 1024).toFixed(0)} KB, ${seconds.toFixed(1)} s`;
}

/** The error of an issue that could not be printed, naming it. */
export function printFailed(issueId: string, script: Script, error: unknown): Error {
	return new Error(`Printing issue "${issueId}" (${SCRIPT_SEGMENT[script]}) failed: ${error instanceof Error ? error.message : String(error)}`, {
		cause: error,
	});
}

/**
 * Prints a plain page of the built site (no Paged.js: no folios, no running heads) with the
 * print fonts, e.g. the cover and contents of a yearly volume.
 */
export async function printPlainPage(siteDir: string, base: string, pagePathname: string, outFile: string, script: Script): Promise<number> {
	if (!findChromium()) throw new NoBrowserError(`No Chromium to print PDFs with. ${HOW_TO_GET_CHROMIUM}`);
	const server = await serveStatic(siteDir, { base, mounts: [printAssetMount(base)] });
	const { chromium } = await import('playwright-core');
	const browser = await chromium.launch({ executablePath: findChromium()!, args: [...CHROMIUM_ARGS, '--font-render-hinting=none'] });
	try {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.emulateMedia({ media: 'print' });
		const response = await page.goto(new URL(server.url).origin + pagePathname, { waitUntil: 'load' });
		if (!response?.ok()) throw new Error(`${pagePathname}: answered ${response?.status() ?? 'nothing'}`);
		await page.addStyleTag({ content: printFontCss(script, base, fontsourceCss()) });
		await page.evaluate(() => Promise.all([...document.fonts].map((f) => f.load().catch(() => f))).then(() => document.fonts.ready));
		const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
		mkdirSync(path.dirname(outFile), { recursive: true });
		writeFileSync(outFile, bytes);
		return (await (await import('pdf-lib')).PDFDocument.load(bytes)).getPageCount();
	} finally {
		await browser.close().catch(() => {});
		await server.close();
	}
}
