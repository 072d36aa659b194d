/**
 * Related cases for a case page: those sharing methods score by how many they share,
 * the same county or city adds to it; ties go to the newer case, then the id.
 *
 * Built as an index once per build: comparing every case with every other on each
 * case page is quadratic, and a 10,000-case compendium has 20,000 case pages. Scores are
 * counted in a typed array over the cases' tie-break rank, the best few picked without
 * sorting all candidates, and each case's answer is kept for its page in the other script.
 */
import { addTo } from './group.ts';
import type { CaseRef } from './types.ts';

/** A related case, with the methods it shares with the target and whether it is in the same city. */
export interface RelatedCase<C extends CaseRef = CaseRef> {
	case: C;
	sharedMethods: string[];
	sameRegion: boolean;
}

/** Looks up a case's related cases, best first (4 by default); answers are cached per case and limit. */
export type RelatedIndex<C extends CaseRef> = (target: C, limit?: number) => RelatedCase<C>[];

/** Newer first, then by id: the order ties are broken in. */
function tieBreak(a: CaseRef, b: CaseRef): number {
	return b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id);
}

const cityOf = (entry: CaseRef) => entry.data.region.code.slice(0, 4);

/** Builds the related-cases lookup over all cases once, for every case page of a build. */
export function relatedIndex<C extends CaseRef>(all: readonly C[]): RelatedIndex<C> {
	// Rank = position in tie-break order, so among equal scores the lower rank wins.
	const ranked = [...all].sort(tieBreak);
	const rankOf = new Map<string, number>(ranked.map((entry, rank) => [entry.id, rank]));
	const byMethod = new Map<string, number[]>();
	const byCity = new Map<string, number[]>();
	ranked.forEach((entry, rank) => {
		for (const method of entry.data.methods) addTo(byMethod, method, rank);
		addTo(byCity, cityOf(entry), rank);
	});
	const scores = new Int32Array(ranked.length);
	const answers = new Map<string, RelatedCase<C>[]>();

	const compute = (target: C, limit: number): RelatedCase<C>[] => {
		const self = rankOf.get(target.id);
		const touched: number[] = [];
		const add = (rank: number, points: number) => {
			if (rank === self) return;
			if (scores[rank] === 0) touched.push(rank);
			scores[rank]! += points;
		};
		for (const method of target.data.methods) for (const rank of byMethod.get(method) ?? []) add(rank, 2);
		const code = target.data.region.code;
		for (const rank of byCity.get(cityOf(target)) ?? []) add(rank, ranked[rank]!.data.region.code === code ? 2 : 1);
		// The best `limit` by (score desc, rank asc), kept sorted in a short list.
		const best: number[] = [];
		const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
		for (const rank of touched) {
			if (best.length === limit && !better(rank, best[limit - 1]!)) continue;
			let at = best.length === limit ? limit - 1 : best.length;
			while (at > 0 && better(rank, best[at - 1]!)) at--;
			best.splice(at, 0, rank);
			if (best.length > limit) best.pop();
		}
		for (const rank of touched) scores[rank] = 0;
		return best.map((rank) => {
			const other = ranked[rank]!;
			return {
				case: other,
				sharedMethods: target.data.methods.filter((method) => other.data.methods.includes(method)),
				sameRegion: cityOf(other) === cityOf(target),
			};
		});
	};

	return (target, limit = 4) => {
		const key = `${target.id}\n${limit}`;
		let answer = answers.get(key);
		if (!answer) {
			answer = compute(target, limit);
			answers.set(key, answer);
		}
		return answer;
	};
}

/** Related cases of one case (builds the index; use relatedIndex for many). */
export function relatedCases<C extends CaseRef>(target: C, all: readonly C[], limit = 4): RelatedCase<C>[] {
	return relatedIndex(all)(target, limit);
}
