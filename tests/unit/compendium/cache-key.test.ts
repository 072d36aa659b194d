/**
 * Keys that leave a page alone when only a case's text changes: the frontmatter digest, and
 * the keys built on it (a case page's neighbours, an issue's web page, the files made from
 * the whole compendium). Each must still change with anything the page shows.
 */
import { describe, expect, it } from 'vitest';
import {
	caseCacheKey,
	caseShownDigest,
	entryDigest,
	frontmatterDigest,
	issueCacheKey,
	type KeyedEntry,
} from '../../../src/lib/compendium/cache-key.ts';
import { collectionDigest } from '../../../src/lib/compendium/listing-key.ts';

/** A case as Astro's data store holds it: frontmatter and the digest of its file (frontmatter and text). */
function entry(id: string, title = `标题${id}`, fileDigest = `digest of ${id}`): KeyedEntry {
	return { id, data: { title, unit: '某县委组织部', date: new Date(Date.UTC(2024, 0, 1)) }, digest: fileDigest };
}

describe('frontmatterDigest', () => {
	it('stays when only the text changes (the file digest, or the body), and changes with the id or any frontmatter', () => {
		const base = frontmatterDigest(entry('a'));
		expect(frontmatterDigest(entry('a', '标题a', 'digest after a text edit'))).toBe(base);
		expect(frontmatterDigest({ ...entry('a'), body: '改过的正文' })).toBe(base);
		expect(frontmatterDigest(entry('b'))).not.toBe(base);
		expect(frontmatterDigest(entry('a', '新标题'))).not.toBe(base);
		expect(entryDigest(entry('a', '标题a', 'digest after a text edit'))).not.toBe(entryDigest(entry('a')));
	});

	it('collectionDigest of the frontmatter: the same after a text edit, changed by a title or the order', () => {
		const base = collectionDigest([entry('a'), entry('b')], frontmatterDigest);
		expect(collectionDigest([entry('a', '标题a', 'edited'), entry('b')], frontmatterDigest)).toBe(base);
		expect(collectionDigest([entry('a', '新标题'), entry('b')], frontmatterDigest)).not.toBe(base);
		expect(collectionDigest([entry('b'), entry('a')], frontmatterDigest)).not.toBe(base);
	});
});

describe('caseCacheKey', () => {
	const cases = new Map([entry('a'), entry('b'), entry('c')].map((e) => [e.id, e]));
	const key = (self: KeyedEntry, byId: Map<string, KeyedEntry>) =>
		caseCacheKey(
			'fp',
			'hans',
			caseShownDigest(self, [{ issue: entry('issue-1'), previous: 'a', next: 'c' }], [], (id) => byId.get(id)),
		);

	it("stays when a neighbour's text changes (the page links its title only), and changes with its title or its own text", () => {
		const base = key(cases.get('b')!, cases);
		expect(key(cases.get('b')!, new Map([...cases, ['a', entry('a', '标题a', 'edited')]]))).toBe(base);
		expect(key(cases.get('b')!, new Map([...cases, ['c', entry('c', '新标题')]]))).not.toBe(base);
		expect(key(entry('b', '标题b', 'edited'), cases)).not.toBe(base);
	});
});

describe('caseCacheKey and the issues that list the case', () => {
	const issue = (cases: string[], series = '典型经验') => ({ id: 'issue-1', data: { series, number: 3, cases }, digest: cases.join() });
	const key = (listing: KeyedEntry, previous?: string, next?: string) =>
		caseCacheKey(
			'fp',
			'hans',
			caseShownDigest(entry('b'), [{ issue: listing, ...(previous ? { previous } : {}), ...(next ? { next } : {}) }], [], () => undefined),
		);

	it("stays when a case joins the issue away from this one, and changes with the issue's heading or this case's neighbours", () => {
		const base = key(issue(['a', 'b', 'c']), 'a', 'c');
		expect(key(issue(['a', 'b', 'c', 'added']), 'a', 'c')).toBe(base);
		expect(key(issue(['a', 'b', 'added', 'c']), 'a', 'added')).not.toBe(base);
		expect(key(issue(['a', 'b', 'c'], '改过的刊名'), 'a', 'c')).not.toBe(base);
	});

	it('differs between the scripts and with the build fingerprint', () => {
		const shown = caseShownDigest(entry('b'), [], [], () => undefined);
		expect(caseCacheKey('fp', 'hant', shown)).not.toBe(caseCacheKey('fp', 'hans', shown));
		expect(caseCacheKey('fp2', 'hans', shown)).not.toBe(caseCacheKey('fp', 'hans', shown));
	});
});

describe('issueCacheKey', () => {
	const issue = entry('issue-1');
	it("of the web page stays when a case's text changes; of the print page it changes", () => {
		const web = issueCacheKey('fp', 'hans', issue, [entry('a'), entry('b')], frontmatterDigest);
		const print = issueCacheKey('fp', 'hans', issue, [entry('a'), entry('b')]);
		expect(issueCacheKey('fp', 'hans', issue, [entry('a', '标题a', 'edited'), entry('b')], frontmatterDigest)).toBe(web);
		expect(issueCacheKey('fp', 'hans', issue, [entry('a', '新标题'), entry('b')], frontmatterDigest)).not.toBe(web);
		expect(issueCacheKey('fp', 'hans', issue, [entry('a', '标题a', 'edited'), entry('b')])).not.toBe(print);
	});
});
