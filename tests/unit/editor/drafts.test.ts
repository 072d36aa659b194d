/** What the dev drafts page lists: drafts first, published cases with open review items after, review items named for editors. */
import { describe, expect, it } from 'vitest';
import { draftIssueRows, draftRows, reviewLabel, type DraftSource } from '../../../src/lib/editor/drafts.ts';

const entry = (id: string, status: 'draft' | 'published', date: string, review?: string[]): DraftSource => ({
	id,
	filePath: `content/cases/${id}.mdx`,
	data: { title: `标题${id}`, unit: '县委组织部', status, date: new Date(date), ...(review ? { review } : {}) },
});

describe('draftRows', () => {
	const cases = [
		entry('old-draft', 'draft', '2020-01-01'),
		entry('done', 'published', '2024-01-01'),
		entry('guessed', 'published', '2023-01-01', ['date', '原文未注明日期，请核实。']),
		entry('new-draft', 'draft', '2024-05-01', ['source.publisher', 'body']),
	];

	it('lists drafts newest first, then published cases that still have review items, and nothing else', () => {
		const rows = draftRows(cases, new Map([['new-draft', ['季刊 第2期']]]), 'hans');
		expect(rows.map((r) => [r.id, r.status])).toEqual([
			['new-draft', 'draft'],
			['old-draft', 'draft'],
			['guessed', 'published'],
		]);
		expect(rows[0]).toMatchObject({ file: 'content/cases/new-draft.mdx', issues: ['季刊 第2期'] });
		expect(rows[1]?.review).toEqual([]);
	});

	it('names known fields in the page’s script and keeps free-text items as written', () => {
		const [first] = draftRows(cases, new Map(), 'hant');
		expect(first?.review).toEqual([
			{ text: 'source.publisher', label: '來源單位' },
			{ text: 'body', label: '正文' },
		]);
		expect(draftRows(cases, new Map(), 'hans')[2]?.review).toEqual([{ text: 'date', label: '日期' }, { text: '原文未注明日期，请核实。' }]);
		expect(reviewLabel('metrics', 'hans')).toBe('主要数据');
		expect(reviewLabel('whatever', 'hans')).toBeUndefined();
	});
});

describe('draftIssueRows', () => {
	it('lists draft issues newest first with the cases still holding them back', () => {
		const issue = (id: string, status: 'draft' | 'published', date: string, cases: string[]) => ({
			id,
			filePath: `content/issues/${id}.mdx`,
			data: { status, cases, date: new Date(date) },
		});
		const rows = draftIssueRows(
			[issue('q-1', 'published', '2024-01-01', ['a']), issue('q-2', 'draft', '2024-02-01', ['a', 'b']), issue('q-3', 'draft', '2024-03-01', ['a'])],
			new Map([
				['a', 'published'],
				['b', 'draft'],
			]),
			(i) => `季刊 ${i.id}`,
		);
		expect(rows).toEqual([
			{ id: 'q-3', label: '季刊 q-3', file: 'content/issues/q-3.mdx', draftCases: [] },
			{ id: 'q-2', label: '季刊 q-2', file: 'content/issues/q-2.mdx', draftCases: ['b'] },
		]);
	});
});
