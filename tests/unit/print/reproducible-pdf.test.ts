import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { makePdfReproducible, renumberStructureIds, structureElements } from '../../../src/lib/print/reproducible-pdf.ts';

/**
 * A tagged PDF shaped like Chromium's: a table header cell named after a renderer DOM
 * node, a data cell pointing at it through /Headers, and an /IDTree indexing the name.
 */
async function chromiumLikePdf(nodeNumber: number, printedAt: Date): Promise<Uint8Array> {
	const doc = await PDFDocument.create({ updateMetadata: false });
	doc.addPage([595, 842]);
	doc.setCreationDate(printedAt);
	doc.setModificationDate(printedAt);
	const context = doc.context;
	const id = `node${String(nodeNumber).padStart(8, '0')}`;
	const rootRef = context.nextRef();
	const tableRef = context.nextRef();
	const thRef = context.nextRef();
	const tdRef = context.nextRef();
	context.assign(thRef, context.obj({ Type: 'StructElem', S: 'TH', P: tableRef, ID: PDFString.of(id) }));
	const td = context.obj({ Type: 'StructElem', S: 'TD', P: tableRef }) as PDFDict;
	td.set(PDFName.of('A'), context.obj([context.obj({ O: 'Table', Headers: [PDFString.of(id)] })]));
	context.assign(tdRef, td);
	context.assign(tableRef, context.obj({ Type: 'StructElem', S: 'Table', P: rootRef, K: [thRef, tdRef] }));
	const leafRef = context.register(context.obj({ Names: [PDFString.of(id), thRef], Limits: [PDFString.of(id), PDFString.of(id)] }));
	const treeRef = context.register(context.obj({ Kids: [leafRef] }));
	context.assign(rootRef, context.obj({ Type: 'StructTreeRoot', K: tableRef, IDTree: treeRef }));
	doc.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
	return doc.save();
}

const allObjectsText = (doc: PDFDocument) =>
	doc.context
		.enumerateIndirectObjects()
		.map(([, obj]) => obj.toString())
		.join('\n');

describe('makePdfReproducible', () => {
	it('two prints of the same content, at different times with different node numbers, save to identical bytes', async () => {
		const first = await PDFDocument.load(await chromiumLikePdf(542, new Date('2026-11-21T22:12:17Z')), { updateMetadata: false });
		const second = await PDFDocument.load(await chromiumLikePdf(540, new Date('2026-11-21T22:12:50Z')), { updateMetadata: false });
		expect(Buffer.from(await first.save()).equals(Buffer.from(await second.save()))).toBe(false);
		const issueDate = new Date('2021-06-30T00:00:00Z');
		makePdfReproducible(first, issueDate);
		makePdfReproducible(second, issueDate);
		expect(Buffer.from(await first.save()).equals(Buffer.from(await second.save()))).toBe(true);
		expect(first.getCreationDate()).toEqual(issueDate);
		expect(first.getModificationDate()).toEqual(issueDate);
	});

	it('renames ids in document order and keeps /Headers and the /IDTree pointing at the same cells', async () => {
		const doc = await PDFDocument.load(await chromiumLikePdf(542, new Date()), { updateMetadata: false });
		expect(renumberStructureIds(doc)).toBe(1);
		const [, th, td] = structureElements(doc);
		expect(th?.dict.get(PDFName.of('ID'))).toEqual(PDFString.of('id000001'));
		const attributes = td?.dict.lookup(PDFName.of('A'), PDFArray).lookup(0, PDFDict);
		expect(attributes?.lookup(PDFName.of('Headers'), PDFArray).get(0)).toEqual(PDFString.of('id000001'));
		const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
		const names = root.lookup(PDFName.of('IDTree'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
		expect(names.get(0)).toEqual(PDFString.of('id000001'));
		expect(names.get(1)).toBe(th?.ref);
		const saved = await PDFDocument.load(await doc.save(), { updateMetadata: false });
		expect(allObjectsText(saved)).not.toMatch(/node\d{8}/);
	});

	it('leaves an untagged PDF alone apart from its dates', async () => {
		const doc = await PDFDocument.create();
		doc.addPage();
		makePdfReproducible(doc, new Date('2024-01-01T00:00:00Z'));
		expect(doc.getCreationDate()).toEqual(new Date('2024-01-01T00:00:00Z'));
		expect(structureElements(doc)).toEqual([]);
	});
});
