/**
 * Figures the importer had missed or mislabelled, by kind: counts in Chinese numerals with the
 * thing counted, N大 counts, quoted time limits, a measure word for logs (棒), periods with a
 * month or stated where a running count starts, labels from before an anchor or a bracket.
 */
import { describe, expect, it } from 'vitest';
import { metricsFromText, periodFor } from '../../../src/lib/import/metric-labels.ts';
import { MetricSchema } from '../../../src/schemas/metric.ts';

const found = (text: string, script: 'hans' | 'hant' = 'hans') =>
	metricsFromText(text, 1, script).map((m) => ({ text: m.text, label: m.label, value: m.value, ...(m.period ? { period: m.period } : {}) }));

describe('counts in Chinese numerals', () => {
	it('counts things named after 个/项 (村庄, 内容), but not slogans', () => {
		expect(found('合作社联合周边的三个村庄，共同种植蔬菜。')).toEqual([{ text: '三个村庄', label: '村庄', value: 3 }]);
		expect(found('服务包涵盖四项内容。')).toEqual([{ text: '四项内容', label: '内容', value: 4 }]);
		expect(found('坚持三个聚焦，推行四项创新。')).toEqual([]);
		expect(found('开展“两个村庄”结对。')).toEqual([]);
	});

	it('reads N大 counts with what they count, but not party congresses', () => {
		expect(found('改革从9大领域全面推开。')).toEqual([{ text: '9大领域', label: '改革领域', value: 9 }]);
		expect(found('学习党的二十大精神，落实十九大部署。')).toEqual([]);
	});

	it('keeps a time limit written in quotes, labelled as the time it takes', () => {
		expect(found('●“两个小时”办结登记；')).toEqual([{ text: '两个小时', label: '办结登记用时', value: 2 }]);
		expect(found('●“一天辦結”全流程', 'hant')).toEqual([{ text: '一天', label: '辦結全流程用時', value: 1 }]);
	});

	it('writes figures the metric schema accepts', () => {
		for (const metric of metricsFromText('联合两个村庄，涵盖五项内容，从7大领域推开，“一天办结”，种植香菇30万棒。', 1)) {
			const { line: _line, ...rest } = metric;
			expect(MetricSchema.safeParse(rest).success).toBe(true);
		}
	});
});

describe('measure words', () => {
	it('counts mushroom logs in 棒', () => {
		expect(found('带动群众种植香菇30万棒。')).toEqual([{ text: '30万棒', label: '带动群众种植香菇', value: 300000 }]);
	});
});

describe('periods', () => {
	it('takes a year and month in a clause of its own before the figure', () => {
		expect(found('2019年5月，该局成为首批五家试点单位之一。')[0]).toMatchObject({ text: '五家', period: '2019年5月' });
	});

	it('takes where a running count starts, when the sentence opens with it', () => {
		const text = '某县从2019年开始，在全县推行积分制，坚持每月评比，共评出示范户320户。';
		expect(periodFor(text, text.indexOf('320户'))).toBe('从2019年开始');
		expect(found('某县从2019年开始推行积分制，共评出示范户320户。')[0]).toMatchObject({ period: '从2019年开始' });
		expect(found('2019年某县推行积分制。全县共评出示范户320户。')[0]?.period).toBeUndefined();
	});
});

describe('labels', () => {
	it('takes the words before an anchor (共) when nothing follows it, but not a bare 全县', () => {
		expect(found('合作社经营收入共86.5万元。')[0]?.label).toBe('合作社经营收入');
		expect(found('全县共有45个村参与。')[0]?.label).toBe('村数');
	});

	it('reads a figure alone in brackets as counting what the words before the bracket name', () => {
		expect(found('●减材料（最多3份材料）；')[0]?.label).toBe('材料');
		expect(found('●减环节（最多4个）；')[0]?.label).toBe('减环节');
		expect(found('评出先进村（社区）12个。')[0]?.label).toBe('评出先进村（社区）');
	});

	it('keeps an average per head (人均, 户均, 村均) in the label', () => {
		expect(found('全镇农民人均可支配收入2.1万元。')[0]?.label).toBe('农民人均可支配收入');
		expect(found('合作社社员户均增收5000元。')[0]?.label).toBe('合作社社员户均增收');
		expect(found('两年来均增长10%。')[0]?.label).not.toMatch(/均/u);
	});

	it('writes a fallback label in the case’s script, the whole unit too', () => {
		expect(found('●（15分鐘）', 'hant')[0]?.label).toBe('分鐘數');
	});

	it('keeps the 与 of 参与', () => {
		expect(found('“参与5次巡逻，换了一桶油。”')[0]?.label).toBe('参与巡逻');
	});
});
