/**
 * Finishes the PDF Chromium wrote: one bookmark per case pointing at the page its title
 * is on, the document title and language, and a viewer that opens on the bookmarks.
 * Chromium's own outline follows every heading level; the compendium wants exactly one
 * entry per case, in issue order, so it is written here from the laid-out pages.
 */
import { makePdfReproducible } from './reproducible-pdf.ts';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, type PDFRef } from 'pdf-lib';

/** One bookmark of the outline (a case, or in a volume also an issue): its title and the page it opens. */
export interface OutlineEntry {
	title: string;
	/** Zero-based index of the page the entry points to. */
	pageIndex: number;
}

/** The document information written into the PDF; only the title and language are required. */
export interface PdfInfo {
	title: string;
	/** BCP 47 language of the text, e.g. zh-Hans. */
	language: string;
	author?: string;
	subject?: string;
	keywords?: string[];
	creator?: string;
}

/** Replaces the document outline with `entries`, one flat level, in the order given. */
export function writeOutline(doc: PDFDocument, entries: readonly OutlineEntry[]): void {
	const pages = doc.getPages();
	const context = doc.context;
	if (entries.length === 0) {
		doc.catalog.delete(PDFName.of('Outlines'));
		return;
	}
	const rootRef = context.nextRef();
	const itemRefs: PDFRef[] = entries.map(() => context.nextRef());
	entries.forEach((entry, i) => {
		const page = pages[entry.pageIndex];
		if (!page) {
			throw new RangeError(`outline entry "${entry.title}" points to page ${entry.pageIndex + 1}, but the PDF has ${pages.length} pages`);
		}
		const { height } = page.getSize();
		const item = context.obj({
			Title: PDFHexString.fromText(entry.title),
			Parent: rootRef,
			Dest: context.obj([page.ref, PDFName.of('XYZ'), PDFNumber.of(0), PDFNumber.of(height), PDFNull]),
		}) as PDFDict;
		if (i > 0) item.set(PDFName.of('Prev'), itemRefs[i - 1]!);
		if (i < entries.length - 1) item.set(PDFName.of('Next'), itemRefs[i + 1]!);
		context.assign(itemRefs[i]!, item);
	});
	context.assign(
		rootRef,
		context.obj({
			Type: 'Outlines',
			First: itemRefs[0]!,
			Last: itemRefs.at(-1)!,
			Count: PDFNumber.of(entries.length),
		}),
	);
	doc.catalog.set(PDFName.of('Outlines'), rootRef);
	doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Sets title, language and the other document information. */
export function writeInfo(doc: PDFDocument, info: PdfInfo): void {
	doc.setTitle(info.title, { showInWindowTitleBar: true });
	doc.setLanguage(info.language);
	if (info.author) doc.setAuthor(info.author);
	if (info.subject) doc.setSubject(info.subject);
	if (info.keywords?.length) doc.setKeywords(info.keywords);
	if (info.creator) doc.setCreator(info.creator);
}

/**
 * Loads Chromium's PDF, writes outline and information, and returns the new bytes. The
 * print time Chromium stamps is replaced by `date` and its run-dependent structure ids
 * renumbered, so the same issue always prints to the same bytes.
 */
export async function finishPdf(bytes: Uint8Array, outline: readonly OutlineEntry[], info: PdfInfo, date: Date): Promise<Uint8Array> {
	const doc = await PDFDocument.load(bytes, { updateMetadata: false });
	writeOutline(doc, outline);
	writeInfo(doc, info);
	makePdfReproducible(doc, date);
	return doc.save();
}

/** The outline of a PDF as [title, zero-based page index] pairs, for tests and checks. */
export function readOutline(doc: PDFDocument): OutlineEntry[] {
	const refs = doc.getPages().map((p) => p.ref.toString());
	const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
	const entries: OutlineEntry[] = [];
	let ref = outlines?.get(PDFName.of('First'));
	while (ref) {
		const item = doc.context.lookup(ref, PDFDict);
		const title = item.lookup(PDFName.of('Title'));
		const dest = item.lookup(PDFName.of('Dest'));
		const target = dest instanceof PDFArray ? dest.get(0)?.toString() : undefined;
		entries.push({
			title: title instanceof PDFHexString ? title.decodeText() : String(title),
			pageIndex: target ? refs.indexOf(target) : -1,
		});
		ref = item.get(PDFName.of('Next'));
	}
	return entries;
}
