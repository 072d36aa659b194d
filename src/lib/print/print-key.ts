/**
 * The cache key of an issue's print files (its PDFs and Word files in every script): a
 * digest of everything that goes into printing them. That is the issue's built print
 * pages byte for byte (its cases, their order, the site settings, as the page shows them),
 * every file of the built site those pages load (styles, scripts, images, fonts), and the
 * printer: the code (src/, the lock file: Paged.js, the bundled fonts, the PDF finishing),
 * the Chromium that lays the pages out and the system fonts it may fall back on.
 * Two builds with the same key print the same bytes (reproducible-pdf.ts), so an issue
 * whose key is unchanged can take its files from the previous build.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { codeFingerprint, digest, fileDigest } from '../compendium/cache-key.ts';
import { findChromium } from '../build/browser.ts';
import { withBase } from '../routes.ts';
import { SCRIPTS, type Script } from '../../schemas/script.ts';
import { SCRIPT_SEGMENT } from '../i18n/scripts.ts';
import { printPageFile } from './printer.ts';

/** The command's output, or a note that it could not run (that note then is part of the key). */
function commandOutput(command: string, args: string[]): string {
	try {
		return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 });
	} catch (error) {
		return `(${command} failed: ${error instanceof Error ? error.message : String(error)})`;
	}
}

/** What prints, besides the pages: the code, the browser's version and the installed fonts. Once per build. */
export function printerFingerprint(chromium = findChromium()): string {
	const browser = chromium ? commandOutput(chromium, ['--version']).trim() : '(no Chromium)';
	const fonts = commandOutput('fc-list', ['--format', '%{file}|%{fontversion}\n']).split('\n').sort();
	return digest(codeFingerprint(), chromium ?? null, browser, fonts);
}

/** Attribute values and CSS url()s of a page that may name a file of the site. */
function referencedPaths(html: string): string[] {
	const found: string[] = [];
	for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) found.push(match[1]!);
	for (const match of html.matchAll(/\ssrcset="([^"]*)"/g)) found.push(...match[1]!.split(',').map((item) => item.trim().split(/\s+/)[0]!));
	for (const match of html.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) found.push(match[1]!);
	return found;
}

/**
 * The built files a page loads, each with its bytes' digest, in the order first named:
 * paths under the base that are files of the built site (others, such as links to
 * elsewhere, are in the page's own bytes already).
 */
function loadedFiles(siteDir: string, base: string, html: string, digests: Map<string, string>): [string, string][] {
	const root = withBase(base);
	const files = new Map<string, string>();
	for (const reference of referencedPaths(html)) {
		const clean = reference.replace(/&amp;/g, '&').split(/[?#]/)[0]!;
		if (!clean.startsWith(root) || files.has(clean)) continue;
		let file: string;
		try {
			file = path.join(siteDir, decodeURIComponent(clean.slice(root.length)));
		} catch {
			continue; // a malformed escape in a case's link names no file of the site
		}
		const inside = path.relative(siteDir, file);
		if (inside.startsWith('..') || path.isAbsolute(inside) || !existsSync(file) || !statSync(file).isFile()) continue;
		let bytes = digests.get(file);
		if (bytes === undefined) digests.set(file, (bytes = fileDigest(file)));
		files.set(clean, bytes);
	}
	return [...files];
}

/**
 * The key of an issue's print files in a built site; undefined when it has no print page.
 * `digests` keeps the digests of loaded files (the same styles serve every issue) across calls.
 */
export function printFilesKey(
	siteDir: string,
	base: string,
	issueId: string,
	printer: string,
	digests = new Map<string, string>(),
): string | undefined {
	const pages = SCRIPTS.flatMap((script) => printedPage(siteDir, base, issueId, script, digests) ?? []);
	return pages.length ? digest(printer, base, issueId, pages) : undefined;
}

/** What printing an issue in one script reads from the built site: its print page and the files that page loads. */
function printedPage(siteDir: string, base: string, issueId: string, script: Script, digests: Map<string, string>): [unknown] | undefined {
	const file = printPageFile(siteDir, issueId, script);
	if (!existsSync(file)) return undefined;
	// The page's bytes, hashed as they are: decoding and quoting 2,000 print pages (170 MB at
	// 10,000 cases) took seconds of every rebuild, decoding alone most of a second.
	const bytes = readFileSync(file);
	const loaded = mayLoadFiles(bytes, withBase(base)) ? loadedFiles(path.resolve(siteDir), base, bytes.toString('utf8'), digests) : [];
	return [[SCRIPT_SEGMENT[script], createHash('sha256').update(bytes).digest('hex'), loaded]];
}

/**
 * Whether a page may name a file of the site (see {@link referencedPaths}): an href or src
 * whose value starts with the site's root, or any srcset or url(). A print page links only
 * its own anchors and pages elsewhere, so it is not decoded to look for files it loads.
 */
export function mayLoadFiles(bytes: Buffer, root: string): boolean {
	return bytes.includes('srcset="') || bytes.includes('url(') || bytes.includes(`href="${root}`) || bytes.includes(`src="${root}`);
}

/**
 * A digest of what printing an issue in one script reads from the built site (the part of
 * {@link printFilesKey} for that script); undefined when the page is missing. A PDF printed
 * while the site was still being built (print/alongside.ts) is the final one only if this
 * is the same then and once the build is done.
 */
export function printPageDigest(
	siteDir: string,
	base: string,
	issueId: string,
	script: Script,
	digests = new Map<string, string>(),
): string | undefined {
	const page = printedPage(siteDir, base, issueId, script, digests);
	return page ? digest(base, page[0]) : undefined;
}
