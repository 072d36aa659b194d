/**
 * The line under a printed case title naming who reported it and where, e.g.
 * 常宁市洋泉镇（湖南省衡阳市）: the unit as written, then the divisions above it
 * that the unit's name does not already say.
 */

/** `unit` plus, in brackets, the region names (province → county) not already contained in it. */
export function unitRegionLine(unit: string, regionNames: readonly string[]): string {
	const names = regionNames.filter((name, i) => name && name !== regionNames[i - 1]);
	// The first division the unit names, and everything below it, goes without saying: 常宁市洋泉镇
	// already says 常宁市, so only 湖南省衡阳市 is added.
	const named = names.findIndex((name) => unit.includes(name));
	const missing = (named === -1 ? names : names.slice(0, named)).filter((name) => !unit.includes(name));
	return missing.length ? `${unit}（${missing.join('')}）` : unit;
}
