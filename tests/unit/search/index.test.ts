/**
 * The index as written (pagefind-writer.ts): Pagefind's own pagefind.js (in Node) must find
 * exactly the cases whose text contains the query, in either script, whether the words
 * sit in a few chunks or in many.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../../src/lib/search/document.ts';
import { openNodeSearch, type NodeSearch } from '../../../src/lib/search/node-client.ts';
import { searchableText } from '../../../src/lib/search/record.ts';
import { writeSearchIndex, type IndexStats } from '../../../src/lib/search/write-index.ts';
import type { Script } from '../../../src/schemas/script.ts';

const toHant = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toHans = OpenCC.Converter({ from: 'tw', to: 'cn' });
const convert = (text: string, from: Script, to: Script) => (from === to ? text : to === 'hant' ? toHant(text) : toHans(text));

const PHRASES = [
	'屋场党建',
	'三长制',
	'积分超市',
	'村情报告会',
	'胡柚品鉴',
	'五面红旗',
	'六步夺旗',
	'急难愁盼',
	'雏鹰工程',
	'枫桥经验',
	'爱心驿站',
	'网格化管理',
	'2023年底',
];
const COUNTIES = ['330822', '140830', '431230', '341824'];

/** Twelve cases, half written in 繁體, each with a few of the phrases in its body. */
function documents(): SearchDocument[] {
	return Array.from({ length: 12 }, (_, i) => {
		const script: Script = i % 2 ? 'hant' : 'hans';
		const chosen = PHRASES.filter((_, j) => (i + j) % 4 === 0);
		const body = chosen.map((phrase, k) => `第${k + 1}段，各地推进${phrase}工作，群众满意。`).join('\n');
		return {
			id: `case-${i}`,
			script,
			title: convert(`案例${i}：基层治理的探索`, 'hans', script),
			unit: convert('县委组织部', 'hans', script),
			summary: convert('一个测试用的案例摘要。', 'hans', script),
			body: convert(body, 'hans', script),
			regionCode: COUNTIES[i % COUNTIES.length]!,
			methods: i % 3 ? ['points-system'] : ['grid-governance', 'points-system'],
			issues: [`issue-${i % 2}`],
			date: `202${i % 4}-0${(i % 9) + 1}-15`,
			extra: [],
		};
	});
}

const context = {
	base: '/',
	convert,
	methodName: (slug: string) => ({ 'points-system': '积分制管理', 'grid-governance': '网格化管理与联户服务' })[slug],
	issueLabel: (id: string, script: Script) => convert(`测试汇编 ${id}`, 'hans', script),
};

describe('the written index', () => {
	const docs = documents();
	const dirs: string[] = [];
	const built: { stats: IndexStats; search: NodeSearch }[] = [];

	beforeAll(async () => {
		for (const chunkSize of [8_000, 50]) {
			const dir = mkdtempSync(path.join(tmpdir(), 'search-index-'));
			dirs.push(dir);
			const stats = await writeSearchIndex(docs, dir, context, { chunkSize });
			built.push({ stats, search: await openNodeSearch(dir) });
		}
	}, 120_000);

	afterAll(async () => {
		for (const { search } of built) await search.close();
		for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
	});

	it('was built in a few chunks and in many', () => {
		expect(built[0]!.stats.chunks).toBe(1);
		expect(built[1]!.stats.chunks).toBeGreaterThan(5);
		for (const { stats } of built) expect(stats.cases).toBe(12);
	});

	it('finds exactly the cases containing each phrase, typed in either script, from either build', async () => {
		for (const phrase of PHRASES) {
			const expected = docs
				.filter((doc) => convert(searchableText(doc, context), doc.script, 'hans').includes(phrase))
				.map((doc) => doc.id)
				.sort();
			expect(expected.length, phrase).toBeGreaterThan(0);
			for (const { search } of built) {
				// Inner parts too (a number is one word, so only Han phrases are cut).
				const parts = /^\p{Script=Han}+$/u.test(phrase) ? [phrase.slice(1), phrase.slice(0, -1)] : [];
				for (const query of [phrase, toHant(phrase), ...parts]) {
					const found = await search.caseIds(query);
					if (query === phrase || query === toHant(phrase)) expect([...found].sort(), query).toEqual(expected);
					else expect(found, query).toEqual(expect.arrayContaining(expected));
				}
			}
		}
	});

	it('finds nothing for a phrase in no case, even when its characters occur apart', async () => {
		for (const { search } of built) {
			expect(await search.caseIds('超市积分')).toEqual([]);
			expect(await search.caseIds('枫桥驿站')).toEqual([]);
		}
	});

	it('numbers pages oldest first and files every result in both scripts', () => {
		for (const { search } of built) {
			const dates = docs.map((_, page) => search.display(page, 'hans').d);
			expect(dates).toEqual([...dates].sort());
			const hant = search.display(0, 'hant');
			const doc = docs.find((d) => d.id === hant.id)!;
			expect(hant.t).toBe(convert(doc.title, doc.script, 'hant'));
			expect(hant.p[0]).toMatch(/^(浙江省|山西省|湖南省|安徽省)$/);
			expect(hant.i).toEqual([convert(`测试汇编 ${doc.issues[0]}`, 'hans', 'hant')]);
		}
	});

	it('writes one filter file per facet and labels in both scripts', () => {
		const { version } = built[1]!.search.manifest;
		expect(readdirSync(path.join(dirs[1]!, 'pagefind', version, 'filter')).sort()).toEqual(
			['city', 'county', 'issue', 'method', 'province', 'year'].map((f) => `${f}.pf_filter`),
		);
		const labels = JSON.parse(readFileSync(path.join(dirs[1]!, 'search-data', version, 'hant', 'labels.json'), 'utf8'));
		expect(labels.county['431230']).toBe('通道侗族自治縣');
		expect(labels.method['grid-governance']).toBe('網格化管理與聯戶服務');
	});
});

describe('an empty compendium', () => {
	it('writes a manifest saying there is nothing to search, and no Pagefind index', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'search-empty-'));
		try {
			const stats = await writeSearchIndex([], dir, context);
			expect(stats.cases).toBe(0);
			expect(JSON.parse(readFileSync(path.join(dir, 'search-data', 'manifest.json'), 'utf8'))).toMatchObject({ pages: 0 });
			expect(readdirSync(dir)).toEqual(['search-data']);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
