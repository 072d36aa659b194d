/**
 * Related cases for a case page: those sharing methods score by how many they share,
 * the same county or city adds to it; ties go to the newer case, then the id.
 *
 * Built as an index once per build, and every case's answer is needed on every build (it is
 * part of the case page's cache key). Scoring every case that shares a method with the target
 * was quadratic: with a few dozen methods, nearly every case shares one (10,000 cases: 25 s
 * under load). So cases are grouped by their list of methods: within a group every case
 * shares as many methods with the target, so only the group's first few by tie-break order
 * can be among the best (a later one loses to each of those at least); the target's own city,
 * where the place adds points, is scored case by case. The answer is the same as scoring all.
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

/** Cases with the same list of methods, by rank (tie-break order). */
interface MethodGroup {
	methods: readonly string[];
	ranks: number[];
}

/** The cases of each method group under `key` (a city, a county), by rank. */
function addToGroup(index: Map<string, Map<MethodGroup, number[]>>, key: string, group: MethodGroup, rank: number): void {
	let groups = index.get(key);
	if (!groups) index.set(key, (groups = new Map()));
	addTo(groups, group, rank);
}

/** Builds the related-cases lookup over all cases once, for every case page of a build. */
export function relatedIndex<C extends CaseRef>(all: readonly C[]): RelatedIndex<C> {
	// Rank = position in tie-break order, so among equal scores the lower rank wins.
	const ranked = [...all].sort(tieBreak);
	const rankOf = new Map<string, number>(ranked.map((entry, rank) => [entry.id, rank]));
	const groupOf = new Map<string, MethodGroup>();
	const groupsByMethod = new Map<string, MethodGroup[]>();
	const inCity = new Map<string, Map<MethodGroup, number[]>>();
	const inCounty = new Map<string, Map<MethodGroup, number[]>>();
	const cities = ranked.map(cityOf);
	ranked.forEach((entry, rank) => {
		const key = [...entry.data.methods].sort().join('\n');
		let group = groupOf.get(key);
		if (!group) {
			group = { methods: entry.data.methods, ranks: [] };
			groupOf.set(key, group);
			for (const method of new Set(entry.data.methods)) addTo(groupsByMethod, method, group);
		}
		group.ranks.push(rank);
		addToGroup(inCity, cities[rank]!, group, rank);
		addToGroup(inCounty, entry.data.region.code, group, rank);
	});
	const seen = new Int32Array(ranked.length);
	let stamp = 0;
	const answers = new Map<string, RelatedCase<C>[]>();

	const compute = (target: C, limit: number): RelatedCase<C>[] => {
		const self = rankOf.get(target.id);
		const city = cityOf(target);
		const code = target.data.region.code;
		/** Two points for each of the target's methods a group's cases have (as many times as they list it). */
		const methodPoints = (group: MethodGroup) => {
			let points = 0;
			for (const method of target.data.methods) for (const other of group.methods) if (other === method) points += 2;
			return points;
		};
		const placePoints = (rank: number) => (cities[rank] !== city ? 0 : ranked[rank]!.data.region.code === code ? 2 : 1);
		stamp++;
		const candidates: { rank: number; score: number }[] = [];
		// A group's cases in one class (same county, same city, elsewhere) score alike, so only the
		// first `limit` of each (besides the target) can be among the best: each earlier one beats a later one.
		const consider = (group: MethodGroup, ranks: readonly number[]) => {
			const points = methodPoints(group);
			for (let i = 0; i < ranks.length && i <= limit; i++) {
				const rank = ranks[i]!;
				if (rank === self || seen[rank] === stamp) continue;
				seen[rank] = stamp;
				const score = points + placePoints(rank);
				if (score > 0) candidates.push({ rank, score });
			}
		};
		for (const [group, ranks] of inCounty.get(code) ?? []) consider(group, ranks);
		for (const [group, ranks] of inCity.get(city) ?? []) consider(group, ranks);
		const groups = new Set<MethodGroup>();
		for (const method of target.data.methods) for (const group of groupsByMethod.get(method) ?? []) groups.add(group);
		for (const group of groups) consider(group, group.ranks);
		candidates.sort((a, b) => b.score - a.score || a.rank - b.rank);
		return candidates.slice(0, limit).map(({ rank }) => {
			const other = ranked[rank]!;
			return {
				case: other,
				sharedMethods: target.data.methods.filter((method) => other.data.methods.includes(method)),
				sameRegion: cities[rank] === city,
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
