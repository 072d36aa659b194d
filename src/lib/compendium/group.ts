/** Appends to the list under `key`, creating it: grouping in one pass, without copying lists. */
export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/** Items under each of their keys (a case under each of its methods), in the items' order: one pass, for per-page lookups. */
export function groupByEach<K, V>(items: readonly V[], keys: (item: V) => Iterable<K>): Map<K, V[]> {
	const groups = new Map<K, V[]>();
	for (const item of items) for (const key of keys(item)) addTo(groups, key, item);
	return groups;
}
