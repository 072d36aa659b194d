import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../src/lib/content/frontmatter.ts';
import { writeBenchContent } from '../../../src/lib/bench/print.ts';
import { IssueSchema } from '../../../src/schemas/issue.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'print-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeBenchContent', () => {
	it('writes N copies of the sample cases and one valid issue listing them in order', () => {
		const issueId = writeBenchContent(dir, 12, path.resolve(import.meta.dirname, '../../../content'));
		const cases = readdirSync(path.join(dir, 'cases')).sort();
		expect(cases).toHaveLength(12);
		const text = readFileSync(path.join(dir, 'issues', `${issueId}.mdx`), 'utf8');
		const issue = IssueSchema.parse(parse(splitFrontmatter(text).yaml));
		expect(issue.cases).toEqual(cases.map((f) => f.replace(/\.mdx$/, '')));
		expect(issue.distribution?.length).toBeGreaterThan(0);
		expect(readdirSync(dir)).toContain('site.yaml');
	});
});
