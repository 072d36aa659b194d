import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { finishPdf, readOutline, writeOutline } from '../../../src/lib/print/pdf-finish.ts';

async function blankPdf(pages: number): Promise<Uint8Array> {
	const doc = await PDFDocument.create();
	for (let i = 0; i < pages; i++) doc.addPage([595, 842]);
	return doc.save();
}

describe('finishPdf', () => {
	const outline = [
		{ title: '盐湖区：坚持“五个三” 争创“五面红旗”', pageIndex: 1 },
		{ title: '夏县：“固本强基、六步夺旗”', pageIndex: 3 },
		{ title: '芮城縣：開展“五亮五比”行動', pageIndex: 4 },
	];

	it('writes one bookmark per entry, in order, pointing at its page', async () => {
		const doc = await PDFDocument.load(
			await finishPdf(await blankPdf(5), outline, { title: 'T', language: 'zh-Hans' }, new Date('2021-08-01T00:00:00Z')),
		);
		expect(readOutline(doc)).toEqual(outline);
		expect(doc.catalog.get(PDFName.of('PageMode'))).toEqual(PDFName.of('UseOutlines'));
	});

	it('sets title, language, author and subject', async () => {
		const bytes = await finishPdf(
			await blankPdf(2),
			[],
			{
				title: '典型经验做法摘编 第1期',
				language: 'zh-Hant',
				author: '中共运城市委组织部',
				subject: '2021年8月1日',
			},
			new Date('2021-08-01T00:00:00Z'),
		);
		const doc = await PDFDocument.load(bytes, { updateMetadata: false });
		expect(doc.getTitle()).toBe('典型经验做法摘编 第1期');
		expect(doc.getAuthor()).toBe('中共运城市委组织部');
		expect(doc.getSubject()).toBe('2021年8月1日');
		expect(String(doc.catalog.get(PDFName.of('Lang')))).toContain('zh-Hant');
		expect(readOutline(doc)).toEqual([]);
	});

	it('names the entry that points past the last page', async () => {
		const doc = await PDFDocument.load(await blankPdf(2));
		expect(() => writeOutline(doc, [{ title: '夏县', pageIndex: 2 }])).toThrow(/"夏县" points to page 3, but the PDF has 2 pages/);
	});
});
