/** Suggests the closest known names for a mistyped one (method slugs, case ids). */

/** Levenshtein distance, small inputs only. */
export function editDistance(a: string, b: string): number {
	const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let diagonal = previous[0] as number;
		previous[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const above = previous[j] as number;
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			previous[j] = Math.min(above + 1, (previous[j - 1] as number) + 1, diagonal + cost);
			diagonal = above;
		}
	}
	return previous[b.length] as number;
}

/** Up to `limit` candidates close to `wanted`, closest first; containment counts as close. */
export function didYouMean(wanted: string, candidates: Iterable<string>, limit = 3): string[] {
	const threshold = Math.max(2, Math.floor(wanted.length / 3));
	return [...candidates]
		.map((candidate) => ({
			candidate,
			distance: candidate.includes(wanted) || wanted.includes(candidate) ? 1 : editDistance(wanted, candidate),
		}))
		.filter((s) => s.distance <= threshold)
		.sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
		.slice(0, limit)
		.map((s) => s.candidate);
}

/** "; did you mean "a" or "b"?" or nothing. */
export function suggestion(wanted: string, candidates: Iterable<string>): string {
	const close = didYouMean(wanted, candidates);
	return close.length ? `; did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : '';
}
