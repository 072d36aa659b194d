/**
 * The build's validation cache (src/lib/content/validation-cache.ts) over copies of the
 * sample compendium: a rebuild reuses the frontmatter of unchanged files and parses changed
 * ones, and every result, problems included, equals what validation without a cache finds,
 * also when the cause of a problem is in another file or the code or language changed.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { editFile } from '../../support/edit-file.ts';
import { ContentErrors, validateForBuild } from '../../../src/lib/build/content-gate.ts';
import { validateContent, type ValidationResult } from '../../../src/lib/content/validate.ts';
import { VALIDATION_CACHE_FILE, ValidationCache } from '../../../src/lib/content/validation-cache.ts';
import { parseFrontmatterInWorkers } from '../../../src/lib/content/frontmatter-workers.ts';
import { PROJECT_ROOT } from '../../../src/lib/content/paths.ts';
import { setMessageLanguage } from '../../../src/lib/i18n/messages/index.ts';

const SAMPLE = path.join(PROJECT_ROOT, 'content');
const CASE = 'cases/changning-yangquan.mdx';
let dir: string;
let cacheDir: string;

const edit = (relativeFile: string, change: (text: string) => string) => editFile(dir, relativeFile, change);

/** A build's validation: the cache opened from the directory, used, saved. */
function cachedBuild(codeVersion?: string): { result: ValidationResult; counts: ValidationCache['counts'] } {
	const cache = codeVersion === undefined ? ValidationCache.open(cacheDir) : ValidationCache.open(cacheDir, codeVersion);
	const result = validateContent({ cache });
	cache.save();
	return { result, counts: cache.counts };
}

/** What a validation found and read, comparable with toEqual (lineOf is a function). */
function comparable(result: ValidationResult) {
	const entries = <T>(map: Map<string, { id: string; file: string; data: T; body: string; bodyStartLine: number }>) =>
		[...map.values()].map(({ id, file, data, body, bodyStartLine }) => ({ id, file, data, body, bodyStartLine }));
	return { problems: result.problems, cases: entries(result.cases), issues: entries(result.issues), bodyFiles: result.bodyFiles };
}

/** The cached build must find exactly what an uncached validation finds. */
function expectSameAsUncached(result: ValidationResult) {
	expect(comparable(result)).toEqual(comparable(validateContent()));
}

beforeEach(() => {
	setMessageLanguage('en');
	dir = mkdtempSync(path.join(tmpdir(), 'compendium-vcache-'));
	cacheDir = path.join(dir, '.cache');
	mkdirSync(cacheDir);
	cpSync(SAMPLE, path.join(dir, 'content'), { recursive: true });
	dir = path.join(dir, 'content');
	process.env.COMPENDIUM_CONTENT = dir;
});
afterEach(() => {
	delete process.env.COMPENDIUM_CONTENT;
	rmSync(path.dirname(dir), { recursive: true, force: true });
	setMessageLanguage('en');
});

describe('validation cache', () => {
	it('parses everything on a cold cache, nothing on an unchanged rebuild, and finds the same', () => {
		const cold = cachedBuild();
		expect(cold.counts).toEqual({ reused: 0, parsed: 11 });
		const warm = cachedBuild();
		expect(warm.counts).toEqual({ reused: 11, parsed: 0 });
		expectSameAsUncached(warm.result);
		// A problem's line is found on demand for a cached entry too.
		const entry = warm.result.cases.get('changning-yangquan');
		expect(entry?.lineOf(['region', 'code'])).toBe(validateContent().cases.get('changning-yangquan')?.lineOf(['region', 'code']));
		expect(entry?.lineOf(['region', 'code'])).toBeGreaterThan(1);
	});

	it('on a cold cache, is filled by worker threads with exactly what the main thread would find, errors included', async () => {
		edit(CASE, (t) => t.replace(/code: "430482"/, 'code: "430483"'));
		const cache = ValidationCache.open(cacheDir);
		expect(await parseFrontmatterInWorkers(cache, { size: 2, minFiles: 1 })).toBe(11);
		// Every outcome must come from the workers, under the key the main thread looks up.
		const outcome = cache.outcome.bind(cache);
		vi.spyOn(cache, 'outcome').mockImplementation((key) =>
			outcome(key, () => {
				throw new Error('parsed again on the main thread');
			}),
		);
		const result = validateContent({ cache });
		expect(cache.counts).toEqual({ reused: 0, parsed: 11 });
		expectSameAsUncached(result);
		expect(result.problems.find((p) => p.field === 'region.code')?.message).toMatch(/430483/);
		cache.save();
		// A warm cache is left to the main thread, and so is a small content folder.
		expect(await parseFrontmatterInWorkers(ValidationCache.open(cacheDir), { size: 2, minFiles: 1 })).toBe(0);
		expect(await parseFrontmatterInWorkers(ValidationCache.open(path.join(dir, 'none')), { size: 2 })).toBe(0);
	});

	it('parses a changed file again and reads its new data', () => {
		cachedBuild();
		edit(CASE, (t) => t.replace(/^title: .*$/m, 'title: 改过的标题'));
		const rebuild = cachedBuild();
		expect(rebuild.counts).toEqual({ reused: 10, parsed: 1 });
		expect(rebuild.result.cases.get('changning-yangquan')?.data.title).toBe('改过的标题');
		expectSameAsUncached(rebuild.result);
	});

	it('a body edit keeps the frontmatter cached but returns the new body', () => {
		cachedBuild();
		edit(CASE, (t) => `${t}\n新增的一段正文。\n`);
		const rebuild = cachedBuild();
		expect(rebuild.counts).toEqual({ reused: 11, parsed: 0 });
		expect(rebuild.result.cases.get('changning-yangquan')?.body).toContain('新增的一段正文。');
		expectSameAsUncached(rebuild.result);
	});

	it('an unchanged file with an error reports it again, with its file, line, field and message', () => {
		edit(CASE, (t) => t.replace(/code: "430482"/, 'code: "430483"'));
		const first = cachedBuild();
		const second = cachedBuild();
		expect(second.counts.parsed).toBe(0);
		const errors = second.result.problems.filter((p) => p.severity === 'error');
		expect(errors).toEqual(first.result.problems.filter((p) => p.severity === 'error'));
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatchObject({ file: expect.stringMatching(/changning-yangquan\.mdx$/), field: 'region.code', line: expect.any(Number) });
		expect(errors[0]?.message).toContain('unknown division code "430483"');
		expectSameAsUncached(second.result);
	});

	it('a YAML syntax error is reported again from the cache', () => {
		edit(CASE, (t) => t.replace(/^title: (.*)$/m, 'title: [$1'));
		cachedBuild();
		const second = cachedBuild();
		expect(second.counts.parsed).toBe(0);
		expect(second.result.problems.some((p) => p.severity === 'error' && p.file.endsWith('changning-yangquan.mdx') && p.line! > 1)).toBe(true);
		expectSameAsUncached(second.result);
	});

	it('catches a change in another file: a case an unchanged issue lists is removed', () => {
		cachedBuild();
		const issueFile = readFileSync(path.join(dir, 'issues', readdirIssue()), 'utf8');
		const listed = /cases:\n\s+- ([a-z0-9-]+)/.exec(issueFile)?.[1];
		expect(listed).toBeDefined();
		unlinkSync(path.join(dir, 'cases', `${listed}.mdx`));
		const rebuild = cachedBuild();
		expect(rebuild.counts.parsed).toBe(0);
		const unknown = rebuild.result.problems.find((p) => p.message.includes(`"${listed}"`));
		expect(unknown).toMatchObject({ severity: 'error', field: expect.stringMatching(/^cases\[\d+\]$/), line: expect.any(Number) });
		expectSameAsUncached(rebuild.result);
	});

	it('catches a change in another file: a method an unchanged case uses leaves methods.yaml', () => {
		const slug = /methods:\n {2}- ([a-z0-9-]+)/.exec(readFileSync(path.join(dir, CASE), 'utf8'))?.[1];
		expect(slug).toBeDefined();
		cachedBuild();
		edit('methods.yaml', (t) => t.replace(new RegExp(`slug: ${slug}\\b`), `slug: ${slug}-renamed`));
		const rebuild = cachedBuild();
		expect(rebuild.counts.parsed).toBe(0);
		const unknown = rebuild.result.problems.find((p) => p.file.endsWith('changning-yangquan.mdx') && p.field?.startsWith('methods['));
		expect(unknown?.severity).toBe('error');
		expect(unknown?.line).toBeGreaterThan(1);
		expectSameAsUncached(rebuild.result);
	});

	it('catches a duplicate id made by a new file whose twin is cached', () => {
		cachedBuild();
		mkdirSync(path.join(dir, 'cases', 'changning-yangquan'));
		cpSync(path.join(dir, CASE), path.join(dir, 'cases', 'changning-yangquan', 'index.mdx'));
		const rebuild = cachedBuild();
		expect(rebuild.counts).toEqual({ reused: 11, parsed: 1 });
		expect(rebuild.result.problems.some((p) => p.severity === 'error' && p.file.endsWith('changning-yangquan/index.mdx'))).toBe(true);
		expectSameAsUncached(rebuild.result);
	});

	it('a new code version or message language parses everything again', () => {
		edit(CASE, (t) => t.replace(/code: "430482"/, 'code: "430483"'));
		cachedBuild('version-a');
		expect(cachedBuild('version-a').counts.parsed).toBe(0);
		expect(cachedBuild('version-b').counts).toEqual({ reused: 0, parsed: 11 });
		setMessageLanguage('zh');
		const chinese = cachedBuild('version-b');
		expect(chinese.counts.parsed).toBe(11);
		expectSameAsUncached(chinese.result);
		expect(chinese.result.problems.find((p) => p.field === 'region.code')?.message).toMatch(/[\u4e00-\u9fff]/);
	});
});

describe('the build gate', () => {
	/** What a build prints and throws for its content errors. */
	async function gateErrors(cache?: string): Promise<{ printed: string; thrown: unknown }> {
		const printed: string[] = [];
		const spy = vi.spyOn(console, 'error').mockImplementation((text: string) => void printed.push(text));
		try {
			await validateForBuild(cache);
			return { printed: printed.join('\n'), thrown: undefined };
		} catch (thrown) {
			return { printed: printed.join('\n'), thrown };
		} finally {
			spy.mockRestore();
		}
	}

	it('an incremental build keeps the cache and reports the same errors from it; a build without a cache directory keeps none', async () => {
		edit(CASE, (t) => t.replace(/code: "430482"/, 'code: "430483"'));
		const uncached = await gateErrors();
		expect(existsSync(path.join(cacheDir, VALIDATION_CACHE_FILE))).toBe(false);
		const cold = await gateErrors(cacheDir);
		const warm = await gateErrors(cacheDir);
		expect(existsSync(path.join(cacheDir, VALIDATION_CACHE_FILE))).toBe(true);
		for (const run of [uncached, cold, warm]) expect(run.thrown).toBeInstanceOf(ContentErrors);
		expect(warm.printed).toBe(uncached.printed);
		expect(warm.printed).toMatch(/changning-yangquan\.mdx:\d+ .* region\.code: .*430483/);
	});

	it('says what the cache reused', async () => {
		expect((await validateForBuild()).frontmatter).toBeUndefined();
		expect((await validateForBuild(cacheDir)).frontmatter).toEqual({ reused: 0, rebuilt: 11 });
		expect((await validateForBuild(cacheDir)).frontmatter).toEqual({ reused: 11, rebuilt: 0 });
	});
});

/** The first issue file of the copy. */
function readdirIssue(): string {
	return readdirSync(path.join(dir, 'issues'))
		.filter((name) => name.endsWith('.mdx'))
		.sort()[0]!;
}
