/** Figures → metrics: the shared figure parser's additions, labels and periods. */
import { describe, expect, it } from 'vitest';
import { findFigures, parseFigure } from '../../../src/lib/metrics.ts';
import { MetricSchema } from '../../../src/schemas/metric.ts';
import { labelFor, metricsFromText, periodFor, unitInScript } from '../../../src/lib/import/metric-labels.ts';

const labels = (text: string) => metricsFromText(text, 1).map((m) => [m.text, m.label]);

describe('findFigures (src/lib/metrics.ts)', () => {
	it('skips ordinals and digits glued to codes', () => {
		expect(findFigures('获评第3名，湘ICP备17016663号，版本V2.0个，共5个').map((f) => f.text)).toEqual(['5个']);
	});

	it('reads 个月 as one unit, so a duration is not a count of 个', () => {
		expect(parseFigure('3个月')).toEqual({ value: 3, unit: '个月', text: '3个月' });
		expect(parseFigure('3個月')).toEqual({ value: 3, unit: '个月', text: '3個月' });
		expect(findFigures('连续3个月排名靠后').map((f) => f.unit)).toEqual(['个月']);
	});

	it('keeps every qualifier and normalises 万/亿', () => {
		expect(
			findFigures('接待游客1.2万人次，投资2.54亿元，走访上万次，种植300多亩，超300人，近2000户，约500人，50万元以上').map((f) => [
				f.text,
				f.value,
				f.unit,
				f.qualifier,
			]),
		).toEqual([
			['1.2万人次', 12000, '人次', undefined],
			['2.54亿元', 254_000_000, '元', undefined],
			['上万次', 10000, '次', '上万'],
			['300多亩', 300, '亩', '多'],
			['超300人', 300, '人', '超'],
			['近2000户', 2000, '户', '近'],
			['约500人', 500, '人', '约'],
			['50万元以上', 500_000, '元', '以上'],
		]);
	});
});

describe('metric labels', () => {
	it('names what is counted from the words before the figure', () => {
		expect(labels('群众好评率达99.5%。')).toEqual([['99.5%', '群众好评率']]);
		expect(labels('舉辦地徐村共接待遊客1.2萬人次，')).toEqual([['1.2萬人次', '接待遊客']]);
		expect(labels('今年以来，常山胡柚线上销售额突破2亿元。')).toEqual([['2亿元', '常山胡柚线上销售额']]);
	});

	it('names a count by the noun after it', () => {
		expect(labels('全县共有336件“急难愁盼”事项得到及时处置')).toEqual([['336件', '急难愁盼事项']]);
		expect(labels('围绕8个专题进行公开汇报')).toEqual([['8个', '专题']]);
		expect(labels('整合1.02亿元财政资金投入基层党建')).toEqual([['1.02亿元', '整合财政资金']]);
	});

	it('shares the label of two figures of one count (5批11人次)', () => {
		expect(labels('共接待群众来访5批11人次，')).toEqual([
			['5批', '接待群众来访'],
			['11人次', '接待群众来访'],
		]);
	});

	it('starts after a list (等) and drops linking verbs', () => {
		expect(labels('开展志愿宣讲、入户送学等活动40余次')).toEqual([['40余次', '活动']]);
		expect(labels('今年预计亩产可达1000斤')).toEqual([['1000斤', '预计亩产']]);
	});

	it('never returns an empty label', () => {
		const found = ['5件', '，10个，', '“”3万元', '达到99%'].flatMap((text) => metricsFromText(text, 1));
		expect(found.length).toBeGreaterThan(0);
		for (const m of found) expect(m.label.length).toBeGreaterThan(0);
		expect(labelFor('63个、4508户均由', 4, 5, '户')).toBe('户数');
	});

	it('reads the period the sentence states before the figure', () => {
		const text = '2023年以来，实施项目6个。截至目前，共有党组织7个；2024年上半年收入达400万元以上。';
		expect(metricsFromText(text, 1).map((m) => m.period)).toEqual(['2023年以来', '截至目前', '2024年上半年']);
		expect(periodFor('音乐节期间，拉动消费500余万元', 12)).toBe('音乐节期间');
	});

	it('writes units in the document’s script when the schema folds them back', () => {
		expect(unitInScript('个', 'hant')).toBe('個');
		expect(unitInScript('亩', 'hant')).toBe('畝');
		expect(unitInScript('个', 'hans')).toBe('个');
		const metrics = metricsFromText('種植茶葉220畝，帶動400余戶村民，解決問題46個，連續3個月', 1, 'hant');
		expect(metrics.map((m) => m.unit)).toContain('畝');
		for (const m of metrics) {
			expect(
				MetricSchema.safeParse({ label: m.label, value: m.value, unit: m.unit, text: m.text, ...(m.qualifier ? { qualifier: m.qualifier } : {}) })
					.success,
			).toBe(true);
		}
	});
});
