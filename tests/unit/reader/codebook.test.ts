import { describe, expect, it } from 'vitest';
import { CASE_COLUMNS, METRIC_COLUMNS, codebook, schemaColumns } from '../../../src/lib/data-export/columns.ts';
import { CaseRecordSchema, caseRecord } from '../../../src/lib/data-export/record.ts';
import { CaseSchema } from '../../../src/schemas/case.ts';
import { MetricSchema } from '../../../src/schemas/metric.ts';
import { UI } from '../../../src/lib/i18n/ui.ts';
import { SCRIPTS } from '../../../src/schemas/script.ts';
import type { Case } from '../../../src/schemas/case.ts';
import { z } from 'astro/zod';

describe('open-data columns from the schemas', () => {
	it('has a column for every reader-facing field of a case, nested fields dotted', () => {
		const names = CASE_COLUMNS.map((c) => c.name);
		for (const key of Object.keys(CaseSchema.shape)) {
			if (['titleLines', 'review', 'status'].includes(key)) expect(names.some((n) => n === key || n.startsWith(`${key}.`))).toBe(false);
			else if (key === 'metrics') expect(METRIC_COLUMNS.length).toBeGreaterThan(2);
			else
				expect(
					names.some((n) => n === key || n.startsWith(`${key}.`)),
					key,
				).toBe(true);
		}
		expect(names.slice(0, 2)).toEqual(['id', 'url']);
		expect(names).toContain('region.code');
		expect(names).toContain('source.published');
		expect(CASE_COLUMNS.find((c) => c.name === 'date')?.type).toBe('date');
		expect(CASE_COLUMNS.find((c) => c.name === 'source.url')).toMatchObject({ type: 'url', required: false });
		expect(CASE_COLUMNS.find((c) => c.name === 'script')?.choices).toEqual(['hans', 'hant']);
		expect(METRIC_COLUMNS.map((c) => c.name)).toEqual(['caseId', 'caseTitle', ...Object.keys(MetricSchema.shape)]);
	});

	it('documents every column in both scripts', () => {
		for (const script of SCRIPTS) {
			expect(codebook(CASE_COLUMNS, UI[script].codebook)).toHaveLength(CASE_COLUMNS.length);
			const metrics = codebook(METRIC_COLUMNS, UI[script].codebook, 'metric.');
			expect(metrics.find((r) => r.name === 'unit')?.meaning).toBe(UI[script].codebook['metric.unit']);
		}
	});

	it('refuses a field without a meaning, so the codebook cannot drift', () => {
		const columns = schemaColumns(z.strictObject({ id: z.string(), newField: z.number().optional() }));
		expect(() => codebook(columns, UI.hans.codebook)).toThrow(/newField/);
	});
});

const sample: Case = {
	title: '创新探索“村情报告会”制度',
	unit: '常山县委组织部',
	region: { code: '330822', township: '同弓乡' },
	methods: ['village-affairs-reporting'],
	metrics: [{ label: '走访群众', value: 12000, unit: '人次', text: '1.2万人次' }],
	date: new Date('2024-12-07T00:00:00Z'),
	source: { publisher: '中共浙江省委组织部', published: new Date('2024-12-01T00:00:00Z'), url: 'https://example.gov.cn/a' },
	script: 'hans',
	summary: '常山县推行村情报告会。',
	status: 'published',
	review: ['metrics'],
};

describe('case record', () => {
	for (const script of SCRIPTS) {
		it(`validates against CaseRecordSchema after a JSON round trip (${script})`, () => {
			const record = caseRecord(
				{ id: 'changshan', data: sample },
				{ script, caseUrl: (id) => `https://example.gov.cn/${id}/`, methodName: () => '村务报告', issueLabels: () => ['摘编 第1期'] },
			);
			const parsed = CaseRecordSchema.safeParse(JSON.parse(JSON.stringify(record)));
			expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
			expect(record.date).toBe('2024-12-07');
			expect(record.source.published).toBe('2024-12-01');
			// The case itself keeps its dates.
			expect(sample.source.published).toBeInstanceOf(Date);
			expect(sample.date).toBeInstanceOf(Date);
			expect(record.region.name).toBe(script === 'hans' ? '浙江省衢州市常山县' : '浙江省衢州市常山縣');
			expect(record).not.toHaveProperty('review');
			expect(record.script).toBe(script);
		});
	}
});
