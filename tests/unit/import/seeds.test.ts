/**
 * The five seed documents import to the expected drafts: cases, titles, units, regions,
 * source facts, figures, and no debris, pinyin or flattened punctuation left.
 */
import { describe, expect, it } from 'vitest';
import { CaseSchema } from '../../../src/schemas/case.ts';
import { IssueSchema } from '../../../src/schemas/issue.ts';
import { MetricSchema } from '../../../src/schemas/metric.ts';
import { findDivisionsByName, fullRegionName } from '../../../src/lib/regions.ts';
import type { DocumentImport } from '../../../src/lib/import/import.ts';
import { allBodies, compileMdx, importSeed, splitMdx } from './support.ts';

function codeOf(name: string): string {
	const found = findDivisionsByName(name);
	expect(found, `${name} in the division data`).toHaveLength(1);
	return found[0]!.code;
}

function metric(doc: DocumentImport, text: string) {
	const all = doc.cases.flatMap((c) => c.data.metrics as Array<Record<string, unknown>>);
	const found = all.find((m) => m.text === text);
	expect(found, `metric ${text} among ${all.map((m) => m.text).join(' ')}`).toBeDefined();
	return found as Record<string, unknown>;
}

/** Every draft validates against its schema and compiles as MDX. */
async function expectValidDrafts(doc: DocumentImport) {
	for (const draft of doc.cases) {
		const { data } = splitMdx(draft.mdx);
		const parsed = CaseSchema.safeParse(data);
		expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
		expect(data.status).toBe('draft');
		await compileMdx(draft.mdx);
	}
	if (doc.issue) {
		expect(IssueSchema.safeParse(splitMdx(doc.issue.mdx).data).success).toBe(true);
		await compileMdx(doc.issue.mdx);
	}
}

/** ASCII , : ; ( ) ? ! between two Han characters. */
const FLATTENED = /\p{Script=Han}[,:;()?!]\p{Script=Han}/u;
const PINYIN = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/u;

describe('seed 000: an issue of two department cases, auto-converted to Taiwan phrasing', async () => {
	const doc = await importSeed('000');

	it('finds an issue with the two cases, titles and subtitle', () => {
		expect(doc.cases).toHaveLength(2);
		expect(doc.cases.map((c) => c.summary.title)).toEqual(['創新探索“村情報告會”制度', '激發文化活力 賦能共同富裕']);
		expect(doc.cases[0]!.summary.subtitle).toBe('精準解決群眾“急難愁盼”');
		expect(doc.cases[1]!.summary.subtitle).toBeUndefined();
		expect(doc.cases.map((c) => c.summary.unit)).toEqual(['縣委組織部', '縣委宣傳部']);
		expect(doc.issue?.data.series).toBe('常山黨史學習教育專題實踐活動優秀案例選登');
		expect(doc.issue?.data.cases).toEqual(doc.cases.map((c) => c.slug));
	});

	it('puts the editor’s introduction into the issue, not into a case', () => {
		expect(splitMdx(doc.issue!.mdx).body).toContain('今天帶來的是縣委組織部、縣委宣傳部');
		for (const c of doc.cases) expect(c.mdx).not.toContain('今天帶來的是');
	});

	it('places both cases in 常山县, 浙江省衢州市', () => {
		const code = codeOf('常山县');
		expect(code).toBe('330822');
		expect(fullRegionName(code)).toBe('浙江省衢州市常山县');
		for (const c of doc.cases) {
			expect((c.data.region as { code: string }).code).toBe(code);
			expect(c.data.review).toContain('region');
		}
	});

	it('removes the repeated page header and the site footer, keeping the 来源 as publisher', () => {
		const bodies = allBodies(doc);
		expect(bodies).not.toContain('常山黨史學習教育專題實踐活動優秀案例選登');
		expect(bodies).not.toMatch(/楠木軒|版權|轉載|來源/u);
		expect(doc.stats.pageHeaders).toBe(6);
		expect((doc.cases[0]!.data.source as { publisher: string }).publisher).toBe('縣黨史學習教育領導小組辦公室');
	});

	it('reverts Taiwan phrasing and warns about each change with its line', () => {
		const bodies = allBodies(doc);
		expect(bodies).not.toMatch(/專案|透過|網路|釋出/u);
		expect(bodies).toContain('村集體經濟項目');
		expect(bodies).toContain('通過書記公開專題報告');
		const phrasing = doc.warnings.filter((w) => w.message.includes('Taiwan phrasing'));
		expect(phrasing.map((w) => w.line)).toEqual([11, 15, 19]);
		expect(phrasing[1]!.message).toContain('專案 → 項目 (×3)');
	});

	it('turns 一是/二是/三是 into headings and restores full-width punctuation', () => {
		const body = splitMdx(doc.cases[0]!.mdx).body;
		expect(body).toMatch(/^## 一是書記公開講、專題述$/mu);
		expect(body).toMatch(/^## 三是鄉鎮全程考、量化用$/mu);
		expect(body).toContain('開展以來，組織部');
		expect(allBodies(doc)).not.toMatch(FLATTENED);
	});

	it('keeps the figures as metrics, 萬 multiplied out and the wording kept', () => {
		expect(metric(doc, '336件')).toMatchObject({ value: 336, label: '急難愁盼事項', period: '截至目前' });
		expect(metric(doc, '99.5%')).toMatchObject({ value: 99.5, unit: '%', label: '群眾好評率' });
		expect(metric(doc, '1.2萬人次')).toMatchObject({ value: 12000, unit: '人次', label: '接待遊客' });
		expect(metric(doc, '3萬噸以上')).toMatchObject({ value: 30000, qualifier: '以上' });
		expect(metric(doc, '500餘萬元')).toMatchObject({ value: 5_000_000, unit: '元', qualifier: '余' });
		expect(metric(doc, '8個')).toMatchObject({ unit: '個', label: '專題' });
	});

	it('writes valid drafts', async () => {
		await expectValidDrafts(doc);
	});
});

describe('seed 001: a single article with pinyin, garbled bytes and a site footer', async () => {
	const doc = await importSeed('001');
	const only = doc.cases[0]!;

	it('finds one case of 通道县大高坪苗族乡 in 湖南省怀化市, title guessed and marked', () => {
		expect(doc.cases).toHaveLength(1);
		expect(doc.issue).toBeUndefined();
		expect(only.summary.unit).toBe('通道縣大高坪苗族鄉');
		const code = codeOf('通道侗族自治县');
		expect(fullRegionName(code)).toBe('湖南省怀化市通道侗族自治县');
		expect(only.data.region).toEqual({ code, township: '大高坪苗族鄉' });
		expect(only.summary.title).toBe('持續強化抓黨建促基層治理');
		expect(only.data.review).toEqual(expect.arrayContaining(['title', 'unit', 'region', 'date']));
	});

	it('removes every pinyin annotation', () => {
		expect(doc.stats.pinyinAnnotations).toBeGreaterThan(150);
		expect(only.mdx).not.toMatch(PINYIN);
		expect(only.mdx).toContain('通道縣大高坪苗族鄉持續強化抓黨建促基層治理');
	});

	it('flags the garbled spots with their lines instead of keeping them silently', () => {
		const garbled = doc.warnings.filter((w) => w.message.startsWith('garbled text'));
		expect(garbled.map((w) => w.line)).toEqual([2, 2, 3, 3]);
		expect(garbled.some((w) => w.message.includes('??己嗽u價相融合'))).toBe(true);
	});

	it('drops the footer and takes the site owner as publisher, marked for review', () => {
		expect(only.mdx).not.toMatch(/主辦單位|技術支持|ICP|來訪者|歡迎您訪問/u);
		expect((only.data.source as { publisher: string }).publisher).toBe('中共湖南省委組織部');
		expect(only.data.review).toContain('source.publisher');
	});

	it('writes a valid draft with its figures', async () => {
		expect(metric(doc, '400余人次')).toMatchObject({ value: 400, qualifier: '余', unit: '人次' });
		expect(metric(doc, '100%')).toMatchObject({ value: 100, label: '群眾滿意率' });
		await expectValidDrafts(doc);
	});
});

describe('seed 002: a single article with pinyin on some characters and a QR line', async () => {
	const doc = await importSeed('002');
	const only = doc.cases[0]!;

	it('finds one case of 绩溪县上庄镇 in 安徽省宣城市', () => {
		expect(doc.cases).toHaveLength(1);
		expect(only.summary.unit).toBe('績溪縣上莊鎮黨委');
		const code = codeOf('绩溪县');
		expect(fullRegionName(code)).toBe('安徽省宣城市绩溪县');
		expect(only.data.region).toEqual({ code, township: '上莊鎮' });
	});

	it('removes pinyin and the 扫一扫 line, and restores punctuation', () => {
		expect(only.mdx).not.toMatch(PINYIN);
		expect(only.mdx).not.toContain('掃一掃');
		expect(splitMdx(only.mdx).body).not.toMatch(FLATTENED);
		expect(only.mdx).toContain('近年來，績溪縣上莊鎮黨委');
	});

	it('normalises 億 but keeps the wording', async () => {
		expect(metric(doc, '2.54億元')).toMatchObject({ value: 254_000_000, unit: '元', label: '總投資' });
		expect(metric(doc, '58.3%')).toMatchObject({ value: 58.3, unit: '%' });
		await expectValidDrafts(doc);
	});
});

describe('seed 003: a simplified web page with chrome, a facts line and a source link', async () => {
	const doc = await importSeed('003');
	const only = doc.cases[0]!;

	it('takes the unit from the title and the region from it: 常宁市, 湖南省衡阳市', () => {
		expect(doc.cases).toHaveLength(1);
		expect(only.summary.title).toBe('打好“屋场党建+三长制”组合拳，凝聚基层治理新合力');
		expect(only.summary.unit).toBe('常宁市');
		const code = codeOf('常宁市');
		expect(fullRegionName(code)).toBe('湖南省衡阳市常宁市');
		expect(only.data.region).toEqual({ code, township: '洋泉镇' });
	});

	it('reads 时间/来源 and 原文链接 into source metadata and the date', () => {
		expect(only.data.date).toBe('2024-12-07');
		expect(only.data.source).toEqual({
			publisher: '中共湖南省委组织部',
			title: '党建引领基层治理丨常宁市：打好“屋场党建+三长制”组合拳，凝聚基层治理新合力',
			url: 'https://www.hxw.gov.cn/content/2024/12/03/14657461.html',
			published: '2024-12-07',
		});
		expect(only.data.review).not.toContain('date');
	});

	it('leaves no site chrome in the text', () => {
		expect(only.mdx).not.toMatch(/欢迎访问|当前所在|时间：|作者|原文链接|免责声明|版权所有|ICP备|公网安备|联系电话|地址：|政务资讯互动应用平台/u);
		expect(doc.stats.debrisLines).toBe(14);
	});

	it('makes the standalone lines headings and keeps 上万次 as a metric', async () => {
		expect(splitMdx(only.mdx).body).toMatch(/^## 强化制度保障，搭建服务群众“大平台”$/mu);
		expect(metric(doc, '上万次')).toMatchObject({ value: 10000, unit: '次', qualifier: '上万', label: '邻长上门走访' });
		expect(metric(doc, '12万余元')).toMatchObject({ value: 120000, qualifier: '余' });
		expect(only.summary.methods).toEqual(expect.arrayContaining(['party-building-leads-governance', 'grid-governance']));
		await expectValidDrafts(doc);
	});
});

describe('seed 004: issue (一) of a series with three county sections', async () => {
	const doc = await importSeed('004');

	it('splits it into 盐湖区, 夏县 and 芮城县 in 山西省运城市', () => {
		expect(doc.cases.map((c) => c.summary.unit)).toEqual(['盐湖区', '夏县', '芮城县']);
		for (const [i, name] of ['盐湖区', '夏县', '芮城县'].entries()) {
			const code = codeOf(name);
			expect(fullRegionName(code)).toBe(`山西省运城市${name}`);
			expect((doc.cases[i]!.data.region as { code: string }).code).toBe(code);
		}
	});

	it('guesses titles for sections that have none, and says so', () => {
		expect(doc.cases.map((c) => c.summary.title)).toEqual(['“五面红旗”示范创建专项行动', '“固本强基、六步夺旗”专项行动', '“五亮五比”行动']);
		for (const c of doc.cases) {
			expect(c.data.review).toContain('title');
			expect(c.warnings.some((w) => w.message.startsWith('title:'))).toBe(true);
		}
	});

	it('writes the issue with its number and the editor’s note', () => {
		expect(doc.issue?.data).toMatchObject({ number: 1, numberLabel: '（一）', script: 'hans' });
		expect(String(doc.issue?.data.series)).toMatch(/典型经验做法摘编$/u);
		expect(splitMdx(doc.issue!.mdx).body.trim()).toMatch(/^全市“五面红旗”示范创建专项行动由市委书记/u);
	});

	it('removes the 推荐访问 line and keeps the figures', async () => {
		expect(allBodies(doc)).not.toContain('推荐访问');
		expect(metric(doc, '1.02亿元')).toMatchObject({ value: 102_000_000, unit: '元' });
		expect(metric(doc, '87项')).toMatchObject({ value: 87, unit: '项' });
		expect(splitMdx(doc.cases[1]!.mdx).body).toMatch(/^## 六是巩固拓展，保先展旗$/mu);
		await expectValidDrafts(doc);
	});
});

describe('every seed metric', () => {
	it('satisfies the metric schema (value and unit agree with the wording)', async () => {
		for (const prefix of ['000', '001', '002', '003', '004']) {
			const doc = await importSeed(prefix);
			for (const m of doc.cases.flatMap((c) => c.data.metrics as unknown[])) {
				const parsed = MetricSchema.safeParse(m);
				expect(parsed.success, `${prefix}: ${JSON.stringify(m)} ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
			}
		}
	});
});
