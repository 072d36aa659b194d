/**
 * What `npm run check` catches beyond the schemas, in Chinese by default: ids that clash
 * across file layouts, files the build would silently skip, frontmatter that only looks
 * closed, Chinese-numeral figures, unconfirmed guesses on published cases, issues with no
 * published case; and its command line (--help, --lang en, unknown flags).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editFile } from '../../support/edit-file.ts';
import { PROJECT_ROOT } from '../../../src/lib/content/paths.ts';
import type { Problem } from '../../../src/lib/content/problem.ts';
import { validateContent } from '../../../src/lib/content/validate.ts';
import { setMessageLanguage } from '../../../src/lib/i18n/messages/index.ts';

const SAMPLE = path.join(PROJECT_ROOT, 'content');
const CASE = 'cases/yuncheng-yanhu.mdx';
let dir: string;

const edit = (relativeFile: string, change: (text: string) => string) => editFile(dir, relativeFile, change);

function errors(): Problem[] {
	return validateContent().problems.filter((p) => p.severity === 'error');
}

beforeEach(() => {
	setMessageLanguage('zh');
	dir = mkdtempSync(path.join(tmpdir(), 'compendium-check-'));
	cpSync(SAMPLE, dir, { recursive: true });
	process.env.COMPENDIUM_CONTENT = dir;
});
afterEach(() => {
	delete process.env.COMPENDIUM_CONTENT;
	rmSync(dir, { recursive: true, force: true });
});

describe('files and ids', () => {
	it('x/index.mdx next to x.mdx is an error naming both files', () => {
		mkdirSync(path.join(dir, 'cases/yuncheng-yanhu'));
		writeFileSync(path.join(dir, 'cases/yuncheng-yanhu/index.mdx'), readFileSync(path.join(dir, CASE), 'utf8'));
		const clash = errors().filter((e) => e.message.includes('网址相同'));
		expect(clash).toHaveLength(1);
		expect(clash[0]!.message).toContain('yuncheng-yanhu.mdx');
		expect(clash[0]!.message).toContain('yuncheng-yanhu/index.mdx');
	});

	it.each(['zz-test.MDX', 'zz-test.markdown', 'zz-test.txt', 'zz-test.md'])('%s in cases/ is an error, not skipped', (name) => {
		writeFileSync(path.join(dir, 'cases', name), readFileSync(path.join(dir, CASE), 'utf8'));
		const found = errors().filter((e) => e.file.endsWith(name));
		expect(found).toHaveLength(1);
		expect(found[0]!.message).toMatch(/只读取 \.mdx 文件.*改名为 zz-test\.mdx/);
	});

	it('an .mdx file in issues/ with an upper-case extension too, and stray text files at the top of content/', () => {
		renameSync(path.join(dir, 'issues/dangjian-jiceng-zhili-1.mdx'), path.join(dir, 'issues/dangjian-jiceng-zhili-1.MDX'));
		writeFileSync(path.join(dir, 'notes.txt'), '笔记');
		const files = errors().map((e) => path.basename(e.file));
		expect(files).toEqual(expect.arrayContaining(['dangjian-jiceng-zhili-1.MDX', 'notes.txt']));
	});
});

describe('frontmatter', () => {
	it('a title ending in --- is not the end of the frontmatter', () => {
		edit(CASE, (t) => t.replace(/^title: (.*)$/m, 'title: $1---'));
		expect(errors()).toEqual([]);
	});

	it('an indented --- in a block scalar does not hide a typo after it', () => {
		edit(CASE, (t) => t.replace(/^summary: .*$/m, 'summary: |\n  上半段\n  ---\n  下半段').replace(/^status: published$/m, 'status: pubished'));
		const found = errors();
		expect(found).toHaveLength(1);
		expect(found[0]!.field).toBe('status');
		expect(found[0]!.line).toBeGreaterThan(1);
	});

	it('a line starting with --- inside the frontmatter (where Astro would stop) is an error at its line', () => {
		edit(CASE, (t) => t.replace(/^status: published$/m, 'status: published\n---注释'));
		const found = errors().filter((e) => e.message.includes('---'));
		expect(found).toHaveLength(1);
		expect(found[0]!.line).toBe(readFileSync(path.join(dir, CASE), 'utf8').split('\n').indexOf('---注释') + 1);
	});
});

describe('figures, review items and issues', () => {
	it('a metric written in Chinese numerals is compared with its value (六十七个 is 67, not 76)', () => {
		edit(CASE, (t) => t.replace(/^metrics:.*$/m, 'metrics:\n  - label: 测试\n    value: 76\n    unit: 个\n    text: 六十七个'));
		const found = errors();
		expect(found).toHaveLength(1);
		expect(found[0]!.field).toBe('metrics[0].value');
		expect(found[0]!.message).toContain('67');
	});

	it('accepts a correct Chinese-numeral figure', () => {
		edit(CASE, (t) => t.replace(/^metrics:.*$/m, 'metrics:\n  - label: 测试\n    value: 67\n    unit: 个\n    text: 六十七个'));
		expect(errors()).toEqual([]);
	});

	it('a published case with review items is an error listing each item', () => {
		edit(CASE, (t) => t.replace(/^status: published$/m, 'status: published\nreview:\n  - metrics[0].value 为推测\n  - date'));
		const found = errors();
		expect(found).toHaveLength(1);
		expect(found[0]).toMatchObject({ field: 'review' });
		expect(found[0]!.message).toMatch(/2 项待编辑确认[\s\S]*1\. metrics\[0\]\.value 为推测[\s\S]*2\. date/);
		edit(CASE, (t) => t.replace(/^status: published$/m, 'status: draft'));
		expect(errors().filter((e) => e.field === 'review')).toEqual([]);
	});

	it('an issue whose cases are all drafts is an error', () => {
		const issue = readFileSync(path.join(dir, 'issues/yuncheng-wumian-hongqi-1.mdx'), 'utf8');
		const ids = [...issue.matchAll(/^ {2}- (yuncheng-[a-z]+)$/gm)].map((m) => m[1]!);
		expect(ids.length).toBeGreaterThan(0);
		for (const id of ids) edit(`cases/${id}.mdx`, (t) => t.replace(/^status: published$/m, 'status: draft'));
		const found = errors();
		expect(found).toHaveLength(1);
		expect(found[0]).toMatchObject({ field: 'cases', file: expect.stringMatching(/yuncheng-wumian-hongqi-1\.mdx$/) });
		expect(found[0]!.message).toContain('都是草稿');
		edit('issues/yuncheng-wumian-hongqi-1.mdx', (t) => t.replace(/^series:/m, 'status: draft\nseries:'));
		expect(errors()).toEqual([]);
	});
});

describe('schema messages', () => {
	it('are in Chinese by default, naming the field and what was found', () => {
		edit(CASE, (t) =>
			t
				.replace(/^unit: .*\n/m, '')
				.replace(/^summary: /m, 'sumary: ')
				.replace(/^date: .*$/m, 'date: 2024-13-45')
				.replace(/^script: .*$/m, 'script: big5')
				.replace(/code: "140802"/, 'code: "140803"'),
		);
		const messages = errors().map((e) => `${e.field}: ${e.message}`);
		expect(messages).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^unit: 缺少必填字段/),
				expect.stringMatching(/未知字段 "sumary"/),
				expect.stringMatching(/^date: 应为 YYYY-MM-DD 格式的日期，现在是 "2024-13-45"/),
				expect.stringMatching(/^script: 应为 "hans"（简体）或 "hant"（繁體），现在是 "big5"/),
				expect.stringMatching(/^region\.code: 未知的行政区划代码 "140803".*是不是/),
			]),
		);
	});
});

describe('the command line', () => {
	const run = (...args: string[]) =>
		spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/check.ts'), ...args], {
			cwd: PROJECT_ROOT,
			encoding: 'utf8',
			env: { ...process.env, COMPENDIUM_CONTENT: dir, NO_COLOR: '1', LANG: 'C' },
		});

	it('--bogus prints the usage and exits 2; --help exits 0', () => {
		const bogus = run('--bogus');
		expect(bogus.status).toBe(2);
		expect(bogus.stderr).toContain('未知选项 --bogus');
		expect(run('--help').stdout).toContain('用法：npm run check');
	}, 120_000);

	it('reports in Chinese by default and in English with --lang en, exit 1 on errors, no stack trace', () => {
		edit(CASE, (t) => t.replace(/^status: published$/m, 'status: pubished').concat('\n满意度<90%\n'));
		const zh = run();
		expect(zh.status).toBe(1);
		expect(zh.stdout).toMatch(/yuncheng-yanhu\.mdx:\d+:\d+ 错误: 这里的“<”/);
		expect(zh.stdout).toMatch(/yuncheng-yanhu\.mdx:\d+ 错误 status: /);
		expect(zh.stdout).toContain('2 个错误');
		const en = run('--lang', 'en');
		expect(en.stdout).toMatch(/yuncheng-yanhu\.mdx:\d+:\d+ error: "<" here starts/);
		expect(en.stdout).toContain('2 error(s)');
		expect(zh.stdout + zh.stderr + en.stdout + en.stderr).not.toMatch(/\n\s+at /);
	}, 120_000);
});
