/** The editor's drafts page (草稿) exists only in `npm run dev`: the build neither generates it nor links to it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pagePath } from '../../src/lib/routes.ts';
import { SCRIPTS } from '../../src/schemas/script.ts';
import { allPages, hasPage, pageFile } from '../support/site.ts';

describe('drafts page', () => {
	it('is not generated in either script', () => {
		const pages = allPages();
		expect(pages.length).toBeGreaterThan(10);
		for (const script of SCRIPTS) expect(hasPage(pagePath('/', script, { kind: 'drafts' }))).toBe(false);
		expect(pages.filter((page) => page.includes('/drafts/'))).toEqual([]);
	});

	it('is linked from no built page (the header link is dev-only)', () => {
		const linking = allPages().filter((page) => /href="[^"]*\/drafts\/"/.test(readFileSync(pageFile(page), 'utf8')));
		expect(linking).toEqual([]);
	});
});
