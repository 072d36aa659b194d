/**
 * Makes a PDF Chromium printed depend on its content only, so two builds publish the
 * same bytes. Chromium stamps the print time as CreationDate and ModDate, and names
 * tagged table cells after renderer DOM node numbers (/ID (node00000542)), which shift
 * from run to run. Dates become one the caller derives from the content (an issue's
 * date); structure ids are renumbered in structure-tree order.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

const ID = PDFName.of('ID');
const K = PDFName.of('K');
const A = PDFName.of('A');
const HEADERS = PDFName.of('Headers');
const ID_TREE = PDFName.of('IDTree');
const KIDS = PDFName.of('Kids');
const NAMES = PDFName.of('Names');
const LIMITS = PDFName.of('Limits');

/** A structure element's dictionary, with its reference when it is an indirect object (only those can go in the IDTree). */
export interface StructureElement {
	ref?: PDFRef;
	dict: PDFDict;
}

function textOf(value: PDFObject | undefined): string | undefined {
	if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
	return undefined;
}

/** Structure elements in document order (depth first from StructTreeRoot /K). */
export function structureElements(doc: PDFDocument): StructureElement[] {
	const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
	if (!root) return [];
	const found: StructureElement[] = [];
	const seen = new Set<PDFDict>();
	const visit = (node: PDFObject | undefined, ref?: PDFRef) => {
		if (node instanceof PDFRef) return visit(doc.context.lookup(node), node);
		if (node instanceof PDFArray) {
			for (let i = 0; i < node.size(); i++) visit(node.get(i));
			return;
		}
		if (!(node instanceof PDFDict) || seen.has(node)) return;
		// Marked-content and object references (/Type /MCR, /OBJR) are leaves, not elements.
		if (!node.has(PDFName.of('S'))) return;
		seen.add(node);
		found.push(ref ? { ref, dict: node } : { dict: node });
		visit(node.get(K));
	};
	visit(root.get(K));
	return found;
}

function renameHeaders(attributes: PDFObject | undefined, renamed: ReadonlyMap<string, string>, doc: PDFDocument) {
	const resolved = attributes instanceof PDFRef ? doc.context.lookup(attributes) : attributes;
	if (resolved instanceof PDFArray) {
		for (let i = 0; i < resolved.size(); i++) renameHeaders(resolved.get(i), renamed, doc);
		return;
	}
	if (!(resolved instanceof PDFDict)) return;
	const headers = resolved.lookupMaybe(HEADERS, PDFArray);
	if (!headers) return;
	for (let i = 0; i < headers.size(); i++) {
		const old = textOf(headers.get(i));
		const replacement = old === undefined ? undefined : renamed.get(old);
		if (replacement) headers.set(i, PDFString.of(replacement));
	}
}

/** Renumbers structure element ids (and the /Headers and /IDTree that name them) in document order. */
export function renumberStructureIds(doc: PDFDocument): number {
	const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
	if (!root) return 0;
	const elements = structureElements(doc);
	const renamed = new Map<string, string>();
	const named: { id: string; element: StructureElement }[] = [];
	for (const element of elements) {
		const old = textOf(element.dict.get(ID));
		if (old === undefined) continue;
		const id = `id${String(renamed.size + 1).padStart(6, '0')}`;
		renamed.set(old, id);
		element.dict.set(ID, PDFString.of(id));
		named.push({ id, element });
	}
	for (const element of elements) renameHeaders(element.dict.get(A), renamed, doc);

	const treeRef = root.get(ID_TREE);
	if (treeRef !== undefined) {
		// The id tree maps the old names; it is rebuilt as one leaf, which the sorted new
		// names keep valid, and its old nodes are dropped so no old name is saved.
		const tree = treeRef instanceof PDFRef ? doc.context.lookupMaybe(treeRef, PDFDict) : (treeRef as PDFDict);
		const dropKids = (node: PDFDict | undefined) => {
			const kids = node?.lookupMaybe(KIDS, PDFArray);
			if (!kids) return;
			for (let i = 0; i < kids.size(); i++) {
				const kid = kids.get(i);
				if (kid instanceof PDFRef) {
					dropKids(doc.context.lookupMaybe(kid, PDFDict));
					doc.context.delete(kid);
				}
			}
		};
		dropKids(tree);
		const withRefs = named.filter((n) => n.element.ref !== undefined).sort((a, b) => (a.id < b.id ? -1 : 1));
		if (tree && withRefs.length > 0) {
			tree.delete(KIDS);
			tree.set(NAMES, doc.context.obj(withRefs.flatMap((n) => [PDFString.of(n.id), n.element.ref as PDFRef])));
			tree.delete(LIMITS);
		} else {
			root.delete(ID_TREE);
			if (treeRef instanceof PDFRef) doc.context.delete(treeRef);
		}
	}
	return renamed.size;
}

/** Fixed dates and renumbered structure ids: call after all other changes, before save(). */
export function makePdfReproducible(doc: PDFDocument, date: Date): void {
	doc.setCreationDate(date);
	doc.setModificationDate(date);
	renumberStructureIds(doc);
}
