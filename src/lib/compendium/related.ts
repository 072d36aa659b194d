/**
 * Related cases for a case page: those sharing methods score by how many they share,
 * the same county or city adds to it; ties go to the newer case, then the id.
 *
 * Built as an index once per build: comparing every case with every other on each
 * case page is quadratic, and a 10,000-case compendium has 20,000 case pages.
 */
import { addTo } from './group.ts';
import type { CaseRef } from './types.ts';

export interface RelatedCase<C extends CaseRef = CaseRef> {
	case: C;
	sharedMethods: string[];
	sameRegion: boolean;
}

export type RelatedIndex<C extends CaseRef> = (target: C, limit?: number) => RelatedCase<C>[];

export function relatedIndex<C extends CaseRef>(all: readonly C[]): RelatedIndex<C> {
	const byMethod = new Map<string, C[]>();
	const byCity = new Map<string, C[]>();
	for (const entry of all) {
		for (const method of entry.data.methods) addTo(byMethod, method, entry);
		const city = entry.data.region.code.slice(0, 4);
		addTo(byCity, city, entry);
	}
	return (target, limit = 4) => {
		const scores = new Map<C, { sharedMethods: string[]; regionScore: number }>();
		const score = (other: C) => {
			let entry = scores.get(other);
			if (!entry) {
				entry = { sharedMethods: [], regionScore: 0 };
				scores.set(other, entry);
			}
			return entry;
		};
		for (const method of target.data.methods) {
			for (const other of byMethod.get(method) ?? []) if (other.id !== target.id) score(other).sharedMethods.push(method);
		}
		const code = target.data.region.code;
		for (const other of byCity.get(code.slice(0, 4)) ?? []) {
			if (other.id !== target.id) score(other).regionScore = other.data.region.code === code ? 2 : 1;
		}
		return [...scores]
			.map(([other, s]) => ({ other, s, total: s.sharedMethods.length * 2 + s.regionScore }))
			.sort((a, b) => b.total - a.total || b.other.data.date.getTime() - a.other.data.date.getTime() || a.other.id.localeCompare(b.other.id))
			.slice(0, limit)
			.map(({ other, s }) => ({ case: other, sharedMethods: s.sharedMethods, sameRegion: s.regionScore > 0 }));
	};
}

/** Related cases of one case (builds the index; use relatedIndex for many). */
export function relatedCases<C extends CaseRef>(target: C, all: readonly C[], limit = 4): RelatedCase<C>[] {
	return relatedIndex(all)(target, limit);
}
