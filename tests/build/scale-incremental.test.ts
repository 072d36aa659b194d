/**
 * Incremental builds must never publish a stale page. On a copy of the sample compendium,
 * four kinds of edit are made between builds — a case's text, an issue's case list, a
 * glossary term, the site title — and after each, the incremental build (Astro's
 * experimental.incrementalBuild with our cache keys) must equal a clean build of the same
 * content byte for byte, every page the edit touches must have changed, and pages the
 * edit cannot touch must have been reused rather than rendered.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incrementalOutcome, readIncrementalManifest } from '../../src/lib/build/incremental.ts';
import { contentDir as sampleContent, PROJECT_ROOT } from '../../src/lib/content/paths.ts';
import { buildSite } from '../support/build.ts';

const work = path.join(PROJECT_ROOT, '.tmp', `scale-incremental-${process.pid}`);
const content = path.join(work, 'content');
const cache = path.join(work, 'cache');
const env = { COMPENDIUM_PDF: 'off' };

/**
 * Every file of a built site (path → bytes). A Word file is a zip whose entries carry the
 * time they were zipped, so two builds never match byte for byte (the print step's
 * concern, not the cache's): it is compared by its entries' names and contents.
 */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
	const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
	const map = new Map<string, Buffer>();
	for (const file of files) {
		const full = path.join(dir, file);
		if (!statSync(full).isFile()) continue;
		const bytes = readFileSync(full);
		if (!file.endsWith('.docx')) {
			map.set(file, bytes);
			continue;
		}
		const zip = await JSZip.loadAsync(bytes);
		const names = Object.keys(zip.files).sort();
		const parts = await Promise.all(names.map(async (name) => Buffer.concat([Buffer.from(`${name}\0`), await zip.files[name]!.async('nodebuffer')])));
		map.set(file, Buffer.concat(parts));
	}
	return map;
}

/** Files that differ between two builds (added, removed or changed). */
function changed(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
	const names = new Set([...a.keys(), ...b.keys()]);
	return [...names].filter((name) => !a.get(name)?.equals(b.get(name) ?? Buffer.alloc(0)) || !b.has(name)).sort();
}

let round = 0;
/** Builds the current content twice: incrementally over the shared cache, and clean; returns both and how many keyed pages were reused. */
async function buildBoth(): Promise<{ incremental: Map<string, Buffer>; clean: Map<string, Buffer>; reused: number }> {
	round++;
	const incremental = path.join(work, `incremental-${round}`);
	const clean = path.join(work, `clean-${round}`);
	const before = readIncrementalManifest(cache);
	buildSite(incremental, { content, cacheDir: cache, env });
	const { reused } = incrementalOutcome(before, readIncrementalManifest(cache));
	buildSite(clean, { content, cacheDir: path.join(work, `clean-cache-${round}`), env: { ...env, COMPENDIUM_INCREMENTAL: 'off' } });
	return { incremental: await snapshot(incremental), clean: await snapshot(clean), reused };
}

function edit(file: string, change: (text: string) => string): void {
	const full = path.join(content, file);
	const before = readFileSync(full, 'utf8');
	const after = change(before);
	expect(after, `the edit of ${file} should change it`).not.toBe(before);
	writeFileSync(full, after);
}

let previous: Map<string, Buffer>;

beforeAll(async () => {
	rmSync(work, { recursive: true, force: true });
	mkdirSync(work, { recursive: true });
	cpSync(sampleContent(), content, { recursive: true });
	const first = path.join(work, 'first');
	buildSite(first, { content, cacheDir: cache, env });
	previous = await snapshot(first);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('an incremental build after an edit equals a clean build', () => {
	it('a case text and an issue case list: the case, its issue and its new neighbours change; other cases are reused', async () => {
		// changshan-dangshi-xuandeng-1 lists changshan-cunqing-baogaohui then changshan-wenhua-gongfu: swap them.
		edit('issues/changshan-dangshi-xuandeng-1.mdx', (t) =>
			t.replace('  - changshan-cunqing-baogaohui\n  - changshan-wenhua-gongfu', '  - changshan-wenhua-gongfu\n  - changshan-cunqing-baogaohui'),
		);
		edit('cases/jixi-shangzhuang.mdx', (t) => `${t.trimEnd()}\n\n增量构建测试新增的一段正文。\n`);
		const { incremental, clean, reused } = await buildBoth();
		expect(changed(incremental, clean)).toEqual([]);
		const differs = changed(previous, incremental);
		for (const script of ['zh-hans', 'zh-hant']) {
			for (const page of [
				`${script}/cases/jixi-shangzhuang/index.html`,
				`${script}/cases/changshan-cunqing-baogaohui/index.html`,
				`${script}/cases/changshan-wenhua-gongfu/index.html`,
				`${script}/issues/changshan-dangshi-xuandeng-1/index.html`,
				`${script}/issues/changshan-dangshi-xuandeng-1/print/index.html`,
			]) {
				expect(differs, page).toContain(page);
			}
		}
		// Two scripts × (8 cases + 3 issues + 3 print pages) keyed pages; the untouched ones were copied.
		expect(reused).toBeGreaterThan(0);
		previous = incremental;
	});

	it('a glossary term: the traditional pages that use it change, and nothing is reused', async () => {
		// A new fixed form for a phrase of a simplified case (the test's own wording, to see it arrive).
		edit('glossary.yaml', (t) => `${t.trimEnd()}\n- hans: 亮家底\n  hant: 亮家當\n  note: 增量构建测试\n`);
		const { incremental, clean, reused } = await buildBoth();
		expect(changed(incremental, clean)).toEqual([]);
		const differs = changed(previous, incremental);
		expect(differs).toContain('zh-hant/cases/yuncheng-ruicheng/index.html');
		expect(readFileSync(path.join(work, `incremental-${round}`, 'zh-hant/cases/yuncheng-ruicheng/index.html'), 'utf8')).toContain('亮家當');
		expect(reused).toBe(0);
		previous = incremental;
	});

	it('the site title: every page changes, and nothing is reused', async () => {
		edit('site.yaml', (t) => t.replace('title: 典型案例汇编', 'title: 基层治理案例汇编'));
		const { incremental, clean, reused } = await buildBoth();
		expect(changed(incremental, clean)).toEqual([]);
		const differs = new Set(changed(previous, incremental));
		const pages = [...incremental.keys()].filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'));
		expect(pages.length).toBeGreaterThan(40);
		// Every page with the site frame shows the title; print pages (the briefing layout) and the root redirects do not.
		const framed = pages.filter((page) => !page.endsWith('/print/index.html') && page !== '404.html' && page !== 'index.html');
		for (const page of framed) expect(differs.has(page), page).toBe(true);
		expect(reused).toBe(0);
	});
});
