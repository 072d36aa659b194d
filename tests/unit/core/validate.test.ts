/**
 * `npm run check` over the real sample compendium and over small broken copies of it:
 * each kind of bad input is reported with its file, line, field, expectation and finding.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editFile } from '../../support/edit-file.ts';
import { formatProblems, validateContent } from '../../../src/lib/content/validate.ts';
import { PROJECT_ROOT } from '../../../src/lib/content/paths.ts';
import { setMessageLanguage } from '../../../src/lib/i18n/messages/index.ts';

// These tests read the English messages; check.test.ts covers the Chinese defaults.
setMessageLanguage('en');

const SAMPLE = path.join(PROJECT_ROOT, 'content');
let dir: string;

function useCopy() {
	dir = mkdtempSync(path.join(tmpdir(), 'compendium-check-'));
	cpSync(SAMPLE, dir, { recursive: true });
	process.env.COMPENDIUM_CONTENT = dir;
}

const edit = (relativeFile: string, change: (text: string) => string) => editFile(dir, relativeFile, change);

function errorsOf() {
	return validateContent().problems.filter((p) => p.severity === 'error');
}

const CASE = 'cases/changning-yangquan.mdx';

describe('the sample compendium', () => {
	it('is valid: 8 cases, 3 issues, no errors', () => {
		delete process.env.COMPENDIUM_CONTENT;
		const result = validateContent();
		expect(formatProblems(result.problems.filter((p) => p.severity === 'error'))).toBe('');
		expect(result.cases.size).toBe(8);
		expect(result.issues.size).toBe(3);
		expect(result.methods.size).toBeGreaterThan(5);
	});
});

describe('bad input', () => {
	beforeEach(useCopy);
	afterEach(() => {
		delete process.env.COMPENDIUM_CONTENT;
		rmSync(dir, { recursive: true, force: true });
	});

	it('unknown region code: names the field and line, suggests the near code', () => {
		edit(CASE, (t) => t.replace(/code: "430482"/, 'code: "430483"'));
		const [error] = errorsOf();
		expect(error?.file).toMatch(/changning-yangquan\.mdx$/);
		expect(error?.field).toBe('region.code');
		expect(error?.line).toBeGreaterThan(1);
		expect(error?.message).toContain('unknown division code "430483"');
		expect(error?.message).toContain('did you mean');
		expect(error?.message).toContain('430482');
	});

	it('region code written as a number or a name', () => {
		edit(CASE, (t) => t.replace(/code: "430482"/, 'code: 常宁市'));
		const [error] = errorsOf();
		expect(error?.field).toBe('region.code');
		expect(error?.message).toMatch(/expected a 6-digit GB\/T 2260 division code.*found "常宁市"/);
	});

	it('unknown method slug: did-you-mean from the taxonomy', () => {
		const text = readFileSync(path.join(dir, CASE), 'utf8');
		const slug = /methods:\n {2}- ([a-z0-9-]+)/.exec(text)?.[1];
		expect(slug).toBeDefined();
		edit(CASE, (t) => t.replace(`  - ${slug}\n`, `  - ${slug}x\n`));
		const [error] = errorsOf();
		expect(error?.field).toBe('methods[0]');
		expect(error?.message).toContain(`unknown method "${slug}x"`);
		expect(error?.message).toContain(`did you mean "${slug}"`);
		expect(error?.line).toBeDefined();
	});

	it('an issue that references a missing case', () => {
		edit('issues/dangjian-jiceng-zhili-1.mdx', (t) => t.replace('changning-yangquan', 'changning-yangqaun'));
		const [error] = errorsOf();
		expect(error?.file).toMatch(/dangjian-jiceng-zhili-1\.mdx$/);
		expect(error?.field).toMatch(/^cases\[\d\]$/);
		expect(error?.message).toContain('unknown case "changning-yangqaun"');
		expect(error?.message).toContain('did you mean "changning-yangquan"');
	});

	it('invalid YAML is reported with its line', () => {
		edit(CASE, (t) => t.replace(/^unit: (.*)$/m, 'unit: [$1'));
		const [error] = errorsOf();
		expect(error?.message).toMatch(/^invalid YAML/);
		const unitLine =
			readFileSync(path.join(dir, CASE), 'utf8')
				.split('\n')
				.findIndex((l) => l.startsWith('unit:')) + 1;
		expect(error?.line).toBeGreaterThanOrEqual(unitLine);
	});

	it('a metric whose value does not match its text', () => {
		edit(CASE, (t) => t.replace(/value: (\d+(?:\.\d+)?)\n(\s+)unit:/, 'value: 1$1\n$2unit:'));
		const errors = errorsOf();
		expect(errors[0]?.field).toMatch(/^metrics\[0\]\.value$/);
		expect(errors[0]?.message).toMatch(/^expected [\d.e+]+ \(the value of ".+"\), found 1\d/);
	});

	it('missing required field, wrong type, unknown field, bad date, bad status', () => {
		edit(CASE, (t) =>
			t
				.replace(/^unit: .*\n/m, '')
				.replace(/^summary: /m, 'sumary: ')
				.replace(/^date: .*$/m, 'date: 2024-13-45')
				.replace(/^status: .*$/m, 'status: live'),
		);
		const messages = errorsOf().map((e) => `${e.field}: ${e.message}`);
		expect(messages).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^unit: required field is missing/),
				expect.stringMatching(/^summary: required field is missing/),
				expect.stringMatching(/unknown field "sumary"/),
				expect.stringMatching(/^date: expected a date as YYYY-MM-DD, found "2024-13-45"/),
				expect.stringMatching(/^status: expected "draft" or "published", found "live"/),
			]),
		);
	});

	it('duplicate method slugs and duplicate issue numbers', () => {
		edit('methods.yaml', (t) => {
			const slug = /^- slug: (.+)$/m.exec(t)?.[1];
			return `${t}\n- slug: ${slug}\n  name: 重复\n  description: 重复\n  category: 重复\n`;
		});
		const series = /^series: (.*)$/m.exec(readFileSync(path.join(dir, 'issues/dangjian-jiceng-zhili-1.mdx'), 'utf8'))?.[1];
		writeFileSync(path.join(dir, 'issues/copy.mdx'), readFileSync(path.join(dir, 'issues/dangjian-jiceng-zhili-1.mdx'), 'utf8'));
		const messages = errorsOf().map((e) => e.message);
		expect(messages.some((m) => m.startsWith('duplicate method slug'))).toBe(true);
		expect(messages.some((m) => m.startsWith('duplicate issue') && m.includes(series ?? '?'))).toBe(true);
	});

	it('a case file that is not .mdx, or whose name cannot be a URL', () => {
		writeFileSync(path.join(dir, 'cases/extra.md'), readFileSync(path.join(dir, CASE), 'utf8'));
		writeFileSync(path.join(dir, 'cases/常宁.mdx'), readFileSync(path.join(dir, CASE), 'utf8'));
		const messages = errorsOf().map((e) => `${e.file} ${e.message}`);
		expect(messages).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/extra\.md only \.mdx files are read.*rename it to extra\.mdx/),
				expect.stringMatching(/常宁\.mdx expected a file name of lowercase letters.*found "常宁"/),
			]),
		);
	});

	it('a file without frontmatter', () => {
		writeFileSync(path.join(dir, 'cases/no-frontmatter.mdx'), '# 标题\n\n正文');
		const error = errorsOf().find((e) => e.file.endsWith('no-frontmatter.mdx'));
		expect(error?.line).toBe(1);
		expect(error?.message).toContain('expected YAML frontmatter');
	});

	it('formats problems as file:line field: message', () => {
		edit(CASE, (t) => t.replace(/code: "430482"/, 'code: "000000"'));
		expect(formatProblems(errorsOf())).toMatch(/^.+changning-yangquan\.mdx:\d+ error region\.code: unknown division code "000000"/);
	});
});
