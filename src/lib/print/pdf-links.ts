/**
 * Keeps issue pages from linking PDFs that were not made. Issue pages always render
 * their download links (the build cannot know yet whether a browser will print); after
 * printing, every link to a PDF that is not in the built site is taken out, and a
 * downloads section left empty goes with it. Works on the HTML Astro writes.
 */

const SECTION = /<section\b[^>]*\bdata-pdf-downloads\b[^>]*>[\s\S]*?<\/section>/g;
const ITEM = /<li\b[^>]*>[\s\S]*?<\/li>/g;
const PDF_HREF = /<a\b[^>]*\bhref="([^"]+\.pdf)"/;

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

/** The PDF hrefs a page links from its downloads section, in order. */
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
