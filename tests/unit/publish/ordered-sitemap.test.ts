/**
 * The sitemap sees built pages in address order, whatever order Astro finished them in
 * (build.concurrency above 1), so an incremental build's sitemap equals a clean build's.
 */
import { describe, expect, it } from 'vitest';
import type { AstroIntegration } from 'astro';
import { withPagesInOrder } from '../../../src/lib/publish/ordered-sitemap.ts';

type DoneParams = Parameters<NonNullable<AstroIntegration['hooks']['astro:build:done']>>[0];

describe('withPagesInOrder', () => {
	it('hands the wrapped integration its pages sorted by address, the rest unchanged', async () => {
		const seen: string[][] = [];
		const inner: AstroIntegration = {
			name: 'sitemap',
			hooks: {
				'astro:build:done': ({ pages }) => {
					seen.push(pages.map((page) => page.pathname));
				},
			},
		};
		const wrapped = withPagesInOrder(inner);
		expect(wrapped.name).toBe('sitemap');
		const params = { pages: [{ pathname: 'zh-hant/cases/b/' }, { pathname: 'cases/a/' }, { pathname: 'zh-hant/cases/a/' }] } as DoneParams;
		await wrapped.hooks['astro:build:done']!(params);
		await wrapped.hooks['astro:build:done']!({ ...params, pages: [...params.pages].reverse() });
		expect(seen).toEqual([
			['cases/a/', 'zh-hant/cases/a/', 'zh-hant/cases/b/'],
			['cases/a/', 'zh-hant/cases/a/', 'zh-hant/cases/b/'],
		]);
	});

	it('leaves an integration without a build:done hook as it is', () => {
		const inner: AstroIntegration = { name: 'other', hooks: {} };
		expect(withPagesInOrder(inner)).toBe(inner);
	});
});
