/**
 * Internal issues (内部资料) never reach the public build. A fixture compendium holds a
 * public issue and an internal one whose note, series name and only case carry a phrase
 * found nowhere else; the public build must not contain it in any file (HTML, feeds,
 * sitemap, JSON, the gzip-compressed search index, the text of every PDF), and the
 * internal edition must contain it in each of those kinds of output.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/content/paths.ts';
import { buildSite, testBuildEnv } from '../support/build.ts';

const fixture = path.join(PROJECT_ROOT, 'tests/fixtures/internal-edition');
const work = path.join(PROJECT_ROOT, '.tmp', 'internal-test');
/** The phrase and its pieces as the search index segments them (bigrams); no character differs between scripts. */
const PHRASE = '庚辛壬癸子丑寅卯';
const TRACES = [PHRASE, '壬癸', '丑寅'];

function* files(dir: string): Generator<string> {
	for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) yield path.join(entry.parentPath, entry.name);
}

/** A file's text as a reader or a crawler gets it: PDFs through pdftotext, Word files and gzip (Pagefind) unpacked. */
function textOf(file: string): string {
	if (file.endsWith('.pdf')) return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
	if (file.endsWith('.docx')) return execFileSync('unzip', ['-p', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
	const bytes = readFileSync(file);
	if (bytes[0] === 0x1f && bytes[1] === 0x8b) return gunzipSync(bytes).toString('utf8');
	return bytes.toString('utf8');
}

/** Files under `dir` holding any trace of the phrase, relative to `dir`. */
function leaks(dir: string): string[] {
	return [...files(dir)].filter((file) => TRACES.some((trace) => textOf(file).includes(trace))).map((file) => path.relative(dir, file));
}

describe('internal issues', () => {
	const publicDir = path.join(work, 'public');
	const internalDir = path.join(work, 'internal');

	beforeAll(() => {
		rmSync(work, { recursive: true, force: true });
		const cacheDir = path.join(work, 'cache');
		buildSite(publicDir, { content: fixture, cacheDir });
		buildSite(internalDir, { content: fixture, cacheDir, env: { COMPENDIUM_EDITION: 'internal' } });
	}, 600_000);

	it('leave no trace in any file of the public build', () => {
		const all = [...files(publicDir)];
		expect(
			all.some((f) => f.endsWith('.pdf')),
			'the public issue was printed',
		).toBe(true);
		expect(
			all.some((f) => f.includes('pagefind')),
			'a search index was written',
		).toBe(true);
		expect(leaks(publicDir)).toEqual([]);
	});

	it('publish no page, PDF or Word file of the internal issue and no page of its own case', () => {
		const all = [...files(publicDir)].map((f) => path.relative(publicDir, f));
		expect(all.filter((f) => f.includes('neibu-'))).toEqual([]);
	});

	it('are in every kind of output of the internal edition', () => {
		const found = leaks(internalDir);
		expect(found).toContain('zh-hans/issues/neibu-tongbao-1/index.html');
		expect(found).toContain('zh-hant/cases/neibu-shidian/index.html');
		expect(found).toContain('zh-hans/issues.xml');
		expect(found.some((f) => f.endsWith('.pdf'))).toBe(true);
		expect(found.some((f) => f.endsWith('.docx'))).toBe(true);
		expect(found.some((f) => f.includes('pagefind'))).toBe(true);
		expect(found.some((f) => f.startsWith('sitemap') || f.endsWith('.xml'))).toBe(true);
	});

	it('npm run check warns when a public issue lists a case of an internal issue', () => {
		const out = execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/check.ts')], {
			cwd: PROJECT_ROOT,
			encoding: 'utf8',
			env: testBuildEnv({ COMPENDIUM_CONTENT: fixture }),
		});
		expect(out).toMatch(/neibu-tongbao-1\.mdx (warning|警告) cases: .*yuncheng-yanhu.*yuncheng-wumian-hongqi-1/);
		expect(out).not.toMatch(/neibu-shidian.*也被公开期刊/);
	});
});
