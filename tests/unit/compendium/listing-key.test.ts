/**
 * Cache keys of listing pages: each changes when something the page shows changes (a listed
 * card's title, place, date; the page number or totals; the region counts; the script; the
 * build fingerprint), and stays when only what the page does not show changes (a case's text,
 * its figures on a card listing).
 */
import { describe, expect, it } from 'vitest';
import {
	cardDigest,
	collectionDigest,
	listingCacheKey,
	regionTreeDigest,
	scriptPageCacheKey,
	withCacheKeys,
	type CardCase,
	type PageNumbers,
} from '../../../src/lib/compendium/listing-key.ts';
import { buildRegionTree } from '../../../src/lib/compendium/region-tree.ts';
import type { CaseRef } from '../../../src/lib/compendium/types.ts';

type Entry = CardCase & { body: string; data: CardCase['data'] & { metrics: unknown[]; methods: string[] } };

function entry(id: string, changes: Partial<Entry['data']> = {}, body = '正文'): Entry {
	return {
		id,
		body,
		data: {
			script: 'hans',
			title: `标题${id}`,
			unit: '某县委组织部',
			summary: '摘要',
			date: new Date(Date.UTC(2024, 0, 1)),
			region: { code: '330822' },
			metrics: [{ label: '群众好评率', value: 98 }],
			methods: ['grid-governance'],
			...changes,
		},
	};
}

const page = (changes: Partial<PageNumbers> = {}): PageNumbers => ({ currentPage: 1, lastPage: 3, total: 250, start: 0, end: 99, ...changes });

describe('cardDigest', () => {
	it('changes with every field a card shows', () => {
		const base = cardDigest(entry('a'));
		for (const changes of [
			{ title: '新标题' },
			{ subtitle: '副标题' },
			{ unit: '某乡' },
			{ summary: '新摘要' },
			{ date: new Date(Date.UTC(2023, 0, 1)) },
			{ region: { code: '330881' } },
			{ script: 'hant' },
		] satisfies Partial<Entry['data']>[])
			expect(cardDigest(entry('a', changes)), JSON.stringify(changes)).not.toBe(base);
		expect(cardDigest(entry('b'))).not.toBe(base);
	});

	it('stays when only what the card does not show changes: the text, the figures, the methods', () => {
		const base = cardDigest(entry('a'));
		expect(cardDigest(entry('a', {}, '改过的正文'))).toBe(base);
		expect(cardDigest(entry('a', { metrics: [] }))).toBe(base);
		expect(cardDigest(entry('a', { methods: ['points-system'] }))).toBe(base);
	});

	it('is computed once per entry: a later change to the same object is not seen (entries are immutable within a build)', () => {
		const one = entry('a');
		const first = cardDigest(one);
		one.data.title = '改';
		expect(cardDigest(one)).toBe(first);
	});
});

describe('listingCacheKey', () => {
	const listed = [cardDigest(entry('a')), cardDigest(entry('b'))];
	const base = listingCacheKey('fp', 'hans', 'region 330000', page(), listed, 'shared');

	it('changes with the fingerprint, script, listing, page numbers, listed entries and their order, and the shared part', () => {
		const variants = [
			listingCacheKey('fp2', 'hans', 'region 330000', page(), listed, 'shared'),
			listingCacheKey('fp', 'hant', 'region 330000', page(), listed, 'shared'),
			listingCacheKey('fp', 'hans', 'region 330800', page(), listed, 'shared'),
			listingCacheKey('fp', 'hans', 'method 330000', page(), listed, 'shared'),
			listingCacheKey('fp', 'hans', 'region 330000', page({ currentPage: 2 }), listed, 'shared'),
			listingCacheKey('fp', 'hans', 'region 330000', page({ lastPage: 4 }), listed, 'shared'),
			listingCacheKey('fp', 'hans', 'region 330000', page({ total: 251 }), listed, 'shared'),
			listingCacheKey('fp', 'hans', 'region 330000', page({ start: 1 }), listed, 'shared'),
			listingCacheKey('fp', 'hans', 'region 330000', page({ end: 98 }), listed, 'shared'),
			listingCacheKey('fp', 'hans', 'region 330000', page(), [...listed].reverse(), 'shared'),
			listingCacheKey('fp', 'hans', 'region 330000', page(), [listed[0]!, cardDigest(entry('b', { title: '改' }))], 'shared'),
			listingCacheKey('fp', 'hans', 'region 330000', page(), listed.slice(0, 1), 'shared'),
			listingCacheKey('fp', 'hans', 'region 330000', page(), listed, 'other'),
		];
		for (const key of variants) expect(key).not.toBe(base);
		expect(new Set(variants).size).toBe(variants.length);
	});

	it('is the same for the same inputs (a rebuild with nothing changed copies the page)', () => {
		expect(listingCacheKey('fp', 'hans', 'region 330000', page(), [cardDigest(entry('a')), cardDigest(entry('b'))], 'shared')).toBe(base);
	});

	it('does not confuse a listing named with a separator with the next field', () => {
		expect(listingCacheKey('fp', 'hans', 'a', page(), ['b'], '')).not.toBe(listingCacheKey('fp', 'hans', 'ab', page(), [], ''));
	});
});

describe('regionTreeDigest', () => {
	const tree = (cases: CaseRef[]) => buildRegionTree(cases);
	const ref = (id: string, code: string) => entry(id, { region: { code } }) as unknown as CaseRef;

	it('changes when a count anywhere below a division changes, and only for the divisions above it', () => {
		const before = tree([ref('a', '330822'), ref('b', '330881'), ref('c', '140802')]);
		const after = tree([ref('a', '330822'), ref('b', '330822'), ref('c', '140802')]);
		const byCode = (roots: ReturnType<typeof tree>) => new Map(roots.map((r) => [r.division.code, regionTreeDigest(r)]));
		expect(byCode(after).get('330000')).not.toBe(byCode(before).get('330000'));
		expect(byCode(after).get('140000')).toBe(byCode(before).get('140000'));
	});

	it('does not depend on which cases make the counts (the tree shows counts, not cases)', () => {
		const one = tree([ref('a', '330822')]);
		const other = tree([ref('z', '330822')]);
		expect(regionTreeDigest(one[0]!)).toBe(regionTreeDigest(other[0]!));
	});
});

describe('scriptPageCacheKey and collectionDigest', () => {
	it('changes with the fingerprint, script, page and what it shows', () => {
		const base = scriptPageCacheKey('fp', 'hans', 'home', [1, 2]);
		expect(scriptPageCacheKey('fp', 'hans', 'home', [1, 2])).toBe(base);
		for (const key of [
			scriptPageCacheKey('fp2', 'hans', 'home', [1, 2]),
			scriptPageCacheKey('fp', 'hant', 'home', [1, 2]),
			scriptPageCacheKey('fp', 'hans', 'methods', [1, 2]),
			scriptPageCacheKey('fp', 'hans', 'home', [1, 3]),
		])
			expect(key).not.toBe(base);
	});

	it('collectionDigest changes with any entry, text included, and with their order', () => {
		const base = collectionDigest([entry('a'), entry('b')]);
		expect(collectionDigest([entry('a'), entry('b')])).toBe(base);
		expect(collectionDigest([entry('a', {}, '改过的正文'), entry('b')])).not.toBe(base);
		expect(collectionDigest([entry('b'), entry('a')])).not.toBe(base);
	});
});

describe('withCacheKeys', () => {
	it('adds a key to each path and keeps the rest', () => {
		const paths = [{ params: { code: '1' } }, { params: { code: '2' } }];
		expect(withCacheKeys(paths, (p) => `k${p.params.code}`)).toEqual([
			{ params: { code: '1' }, cacheKey: 'k1' },
			{ params: { code: '2' }, cacheKey: 'k2' },
		]);
	});
});
