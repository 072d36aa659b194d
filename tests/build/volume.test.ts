/**
 * The yearly volume (合订本): `npm run pdf -- --volume 2021` over a site with two issues of
 * one series in 2021 gives one PDF and one Word file per script, with a cover, contents by
 * issue whose page numbers lead to the issues, and page numbers running on across issues.
 * Also: `npm run pdf` refuses a site older than its content and says to build first.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync, utimesSync } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/content/paths.ts';
import { buildSite, testBuildEnv } from '../support/build.ts';

const fixture = path.join(PROJECT_ROOT, 'tests/fixtures/internal-edition');
const work = path.join(PROJECT_ROOT, '.tmp', 'volume-test');
const site = path.join(work, 'site');
const env = testBuildEnv({ COMPENDIUM_CONTENT: fixture });
const squash = (text: string) => text.replace(/\s+/g, '');
const pdfPages = (file: string) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);

describe('yearly volume', () => {
	beforeAll(() => {
		rmSync(work, { recursive: true, force: true });
		buildSite(site, { content: fixture, cacheDir: path.join(work, 'cache'), env: { COMPENDIUM_PDF: 'off' } });
		execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/pdf.ts'), '--dir', site, '--volume', '2021'], {
			cwd: PROJECT_ROOT,
			env,
			stdio: 'pipe',
		});
	}, 900_000);

	it('joins both 2021 issues behind a cover and contents, numbering pages on', () => {
		const file = path.join(site, 'pdf', 'yuncheng-wumian-hongqi-2021.zh-hans.pdf');
		const pages = pdfPages(file);
		expect(squash(pages[0]!)).toContain('2021年合订本');
		const contents = squash(pages[1]!);
		const first = /（一）（2021年8月1日）(\d+)/.exec(contents);
		const second = /（二）（2021年9月1日）(\d+)/.exec(contents);
		expect(first?.[1]).toBe('1');
		const secondStart = Number(second?.[1]);
		expect(secondStart).toBeGreaterThan(1);
		// Folios: the issues' pages carry 1, 2, … on through the second issue.
		const front = pages.findIndex((text) => squash(text).includes('—1—'));
		pages.slice(front).forEach((text, i) => expect(squash(text).split('\n').at(-1)).toContain(`—${i + 1}—`));
		// The second issue's masthead is on the page the contents give.
		expect(squash(pages[front + secondStart - 1]!)).toContain('（二）');
		// Its own issue keeps its option: no key figures table.
		expect(squash(pages.slice(front + secondStart - 1).join(''))).not.toContain('主要数据');
	});

	it('writes the volume as Word too, both issues in order', async () => {
		const file = path.join(site, 'pdf', 'yuncheng-wumian-hongqi-2021.zh-hans.docx');
		const text = squash((await mammoth.extractRawText({ path: file })).value);
		expect(text).toContain('2021年合订本');
		expect(text.indexOf('（二）')).toBeGreaterThan(text.indexOf('（一）'));
		expect(existsSync(path.join(site, 'pdf', 'yuncheng-wumian-hongqi-2021.zh-hant.docx'))).toBe(true);
	});

	it('prints only the issue asked for, as PDF and Word', () => {
		execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/pdf.ts'), '--dir', site, '--issue', 'yuncheng-wumian-hongqi-1'], {
			cwd: PROJECT_ROOT,
			env,
			stdio: 'pipe',
		});
		for (const script of ['zh-hans', 'zh-hant']) {
			expect(existsSync(path.join(site, 'pdf', `yuncheng-wumian-hongqi-1.${script}.pdf`))).toBe(true);
			expect(existsSync(path.join(site, 'pdf', `yuncheng-wumian-hongqi-1.${script}.docx`))).toBe(true);
			expect(existsSync(path.join(site, 'pdf', `yuncheng-wumian-hongqi-2.${script}.pdf`))).toBe(false);
			expect(existsSync(path.join(site, 'pdf', `yuncheng-wumian-hongqi-2.${script}.docx`))).toBe(false);
		}
	}, 300_000);

	it('says when the site is older than its content, and which year has no issues', () => {
		const stale = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/pdf.ts'), '--dir', site, '--volume', '1999'], {
			cwd: PROJECT_ROOT,
			env,
			encoding: 'utf8',
		});
		expect(stale.status).toBe(1);
		expect(stale.stderr).toContain('1999 年没有已构建的期刊');
		expect(stale.stderr).toContain('2021');
		const note = path.join(fixture, 'issues', 'yuncheng-wumian-hongqi-2.mdx');
		const now = new Date();
		utimesSync(note, now, new Date(now.getTime() + 60_000));
		try {
			const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/pdf.ts'), '--dir', site], {
				cwd: PROJECT_ROOT,
				env,
				encoding: 'utf8',
			});
			expect(result.status).toBe(1);
			expect(result.stderr).toMatch(/npm run build/);
			expect(result.stderr).toContain('yuncheng-wumian-hongqi-2.mdx');
		} finally {
			utimesSync(note, now, now);
		}
	});
});
