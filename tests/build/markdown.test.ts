/**
 * The Markdown pipeline really runs its remark plugins (Astro 7's default processor would
 * skip them): GFM tables and strikethrough, CJK-friendly bold, joined Han line breaks.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/content/paths.ts';

const out = path.join(PROJECT_ROOT, '.tmp', 'test-markdown-site');
let html = '';

beforeAll(() => {
	execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/build.ts'), '--out', out], {
		cwd: PROJECT_ROOT,
		env: {
			...process.env,
			COMPENDIUM_CONTENT: 'tests/fixtures/markdown',
			COMPENDIUM_CACHE_DIR: path.join(PROJECT_ROOT, '.tmp', 'test-markdown-cache'),
			COMPENDIUM_PDF: 'off',
		},
		stdio: 'pipe',
	});
	html = readFileSync(path.join(out, 'zh-hans/cases/markdown-features/index.html'), 'utf8');
});

describe('markdown processing', () => {
	it('renders a GFM table', () => {
		expect(html).toMatch(/<table>[\s\S]*<th>指标<\/th>[\s\S]*<td>99\.5%<\/td>/);
	});
	it('renders GFM strikethrough', () => {
		expect(html).toContain('<del>旧的说法</del>新的说法');
	});
	it('renders bold next to Chinese punctuation', () => {
		expect(html).toContain('<strong>该县的做法（试点）。</strong>取得了明显成效');
	});
	it('joins a line break between Han characters', () => {
		expect(html).toContain('这是第一行这是第二行');
	});
});
