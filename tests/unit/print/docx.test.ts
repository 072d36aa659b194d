/** The Word file of an issue, read back as Word would: the package parts and the text. */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { issueDocx, OFFICE_FONTS } from '../../../src/lib/docx/issue-docx.ts';
import { parsePrintPage } from '../../../src/lib/print/issue-model.ts';

const meta = {
	title: '典型经验做法摘编 第3期',
	language: 'zh-Hans',
	author: '某某市委组织部',
	date: '2024-05-06',
	quotes: 'curly',
	cases: [
		{ anchor: 'case-1', title: '甲县：推行“村情报告会”制度' },
		{ anchor: 'case-2', title: '乙镇：屋场党建' },
	],
};

const caseHtml = (n: number, title: string, unit: string, body: string, end: string) =>
	`<article class="case" id="case-${n}"><header class="case-head"><h2 class="case-title"><span class="title-line">${title}</span></h2><p class="case-unit">${unit}</p></header><div class="case-body">${body}</div><footer class="case-end">${end}</footer></article>`;

const page = `<!doctype html><html lang="zh-Hans"><head><script type="application/json" id="print-meta">${JSON.stringify(meta)}</script><style>.mh-series { font-size: 36pt; }</style></head><body>
<header class="masthead"><p class="mh-internal">内部资料　注意保存</p><h1 class="mh-series"><span class="mh-line">典型经验做法摘编</span></h1><p class="mh-number">第3期</p><p class="mh-imprint"><span>某某市委组织部编印</span><time>2024年5月6日</time></p></header>
<main><section class="editors-note"><span class="note-label">编者按：</span><p>本期刊发两地做法。</p></section>
<nav class="toc"><h2 class="toc-heading">本期目录</h2><ol class="toc-list">
<li><a href="#case-1"><span class="toc-marker">一、</span><span class="toc-text">甲县：推行“村情<wbr>报告会”制度</span></a></li>
<li><a href="#case-2"><span class="toc-marker">二、</span><span class="toc-text">乙镇：屋场党建</span></a></li></ol></nav>
${caseHtml(1, '推行“村情报告会”制度', '甲县（某省某市）', '<p>开头一段。</p><h3>一是定期报告。</h3><p>每季度报告一次。</p><p>表1 报告会次数</p><table><thead><tr><th>年份</th><th>次数</th></tr></thead><tbody><tr><td>2023</td><td>12</td></tr><tr><td>2024</td><td>15</td></tr></tbody></table>', '<table class="figures"><caption>主要数据</caption><thead><tr><th>指标</th><th class="fig">数值</th></tr></thead><tbody><tr><td>召开报告会</td><td class="fig">1.2万场次</td></tr></tbody></table><p class="case-source">（来源：某某市委组织部《典型经验做法摘编》）</p>')}
${caseHtml(2, '屋场党建', '乙镇', '<p>乙镇把党小组建在屋场。</p>', '<p class="case-source">（来源：某省委组织部）</p>')}
</main><footer class="banji"><p>报：省委组织部</p><p class="banji-imprint"><span>某某市委组织部</span><span>2024年5月6日印发</span></p></footer></body></html>`;

async function open(bytes: Buffer) {
	const zip = await JSZip.loadAsync(bytes);
	const part = (name: string) => zip.file(name)!.async('string');
	return {
		document: await part('word/document.xml'),
		settings: await part('word/settings.xml'),
		fonts: await part('word/fontTable.xml'),
		core: await part('docProps/core.xml'),
	};
}

describe('parsePrintPage', () => {
	it('reads masthead, note, contents, cases with body, table captions, figures and source', () => {
		const issue = parsePrintPage(page, 'test');
		expect(issue.seriesLines).toEqual(['典型经验做法摘编']);
		expect(issue.seriesSizePt).toBe(36);
		expect(issue.number).toBe('第3期');
		expect(issue.imprint).toEqual({ organization: '某某市委组织部编印', date: '2024年5月6日' });
		expect(issue.note?.label).toBe('编者按');
		expect(issue.cases.map((c) => c.tocTitle)).toEqual(['甲县：推行“村情报告会”制度', '乙镇：屋场党建']);
		const table = issue.cases[0]!.body.find((b) => b.kind === 'table');
		expect(table).toMatchObject({ caption: '表1 报告会次数', head: [['年份', '次数']], figureColumns: [0, 1] });
		expect(issue.cases[0]!.figures).toMatchObject({ caption: '主要数据', body: [['召开报告会', '1.2万场次']], figureColumns: [1] });
		expect(issue.banji).toEqual({ lines: ['报：省委组织部'], imprint: ['某某市委组织部', '2024年5月6日印发'] });
	});

	it('sets 「」 when the page says the edition quotes with corners', () => {
		const issue = parsePrintPage(page.replace('"quotes":"curly"', '"quotes":"corner"'), 'test');
		expect(issue.cases[0]!.tocTitle).toBe('甲县：推行「村情报告会」制度');
	});
});

describe('issueDocx', () => {
	it('writes the masthead, a prefilled TOC field, every case title in order, tables and figures', async () => {
		const bytes = await issueDocx(parsePrintPage(page, 'test'), { casePages: [2, 4] });
		const { document } = await open(bytes);
		const { value: text } = await mammoth.extractRawText({ buffer: bytes });
		const flat = text.replace(/\s+/g, '');
		for (const part of [
			'内部资料　注意保存',
			'典型经验做法摘编',
			'第3期',
			'某某市委组织部编印',
			'2024年5月6日',
			'编者按：本期刊发两地做法。',
			'本期目录',
		]) {
			expect(flat).toContain(part.replace(/\s+/g, ''));
		}
		expect(document).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-1&quot;<\/w:instrText>/);
		expect(flat).toMatch(/一、甲县：推行“村情报告会”制度2二、乙镇：屋场党建4/);
		const first = flat.indexOf('推行“村情报告会”制度', flat.indexOf('乙镇：屋场党建4'));
		expect(first).toBeGreaterThan(0);
		expect(flat.indexOf('屋场党建', first)).toBeGreaterThan(first);
		// The 一是 lead sentence runs into its paragraph.
		expect(flat).toContain('一是定期报告。每季度报告一次。');
		expect(flat).toContain('表1报告会次数');
		expect(flat).toContain('1.2万场次');
		expect(flat).toContain('（来源：某某市委组织部《典型经验做法摘编》）');
		expect(flat).toContain('报：省委组织部');
		// Header rows repeat; figures are right-aligned; each case starts a page.
		expect(document).toContain('<w:tblHeader/>');
		expect(document.match(/<w:pageBreakBefore\/>/g)).toHaveLength(2);
		expect(document).toMatch(/<w:jc w:val="right"\/><\/w:pPr><w:r><w:rPr>[^]*?<w:t[^>]*>1\.2万场次/);
		expect(document).toContain('w:color w:val="E60012"');
	});

	it('lays out A4 with GB/T 9704 margins, mirrored, folios outside, office font names with alternates', async () => {
		const { document, settings, fonts, core } = await open(await issueDocx(parsePrintPage(page, 'test')));
		expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
		expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
		expect(document).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"/);
		expect(settings).toContain('<w:mirrorMargins/>');
		expect(settings).toContain('<w:evenAndOddHeaders/>');
		for (const f of Object.values(OFFICE_FONTS)) expect(fonts).toContain(`<w:font w:name="${f.name}"><w:altName w:val="${f.alternate}"/>`);
		expect(core).toContain('2024-05-06T00:00:00Z');
	});

	it('gives the same bytes for the same issue', async () => {
		const issue = parsePrintPage(page, 'test');
		expect((await issueDocx(issue)).equals(await issueDocx(issue))).toBe(true);
	});
});
