/**
 * Defence in depth: the build itself refuses a body that would run code or publish markup
 * (even when nobody ran `npm run check`), and text that looks like code but passes the
 * check (escaped braces and angle brackets, code spans) is published inert in both scripts.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import { PROJECT_ROOT } from '../../src/lib/content/paths.ts';
import { buildSite } from '../support/build.ts';

const fixture = path.join(PROJECT_ROOT, 'tests/fixtures/safety');
const work = mkdtempSync(path.join(tmpdir(), 'compendium-safety-build-'));
const cacheDir = path.join(PROJECT_ROOT, '.tmp', 'test-safety-cache');
const env = { COMPENDIUM_PDF: 'off' };
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a body that passes the check is published inert', () => {
	const out = path.join(work, 'inert');
	const pages: Record<string, string> = {};
	beforeAll(async () => {
		process.env.COMPENDIUM_CONTENT = fixture;
		const errors = (await checkContent()).problems.filter((p) => p.severity === 'error');
		delete process.env.COMPENDIUM_CONTENT;
		expect(errors).toEqual([]);
		buildSite(out, { content: fixture, cacheDir, env });
		for (const script of ['zh-hans', 'zh-hant']) pages[script] = readFileSync(path.join(out, script, 'cases/inert-text/index.html'), 'utf8');
	});

	it.each(['zh-hans', 'zh-hant'])('%s: no live markup, the text shown as written', (script) => {
		const html = pages[script]!;
		const body = html.slice(html.indexOf('class="prose"'));
		const document = new JSDOM(html).window.document;
		const prose = document.querySelector('.prose')!;
		expect(prose.querySelectorAll('script, iframe, img, style, object, embed')).toHaveLength(0);
		// The only scripts are the site's own: its modules and the inline head script, none with the content's code.
		for (const script of document.querySelectorAll('script')) {
			expect(script.getAttribute('src') ?? script.parentElement?.tagName).toMatch(/^(?:\/_astro\/|HEAD$)/);
			expect(script.textContent).not.toMatch(/XSS|alert\(/);
		}
		const handlers = [...document.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().filter((name) => name.startsWith('on')));
		expect(handlers).toEqual([]);
		const hrefs = [...document.querySelectorAll('[href], [src]')].map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '');
		expect(hrefs.filter((url) => /^\s*(?:javascript|data|vbscript):/i.test(url))).toEqual([]);
		for (const marker of ['XSS-SCRIPT', 'XSS-IMG', 'XSS-CODE', 'XSS-FRAME']) expect(body).toContain(marker);
		expect(body).toContain('&lt;script&gt;alert(&quot;XSS-SCRIPT&quot;)');
		expect(body).toMatch(/《(?:办法|辦法)\{(?:试行|試行)\}》/);
		expect(body).toMatch(/(?:满意度|滿意度)&lt;90%/);
	});

	it.each(['zh-hans', 'zh-hant'])('%s: no expression ran (no host name, no home folder, no comment)', (script) => {
		const html = pages[script]!;
		expect(html).toContain('{process.env.HOME}');
		if (process.env.HOME) expect(html).not.toContain(process.env.HOME);
		if (existsSync('/etc/hostname')) {
			const host = readFileSync('/etc/hostname', 'utf8').trim();
			if (host.length > 3) expect(html).not.toContain(host);
		}
		expect(html).not.toContain('XSS-COMMENT');
	});
});

describe('the build refuses a hostile body on its own', () => {
	it('stops with the file, line and a Chinese explanation, and runs nothing', () => {
		const content = path.join(work, 'hostile');
		cpSync(fixture, content, { recursive: true });
		const marker = path.join(work, 'PWNED');
		const inert = readFileSync(path.join(content, 'cases/inert-text.mdx'), 'utf8');
		const frontmatter = inert.slice(0, inert.indexOf('\n---\n') + 5);
		writeFileSync(
			path.join(content, 'cases/evil.mdx'),
			`${frontmatter}\nimport fs from "node:fs"\n\n主机：{fs.writeFileSync(${JSON.stringify(marker)}, "x")}\n\n<script>alert(1)</script>\n`,
		);
		const out = path.join(work, 'hostile-out');
		let failure = '';
		try {
			buildSite(out, { content, cacheDir, env });
		} catch (error) {
			failure = String(error instanceof Error ? error.message : error);
		}
		expect(failure).toMatch(/evil\.mdx:\d+:1/);
		expect(failure).toContain('import/export');
		expect(failure).toContain('不允许');
		expect(existsSync(marker)).toBe(false);
		expect(existsSync(out)).toBe(false);
	});
});
