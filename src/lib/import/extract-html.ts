/**
 * A web page saved from a browser → blocks and publication facts. The page's own meta
 * tags (政府网站 pages carry ArticleTitle, PubDate, ContentSource) are read first, then
 * Readability isolates the article; when it finds none the whole body is used and the
 * debris rules do the rest.
 */
import iconv from 'iconv-lite';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { blocksFromDom, locateBlocksInSource } from './html-blocks.ts';
import { countHan, normalizeSpaces } from './cjk.ts';
import { decodeText } from './decode.ts';
import { parseDate } from './dates.ts';
import { mergeFacts, parseFactLine } from './debris.ts';
import { importMessages as m } from '../i18n/messages/index.ts';
import { ImportInputError, type Block, type ExtractedDocument, type SourceFacts } from './types.ts';

/** Decodes HTML bytes, honouring a declared charset (gb2312 and gbk are read as GB18030). */
export function decodeHtml(bytes: Uint8Array, forced?: string): { text: string; encoding: string } {
	if (forced) return decodeText(bytes, forced);
	const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
	const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
	if (declared && !/^utf-?8$/.test(declared)) {
		const name = /^(gb2312|gbk|gb_2312-80|x-gbk|gb18030)$/.test(declared) ? 'gb18030' : declared;
		if (iconv.encodingExists(name)) {
			const text = iconv.decode(Buffer.from(bytes), name);
			return { text, encoding: name === 'gb18030' ? 'GB18030' : name.toUpperCase() };
		}
	}
	return decodeText(bytes);
}

/** Reads a saved web page into blocks and publication facts; a page cut off before its end is refused. */
export function extractHtml(html: string, encoding: string): ExtractedDocument {
	if (/<html[\s>]/i.test(html) && !/<\/(?:html|body)\s*>/i.test(html)) {
		throw new ImportInputError(m.expectedCompleteHtml(), m.foundCutHtml(), m.resaveHtml());
	}
	const dom = new JSDOM(html, { contentType: 'text/html', virtualConsole: new VirtualConsole() });
	const document = dom.window.document;
	const facts = readPageFacts(document, html);

	const body = document.body;
	const bodyText = body?.textContent ?? '';
	const bodyHan = countHan(bodyText);
	// Readability drops the 发布时间/来源 line that sits above most articles: read it first.
	for (const line of bodyText.split(/\n|\u3000{2,}| {3,}/)) {
		const lineFacts = parseFactLine(normalizeSpaces(line));
		if (lineFacts) mergeFacts(facts, lineFacts);
	}
	const article = new Readability<Node>(document.cloneNode(true) as Document, {
		charThreshold: 100,
		serializer: (node) => node,
	}).parse();
	const warnings: ExtractedDocument['warnings'] = [];
	let root: Node | null = body;
	const articleHan = countHan(article?.textContent ?? '');
	// Readability sometimes picks a sidebar on short pages; only trust it when it kept most of the text.
	if (article?.content && articleHan >= 40 && articleHan >= bodyHan * 0.3) {
		root = article.content;
		facts.title ??= cleanPageTitle(article.title ?? undefined);
		if (article.publishedTime) facts.date ??= parseDate(article.publishedTime);
		if (article.siteName) facts.siteName ??= normalizeSpaces(article.siteName);
	} else {
		facts.title ??= cleanPageTitle(document.title);
		if (bodyHan > 0) warnings.push({ message: m.noArticle() });
	}
	const blocks = root ? blocksFromDom(root) : [];
	const title = facts.title;
	if (title && !blocks.slice(0, 3).some((b) => normalizeSpaces(b.text) === title)) {
		blocks.unshift({ text: title, line: 1, kind: 'heading', level: 1 });
	}
	locateBlocksInSource(blocks, html);
	return { blocks: dedupeAdjacent(blocks), facts, format: 'html', encoding, locationKind: 'line', warnings };
}

/** Facts from meta tags, the canonical link and the "saved from url" comment browsers add. */
function readPageFacts(document: Document, html: string): SourceFacts {
	const meta = (name: string): string | undefined => {
		const el = document.querySelector(`meta[name="${name}" i], meta[property="${name}" i]`);
		const value = el?.getAttribute('content');
		return value ? normalizeSpaces(value) || undefined : undefined;
	};
	const facts: SourceFacts = {};
	const title = meta('ArticleTitle') ?? document.querySelector('h1')?.textContent ?? meta('og:title');
	if (title && countHan(title) > 0) facts.title = cleanPageTitle(title);
	const date = meta('PubDate') ?? meta('article:published_time') ?? meta('publishdate') ?? meta('Date');
	if (date) facts.date = parseDate(date);
	const source = meta('ContentSource') ?? meta('source');
	if (source) facts.publisher = source;
	const site = meta('SiteName') ?? meta('og:site_name');
	if (site) facts.siteName = site;
	const author = meta('author');
	if (author) facts.author = author;
	const url =
		document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
		meta('og:url') ??
		/<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html)?.[1];
	if (url && /^https?:\/\//i.test(url)) facts.url = url;
	for (const key of Object.keys(facts) as Array<keyof SourceFacts>) if (facts[key] === undefined) delete facts[key];
	return facts;
}

/** "某某做法_政务公开_某市人民政府" → "某某做法": drops the site suffixes page titles carry. */
export function cleanPageTitle(title: string | undefined): string | undefined {
	if (!title) return undefined;
	let cleaned = normalizeSpaces(title);
	const parts = cleaned.split(/\s*(?:_|\s[-–—|｜]\s|｜)\s*/u);
	if (parts.length > 1) {
		// The headline comes first and the site's names after it, unless the headline is too short to be one.
		const first = parts[0] as string;
		const longest = parts.reduce((a, b) => (countHan(b) > countHan(a) ? b : a));
		cleaned = countHan(first) >= 4 ? first : countHan(longest) >= 4 ? longest : cleaned;
	}
	return cleaned || undefined;
}

function dedupeAdjacent(blocks: Block[]): Block[] {
	return blocks.filter((b, i) => i === 0 || b.text !== blocks[i - 1]?.text);
}
