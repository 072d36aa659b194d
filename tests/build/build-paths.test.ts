/**
 * One build path: `astro build` (what every Astro user, CI template and hosting preset runs)
 * makes the same site as `npm run build`, search index and PDFs included, because both run the
 * integration's steps. And `npm run build` fails cleanly: whatever step fails, no staging
 * directory is left, the previous output is untouched, and the user sees a message, not a stack.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/content/paths.ts';
import { testBuildEnv } from '../support/build.ts';
import { secondAstroBuild } from '../support/second-build.ts';
import { siteDir } from '../support/site.ts';

mkdirSync(path.join(PROJECT_ROOT, '.tmp'), { recursive: true });
const work = mkdtempSync(path.join(PROJECT_ROOT, '.tmp', 'build-paths-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file of a directory with a hash of its bytes. */
function fingerprint(dir: string): Map<string, string> {
	const files = new Map<string, string>();
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const file = path.join(entry.parentPath, entry.name);
		files.set(path.relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex'));
	}
	return files;
}

const stagingDirs = () => readdirSync(path.join(PROJECT_ROOT, '.tmp')).filter((name) => /^build-\d+$/.test(name));

describe('astro build', () => {
	it('gives the same dist/ as npm run build, search index and PDFs included', () => {
		// Global setup's site is npm run build's; the second build (shared with quality's reproducibility test) is astro build's.
		const out = secondAstroBuild();
		const published = fingerprint(siteDir());
		const astro = fingerprint(out);
		expect([...published.keys()].filter((file) => file.startsWith('pagefind/')).length).toBeGreaterThan(5);
		if (process.env.CI || existsSync(path.join(siteDir(), 'pdf'))) {
			expect([...published.keys()].filter((file) => file.endsWith('.pdf')).length).toBeGreaterThan(0);
		}
		expect([...astro.keys()].sort()).toEqual([...published.keys()].sort());
		expect([...astro].filter(([file, hash]) => published.get(file) !== hash).map(([file]) => file)).toEqual([]);
	}, 600_000);
});

describe('npm run build failing', () => {
	/** A copy of the sample content, changed by `edit`, as the build's content. */
	function content(name: string, edit: (dir: string) => void): string {
		const dir = path.join(work, name);
		cpSync(path.join(PROJECT_ROOT, 'content'), dir, { recursive: true });
		edit(dir);
		return dir;
	}

	function build(out: string, env: NodeJS.ProcessEnv) {
		mkdirSync(out, { recursive: true });
		writeFileSync(path.join(out, 'previous.txt'), 'the last good build');
		const before = stagingDirs();
		const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/build.ts'), '--out', out], {
			cwd: PROJECT_ROOT,
			encoding: 'utf8',
			env: testBuildEnv({ COMPENDIUM_CACHE_DIR: path.join(work, 'fail-cache'), ...env }),
		});
		return { ...result, output: `${result.stdout}\n${result.stderr}`, leftover: stagingDirs().filter((d) => !before.includes(d)) };
	}

	it('stops on a content error with the file and line, in Chinese, and writes nothing', () => {
		const dir = content('bad-status', (d) => {
			const file = path.join(d, 'cases', 'yuncheng-yanhu.mdx');
			writeFileSync(file, readFileSync(file, 'utf8').replace(/^status: published$/m, 'status: pubished'));
		});
		const out = path.join(work, 'out-content');
		const result = build(out, { COMPENDIUM_CONTENT: dir });
		expect(result.status).toBe(1);
		expect(result.output).toMatch(/yuncheng-yanhu\.mdx:\d+ 错误 status: .*pubished/);
		expect(result.output).toContain('内容有 1 处错误');
		expect(result.output).not.toMatch(/\n\s+at /);
		expect(result.leftover).toEqual([]);
		expect(readdirSync(out)).toEqual(['previous.txt']);
	});

	it('removes the staging directory and keeps the previous output when the PDF step fails', () => {
		const out = path.join(work, 'out-pdf');
		// A "browser" that exits at once: printing fails after the site and the search index were built.
		const result = build(out, { CHROMIUM_PATH: '/bin/false' });
		expect(result.status).toBe(1);
		expect(result.output).toContain('构建失败');
		expect(result.output).not.toMatch(/\n\s+at /);
		expect(result.leftover).toEqual([]);
		expect(readdirSync(out)).toEqual(['previous.txt']);
	}, 600_000);
});
