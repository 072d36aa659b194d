import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../../src/lib/search/document.ts';
import { fullFoldMap } from '../../../src/lib/search/fold-table.ts';
import { buildRecord, facetValues } from '../../../src/lib/search/record.ts';
import type { ResultDisplay } from '../../../src/lib/search/layout.ts';

const doc: SearchDocument = {
	id: 'changshan-cunqing-baogaohui',
	script: 'hant',
	title: '創新探索“村情報告會”制度',
	subtitle: '精準解決群眾“急難愁盼”',
	unit: '縣委組織部',
	summary: '常山縣委組織部創新實施“村情報告會”制度。',
	body: '一、書記公開專題報告\n村民現場問計評分。',
	regionCode: '330822',
	township: '球川鎮',
	methods: ['village-affairs-reporting'],
	issues: ['changshan-dangshi-xuandeng-1'],
	date: '2021-06-30',
	extra: ['群眾好評率'],
};

const context = {
	base: '/dxal/',
	fold: fullFoldMap(),
	convert: (text: string) => text,
	methodName: () => '村情报告与村务公开',
	issueLabel: (id: string) => `汇编 ${id}`,
};

describe('records', () => {
	it('files a case under its place chain, methods, issues and year', () => {
		expect(facetValues(doc)).toEqual({
			province: ['330000'],
			city: ['330800'],
			county: ['330822'],
			method: ['village-affairs-reporting'],
			issue: ['changshan-dangshi-xuandeng-1'],
			year: ['2021'],
		});
		// A county directly under a province has no city (海南省 › 五指山市 is a city itself).
		expect(facetValues({ ...doc, regionCode: '469001', issues: [] })).toEqual({
			province: ['460000'],
			county: ['469001'],
			method: ['village-affairs-reporting'],
			year: ['2021'],
		});
	});

	it('indexes folded words of every field, fields kept apart, and the title as metadata', () => {
		const { record, chars } = buildRecord(doc, context);
		expect(record.url).toBe('/dxal/zh-hans/cases/changshan-cunqing-baogaohui/');
		const words = record.content.split(' ');
		for (const word of ['村情', '报告', '告会', '急难', '衢州', '常山', '球川', '好评', '村务', '评分']) expect(words, word).toContain(word);
		// The title's last bigram and the subtitle's first are different fields: no word spans them.
		expect(words).not.toContain('度精');
		expect(record.title.split(' ')).toContain('村情');
		expect(chars.includes('會')).toBe(false);
		expect(chars.includes('会')).toBe(true);
		expect(new Set(chars).size).toBe([...chars].length);
	});

	it('shows the case in each script with its place, issues and date', () => {
		const hant = JSON.parse(buildRecord(doc, context).display.hant.toString('utf8')) as ResultDisplay;
		expect(hant).toMatchObject({
			id: doc.id,
			t: `${doc.title}\n${doc.subtitle}`,
			u: '縣委組織部',
			d: '2021-06-30',
			i: ['汇编 changshan-dangshi-xuandeng-1'],
		});
		expect(hant.p).toEqual(['浙江省', '衢州市', '常山县', '球川鎮']);
		expect(hant.b).toBe(doc.body);
	});
});
