/**
 * The related-cases index at scale: its answers equal a plain score-everything-and-sort
 * over every pair, on a few hundred generated cases with many ties, and on 1,500 where
 * each list of methods is shared by dozens of cases.
 */
import { describe, expect, it } from 'vitest';
import { relatedIndex } from '../../../src/lib/compendium/related.ts';
import type { CaseRef } from '../../../src/lib/compendium/types.ts';
import type { Case } from '../../../src/schemas/case.ts';

function generated(count: number): CaseRef[] {
	let state = 7;
	const next = (n: number) => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state % n;
	};
	const methods = ['points', 'grid', 'party', 'digital', 'credit', 'village'];
	const codes = ['330822', '330881', '330803', '140802', '140821', '110105'];
	return Array.from({ length: count }, (_, i) => ({
		id: `case-${String(next(1000)).padStart(3, '0')}-${i}`,
		data: {
			title: `案例${i}`,
			unit: '单位',
			region: { code: codes[next(codes.length)]! },
			methods: [...new Set(Array.from({ length: 1 + next(3) }, () => methods[next(methods.length)]!))],
			metrics: [],
			// Few distinct dates, so ties on score and date are common and the id decides.
			date: new Date(Date.UTC(2024, next(3), 1)),
			source: { publisher: '测试' },
			script: 'hans',
			summary: '摘要',
			status: 'published',
		} satisfies Case,
	}));
}

/** The definition, written the slow way: score every other case, sort them all. */
function reference(target: CaseRef, all: readonly CaseRef[], limit: number) {
	return all
		.filter((other) => other.id !== target.id)
		.map((other) => {
			const shared = target.data.methods.filter((m) => other.data.methods.includes(m));
			const sameCity = other.data.region.code.slice(0, 4) === target.data.region.code.slice(0, 4);
			const region = !sameCity ? 0 : other.data.region.code === target.data.region.code ? 2 : 1;
			return { other, shared, sameCity, total: shared.length * 2 + region };
		})
		.filter((s) => s.total > 0)
		.sort((a, b) => b.total - a.total || b.other.data.date.getTime() - a.other.data.date.getTime() || a.other.id.localeCompare(b.other.id))
		.slice(0, limit)
		.map((s) => ({ id: s.other.id, sharedMethods: s.shared, sameRegion: s.sameCity }));
}

describe('relatedIndex', () => {
	const cases = generated(300);
	const related = relatedIndex(cases);

	it.each([1, 4, 7])('gives the same %i related cases as scoring every pair, for every case', (limit) => {
		for (const target of cases) {
			const answer = related(target, limit).map((r) => ({ id: r.case.id, sharedMethods: r.sharedMethods, sameRegion: r.sameRegion }));
			expect(answer, target.id).toEqual(reference(target, cases, limit));
		}
	});

	it('gives the same answers when each list of methods is shared by many cases (only their first few are scored)', () => {
		const many = generated(1500);
		const index = relatedIndex(many);
		for (const target of many.slice(0, 150)) {
			const answer = index(target).map((r) => ({ id: r.case.id, sharedMethods: r.sharedMethods, sameRegion: r.sameRegion }));
			expect(answer, target.id).toEqual(reference(target, many, 4));
		}
	});

	it('answers a case again (its page in the other script) from the same list', () => {
		expect(related(cases[0]!)).toBe(related(cases[0]!));
	});
});
