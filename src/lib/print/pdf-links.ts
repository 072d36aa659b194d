/**
 * Keeps issue pages from linking PDFs and Word files that were not made, and tells
 * readers what each download is. Issue pages always render their download links (the
 * build cannot know yet whether a browser will print); after printing, every link to a
 * file that is not in the built site is taken out, a downloads section left empty goes
 * with it, and each remaining link gets its format, page count and size
 * ("PDF · 10页 · 380 KB"). Works on the HTML Astro writes.
 */

const SECTION = /<section\b[^>]*\bdata-pdf-downloads\b[^>]*>[\s\S]*?<\/section>/g;
const ITEM = /<li\b[^>]*>[\s\S]*?<\/li>/g;
const PDF_HREF = /<a\b[^>]*\bhref="([^"]+\.(?:pdf|docx))"/;
const INFO = /(<span\b[^>]*\bdata-download-info\b[^>]*>)[\s\S]*?(<\/span>)/;

/** What a download link says about its file. */
export interface DownloadInfo {
	format: 'PDF' | 'Word';
	pages: number;
	bytes: number;
	/** The page count is the PDF's, and the Word file's may differ a little. */
	approximate?: boolean;
}

/** "PDF · 10页 · 380 KB", "Word · 约10页 · 45 KB" (頁 in traditional pages). */
export function formatDownloadInfo(info: DownloadInfo, traditional = false): string {
	const size = info.bytes >= 1024 * 1024 ? `${(info.bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(info.bytes / 1024))} KB`;
	const about = info.approximate ? (traditional ? '約' : '约') : '';
	return `${info.format} · ${about}${info.pages}${traditional ? '頁' : '页'} · ${size}`;
}

/** Fills each download link's info span from `describe(href)`; links it cannot describe keep theirs. */
export function describeDownloads(html: string, describe: (href: string) => string | undefined): string {
	return html.replace(SECTION, (section) =>
		section.replace(ITEM, (item) => {
			const href = PDF_HREF.exec(item)?.[1];
			const text = href === undefined ? undefined : describe(href);
			return text === undefined ? item : item.replace(INFO, (_, open: string, close: string) => `${open}${text}${close}`);
		}),
	);
}

/**
 * `html` without the download links whose PDF `exists` says is missing. Returns the
 * same string when nothing changes, so callers can skip rewriting the file.
 */
export function pruneMissingPdfLinks(html: string, exists: (href: string) => boolean): string {
	return html.replace(SECTION, (section) => {
		let kept = 0;
		const pruned = section.replace(ITEM, (item) => {
			const href = PDF_HREF.exec(item)?.[1];
			if (href === undefined || exists(href)) {
				kept++;
				return item;
			}
			return '';
		});
		return kept === 0 ? '' : pruned;
	});
}

/** The PDF and Word hrefs a page links from its downloads section, in order. */
export function pdfLinks(html: string): string[] {
	const hrefs: string[] = [];
	for (const section of html.match(SECTION) ?? []) {
		for (const item of section.match(ITEM) ?? []) {
			const href = PDF_HREF.exec(item)?.[1];
			if (href !== undefined) hrefs.push(href);
		}
	}
	return hrefs;
}
