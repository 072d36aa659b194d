/** Saved web pages (.html) and Word documents (.docx) through the whole importer. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { CaseSchema } from '../../../src/schemas/case.ts';
import { cleanPageTitle } from '../../../src/lib/import/extract-html.ts';
import { compileMdx, FIXTURES, importBytes, splitMdx } from './support.ts';

const page = readFileSync(path.join(FIXTURES, 'page-gov.html'), 'utf8');

describe('a saved government web page', async () => {
	const doc = await importBytes(Buffer.from(page), 'page-gov.html');
	const only = doc.cases[0]!;
	const { data, body } = splitMdx(only.mdx);

	it('extracts the article and reads the page’s meta tags', () => {
		expect(doc.format).toBe('html');
		expect(doc.cases).toHaveLength(1);
		expect(data.title).toBe('推行“网格+积分”治理 让小事不出村');
		expect(data.unit).toBe('安吉县');
		expect(data.region).toEqual({ code: '330523', township: '递铺街道' });
		expect(data.date).toBe('2024-05-06');
		expect(data.source).toEqual({
			publisher: '安吉县委组织部',
			title: '安吉县：推行“网格+积分”治理 让小事不出村',
			url: 'https://www.example.gov.cn/art/2024/5/6/art_1_2.html',
			published: '2024-05-06',
		});
	});

	it('leaves navigation, scripts, share links, related reading and the footer out', () => {
		expect(only.mdx).not.toMatch(/欢迎访问|当前位置|互动交流|不是正文|分享到|相关阅读|某某镇召开|主办单位|ICP备|公网安备|联系电话|浏览次数|打印/u);
	});

	it('turns bold 一、二、 lines into headings and escapes MDX specials', async () => {
		expect(body).toMatch(/^## 一、划细网格，做到底数清$/mu);
		expect(body).toMatch(/^## 二、积分激励，做到人人管$/mu);
		expect(body).toContain('细则\\{草案}');
		expect(body).toContain('A\\<5%');
		expect(CaseSchema.safeParse(data).success).toBe(true);
		await compileMdx(only.mdx);
	});

	it('reports locations as lines of the saved file', () => {
		expect(only.line).toBe(page.split('\n').findIndex((l) => l.includes('<h1>')) + 1);
	});

	it('reads a GBK page through its <meta charset>', async () => {
		const gbk = iconv.encode(page.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gbk');
		const fromGbk = await importBytes(gbk, 'page.htm');
		expect(fromGbk.encoding).toBe('GB18030');
		expect(fromGbk.cases[0]!.mdx).toBe(only.mdx);
	});

	it('reads the 发布时间/来源 line when the page has no meta tags', async () => {
		const bare = page.replace(/<meta name="(?:ArticleTitle|PubDate|ContentSource|SiteName)"[^>]*>\n/g, '');
		const result = await importBytes(Buffer.from(bare), 'bare.html');
		expect(result.cases[0]!.data).toMatchObject({ date: '2024-05-06', source: { publisher: '安吉县委组织部' } });
	});

	it('recognises HTML saved with a .txt name', async () => {
		const asText = await importBytes(Buffer.from(page), 'page.txt');
		expect(asText.format).toBe('html');
		expect(asText.cases[0]!.summary.title).toBe(only.summary.title);
	});

	it('refuses a truncated page', async () => {
		await expect(importBytes(Buffer.from(page.slice(0, page.indexOf('</body>'))), 'cut.html')).rejects.toThrow(
			/expected a complete HTML page; found a page without <\/body> or <\/html>: it was truncated/,
		);
	});

	it('cleans site suffixes off page titles', () => {
		expect(cleanPageTitle('某某做法_政务公开_某市人民政府')).toBe('某某做法');
		expect(cleanPageTitle('推行积分制管理 - 某某县人民政府网')).toBe('推行积分制管理');
	});
});

async function docxBytes(paragraphs: Paragraph[]): Promise<Buffer> {
	return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

describe('a Word document', async () => {
	const bytes = await docxBytes([
		new Paragraph({ text: '青山县基层治理案例选编（第2期）', heading: HeadingLevel.TITLE }),
		new Paragraph({ text: '编者按：现将部分乡镇的做法予以刊发，供各地学习借鉴，请结合实际抓好推广运用，推动基层治理提质增效。' }),
		new Paragraph({ text: '县委政法委', heading: HeadingLevel.HEADING_1 }),
		new Paragraph({ children: [new TextRun({ text: '“说事评理”化解矛盾纠纷', bold: true })] }),
		new Paragraph({
			text: '今年以来，县委政法委在全县推行“说事评理”机制，设立说事点126个，调解矛盾纠纷3200余件，调解成功率达96.5%，群众满意度明显提升。',
		}),
		new Paragraph({ text: '城关镇', heading: HeadingLevel.HEADING_1 }),
		new Paragraph({ children: [new TextRun({ text: '积分超市激活乡村治理', bold: true })] }),
		new Paragraph({ text: '城关镇在12个村设立积分超市，把环境整治、邻里互助纳入积分{细则}，<全年>兑换物品价值约8万元，参与群众1.5万人次。' }),
	]);

	it('splits it into cases with titles from bold and heading styles', async () => {
		const doc = await importBytes(bytes, 'issue.docx');
		expect(doc.format).toBe('docx');
		expect(doc.locationKind).toBe('paragraph');
		expect(doc.cases.map((c) => [c.summary.unit, c.summary.title])).toEqual([
			['县委政法委', '“说事评理”化解矛盾纠纷'],
			['城关镇', '积分超市激活乡村治理'],
		]);
		expect(doc.issue?.data).toMatchObject({ number: 2, series: '青山县基层治理案例选编' });
		expect(doc.issue?.data).not.toHaveProperty('numberLabel');
		expect(doc.cases[1]!.line).toBe(6);
		expect(splitMdx(doc.issue!.mdx).body.trim()).toMatch(/^现将部分乡镇的做法予以刊发/u);
		const second = doc.cases[1]!;
		expect(second.data.metrics).toEqual(expect.arrayContaining([expect.objectContaining({ text: '1.5万人次', value: 15000, unit: '人次' })]));
		for (const c of doc.cases) {
			expect(CaseSchema.safeParse(splitMdx(c.mdx).data).success).toBe(true);
			await compileMdx(c.mdx);
		}
		expect(splitMdx(second.mdx).body).toContain('积分\\{细则}，\\<全年>');
	});

	it('refuses a truncated .docx with a one-line reason', async () => {
		await expect(importBytes(bytes.subarray(0, Math.floor(bytes.length / 2)), 'cut.docx')).rejects.toThrow(
			/^expected a readable \.docx file; found a damaged or truncated archive \(.+\) \(open it in Word or WPS and save it again as \.docx\)$/,
		);
	});

	it('refuses a .docx that is not a zip archive', async () => {
		await expect(importBytes(Buffer.from('今年以来，某某县坚持党建引领。'), 'fake.docx')).rejects.toThrow(
			/^expected a \.docx file \(a zip archive\); found bytes that are not a zip archive/,
		);
	});
});
