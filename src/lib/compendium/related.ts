/**
 * Related cases for a case page: those sharing methods score by how many they share,
 * the same county or city adds to it; ties go to the newer case, then the id.
 */
import type { CaseRef } from './types.ts';

export interface RelatedCase {
	case: CaseRef;
	sharedMethods: string[];
	sameRegion: boolean;
}

export function relatedCases(target: CaseRef, all: readonly CaseRef[], limit = 4): RelatedCase[] {
	const methods = new Set(target.data.methods);
	const code = target.data.region.code;
	const city = code.slice(0, 4);
	return all
		.filter((other) => other.id !== target.id)
		.map((other) => {
			const sharedMethods = other.data.methods.filter((m) => methods.has(m));
			const sameRegion = other.data.region.code === code;
			const sameCity = other.data.region.code.slice(0, 4) === city;
			const score = sharedMethods.length * 2 + (sameRegion ? 2 : sameCity ? 1 : 0);
			return { related: { case: other, sharedMethods, sameRegion: sameRegion || sameCity }, score };
		})
		.filter((r) => r.score > 0)
		.sort(
			(a, b) =>
				b.score - a.score ||
				b.related.case.data.date.getTime() - a.related.case.data.date.getTime() ||
				a.related.case.id.localeCompare(b.related.case.id),
		)
		.slice(0, limit)
		.map((r) => r.related);
}
