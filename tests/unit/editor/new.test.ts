/** The pure parts of `npm run new`: methods by name, readable slugs, region from the unit, preview URL, no-clobber writes, the scaffold. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentPaths } from '../../../src/lib/content/paths.ts';
import { methodFilter, resolveMethods, splitList } from '../../../src/lib/editor/methods.ts';
import { previewUrl } from '../../../src/lib/editor/preview.ts';
import { regionFromUnit } from '../../../src/lib/editor/region.ts';
import { freeFileName } from '../../../src/lib/editor/ask.ts';
import { FileExistsError, writeNewFile } from '../../../src/lib/editor/write-new.ts';
import { setMessageLanguage } from '../../../src/lib/i18n/messages/index.ts';
import { checkAnswers, scaffoldCase } from '../../../src/lib/import/scaffold.ts';
import { loadTaxonomy } from '../../../src/lib/import/taxonomy.ts';
import { CaseSchema } from '../../../src/schemas/case.ts';

const { methods } = loadTaxonomy(contentPaths.methods());
const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('methods by Chinese name or slug', () => {
	it('splits on commas, 顿号 and spaces', () => {
		expect(splitList('文旅融合、积分制管理，grid-governance  points-system')).toEqual(['文旅融合', '积分制管理', 'grid-governance', 'points-system']);
	});

	it('takes names (either script) and slugs, keeps order, drops repeats', () => {
		const { slugs, unknown } = resolveMethods(['文旅融合', 'points-system', '積分制管理', 'Grid-Governance'], methods);
		expect(unknown).toEqual([]);
		expect(slugs).toEqual(['culture-tourism-integration', 'points-system', 'grid-governance']);
	});

	it('suggests the closest names and slugs for a near miss, nothing for nonsense', () => {
		const { slugs, unknown } = resolveMethods(['文旅融和', 'grid-governanse', 'qwertyuiop'], methods);
		expect(slugs).toEqual([]);
		expect(unknown[0]).toEqual({ given: '文旅融和', suggestions: ['文旅融合（culture-tourism-integration）'] });
		expect(unknown[1]?.suggestions).toContain('网格化管理与联户服务（grid-governance）');
		expect(unknown[2]?.suggestions).toEqual([]);
	});

	it('filters the interactive list by name, slug or category, and by keyword only when nothing is named so', () => {
		const matches = methodFilter(methods);
		const named = (search: string) => methods.filter((m) => matches(m, search)).map((m) => m.slug);
		expect(named('积分')).toEqual(['points-system']);
		expect(named('文旅')).toEqual(['culture-tourism-integration']);
		expect(named('乡村旅游')).toEqual(['culture-tourism-integration']);
		expect(named('grid')).toEqual(['grid-governance']);
		expect(named('')).toHaveLength(methods.length);
	});
});

describe('file names', () => {
	it('suggests the importer’s readable name (place and keyword in pinyin), the same for either script', () => {
		const hans = scaffoldCase({
			title: '推进“文旅融合”发展',
			unit: '常山县文广旅体局',
			region: '330822',
			methods: ['points-system'],
			script: 'hans',
		});
		const hant = scaffoldCase({
			title: '推進“文旅融合”發展',
			unit: '常山縣文廣旅體局',
			region: '330822',
			methods: ['points-system'],
			script: 'hant',
		});
		expect(hans.slug).toBe('changshan-wenlvronghe');
		expect(hant.slug).toBe('changshan-wenlvronghe');
	});

	it('takes the first free name in a folder', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'editor-names-'));
		scratch.push(dir);
		expect(freeFileName(dir, 'a-b')).toBe('a-b');
		writeFileSync(path.join(dir, 'a-b.mdx'), '');
		writeFileSync(path.join(dir, 'a-b-2.mdx'), '');
		expect(freeFileName(dir, 'a-b')).toBe('a-b-3');
		expect(freeFileName(path.join(dir, 'missing'), 'a-b')).toBe('a-b');
	});
});

describe('region from the unit (the importer’s resolver)', () => {
	it('finds the county a unit names, with its township', () => {
		expect(regionFromUnit('常山县委组织部')).toEqual({ code: '330822', certain: true });
		expect(regionFromUnit('通道县大高坪苗族乡党委')).toMatchObject({ code: '431230', certain: true, township: '大高坪苗族乡' });
	});

	it('says when the unit names no county, keeping the township', () => {
		expect(regionFromUnit('递铺街道党工委')).toEqual({ certain: false, township: '递铺街道' });
		expect(regionFromUnit('县委组织部').code).toBeUndefined();
	});
});

describe('preview URL', () => {
	it('is the dev server address of the case in its script, under the base', () => {
		expect(previewUrl({ kind: 'case', id: 'changshan-x' }, '/')).toBe('http://localhost:4321/zh-hans/cases/changshan-x/');
		expect(previewUrl({ kind: 'issue', id: 'q-2' }, '/compendium/', 'hant')).toBe('http://localhost:4321/compendium/zh-hant/issues/q-2/');
	});
});

describe('writeNewFile', () => {
	it('creates the file and refuses to replace one, leaving no temporary file', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'editor-write-'));
		scratch.push(dir);
		const file = path.join(dir, 'sub', 'a.mdx');
		writeNewFile(file, 'one');
		expect(() => writeNewFile(file, 'two')).toThrow(FileExistsError);
		expect(readFileSync(file, 'utf8')).toBe('one');
		writeFileSync(path.join(dir, 'b.mdx'), 'editor’s work');
		expect(() => writeNewFile(path.join(dir, 'b.mdx'), 'x')).toThrow(FileExistsError);
		expect(readFileSync(path.join(dir, 'b.mdx'), 'utf8')).toBe('editor’s work');
		expect(readdirSync(path.join(dir, 'sub'))).toEqual(['a.mdx']);
		expect(readdirSync(dir).sort()).toEqual(['b.mdx', 'sub']);
	});
});

describe('scaffoldCase', () => {
	const answers = {
		title: '推进“文旅融合”发展',
		unit: '常山县文广旅体局',
		region: '330822',
		methods: ['culture-tourism-integration'],
		script: 'hans' as const,
	};

	it('writes a valid draft with a readable name, a plain-text body and what is left to do under review', () => {
		const result = scaffoldCase({ ...answers, date: '2024-06-30', township: '天马街道' });
		expect(result.slug).toBe('changshan-wenlvronghe');
		expect(CaseSchema.safeParse(result.data).success).toBe(true);
		expect(result.data).toMatchObject({ status: 'draft', region: { code: '330822', township: '天马街道' }, date: '2024-06-30' });
		expect(result.data.review).toEqual(['source.publisher', 'summary', 'metrics', 'body']);
		expect(result.mdx).not.toMatch(/[{}]/);
		expect(result.mdx).toContain('（待补充：在此撰写或粘贴正文');
	});

	it('marks the date for review when none was given', () => {
		const result = scaffoldCase(answers, new Date(2025, 0, 2));
		expect(result.data.date).toBe('2025-01-02');
		expect(result.data.review).toContain('date');
	});

	it('reports bad answers in Chinese, or English on request', () => {
		const bad = { ...answers, title: ' ', region: '999999', methods: ['nope'], slug: 'Bad Name', date: '2024/1/1' };
		expect(checkAnswers(bad, new Set(methods.map((m) => m.slug)))).toEqual([
			'title（标题）：不能为空',
			'region（地区）：应为县级及以上行政区划代码，收到“999999”',
			'methods（方法）：content/methods.yaml 中没有“nope”',
			'文件名：只能用小写字母、数字和连字符（它会成为网址），收到“Bad Name”',
			'date（日期）：应为 YYYY-MM-DD，收到“2024/1/1”',
		]);
		setMessageLanguage('en');
		try {
			expect(checkAnswers({ ...answers, title: '' })).toEqual(['title: expected the headline, found nothing']);
		} finally {
			setMessageLanguage('zh');
		}
	});
});
