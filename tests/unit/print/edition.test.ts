/** What each edition publishes: drafts never, internal issues and their own cases only internally. */
import { describe, expect, it } from 'vitest';
import { currentEdition, internalCasesInPublicIssues, publication } from '../../../src/lib/compendium/edition.ts';

const issue = (id: string, cases: string[], internal = false) => ({ id, data: { internal, cases } });
const entry = (id: string, status: 'draft' | 'published' = 'published') => ({ id, data: { status } });

const issues = [issue('pub', ['a', 'shared']), issue('int', ['secret', 'shared'], true), issue('drafty', ['d'])];
const cases = [entry('a'), entry('shared'), entry('secret'), entry('d', 'draft'), entry('loose')];
const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe('publication', () => {
	it('leaves internal issues and the cases only they carry out of the public edition', () => {
		const result = publication(issues, cases, { edition: 'public' });
		expect(ids(result.issues)).toEqual(['pub']);
		expect(ids(result.cases)).toEqual(['a', 'shared', 'loose']);
	});

	it('includes them in the internal edition, still without drafts', () => {
		const result = publication(issues, cases, { edition: 'internal' });
		expect(ids(result.issues)).toEqual(['pub', 'int']);
		expect(ids(result.cases)).toEqual(['a', 'shared', 'secret', 'loose']);
	});

	it('shows drafts (and so their issues) when asked, as astro dev does', () => {
		expect(ids(publication(issues, cases, { edition: 'public', drafts: true }).issues)).toEqual(['pub', 'drafty']);
	});
});

describe('internalCasesInPublicIssues', () => {
	it('names each case an internal issue shares with public ones', () => {
		expect(internalCasesInPublicIssues(issues)).toEqual([{ caseId: 'shared', internalIssue: 'int', publicIssues: ['pub'] }]);
	});
});

describe('currentEdition', () => {
	it('takes the environment over the site setting and rejects anything else', () => {
		expect(currentEdition('public', {})).toBe('public');
		expect(currentEdition('internal', {})).toBe('internal');
		expect(currentEdition('public', { COMPENDIUM_EDITION: 'internal' })).toBe('internal');
		expect(() => currentEdition('public', { COMPENDIUM_EDITION: 'inside' })).toThrow(/public.*internal/);
	});
});
