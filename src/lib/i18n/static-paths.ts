/** getStaticPaths helpers: every page is generated once per script. */
import { SCRIPTS, type Script } from '../../schemas/script.ts';
import type { PaginateFunction } from 'astro';
import { SCRIPT_SEGMENT } from './scripts.ts';

/**
 * The scripts to generate. COMPENDIUM_SCRIPTS=hans builds one script only: the benchmark
 * uses it to measure what the second script costs. Sites always publish both.
 */
export function enabledScripts(): readonly Script[] {
	const wanted = process.env.COMPENDIUM_SCRIPTS?.split(',').map((s) => s.trim());
	return wanted ? SCRIPTS.filter((s) => wanted.includes(s)) : SCRIPTS;
}

/** One path per enabled script, props `{ script }`: the getStaticPaths of every page that is not per item. */
export function scriptPaths() {
	return enabledScripts().map((script) => ({ params: { script: SCRIPT_SEGMENT[script] }, props: { script } }));
}

/** One path per item per script; `param` names the item's route parameter. */
export function scriptPathsFor<T, K extends string>(items: readonly T[], param: K, key: (item: T) => string) {
	return enabledScripts().flatMap((script: Script) =>
		items.map((item) => ({
			params: { script: SCRIPT_SEGMENT[script], [param]: key(item) } as { script: string } & Record<K, string>,
			props: { script, item },
		})),
	);
}

/**
 * Numbered listing pages per script with Astro's `paginate()`: page 1 at the listing's own
 * address, then /2/, /3/ … (the route's rest parameter `page`), `pageSize` entries each.
 */
export function scriptListingPages<E>(paginate: PaginateFunction, list: readonly E[], pageSize: number) {
	return enabledScripts().flatMap((script: Script) => paginate(list, { pageSize, params: { script: SCRIPT_SEGMENT[script] }, props: { script } }));
}

/** {@link scriptListingPages} for each item (a method, a region): its own list, paginated, per script. */
export function scriptListingPagesFor<T, E, K extends string>(
	paginate: PaginateFunction,
	items: readonly T[],
	param: K,
	key: (item: T) => string,
	list: (item: T) => readonly E[],
	pageSize: number,
) {
	return enabledScripts().flatMap((script: Script) =>
		items.flatMap((item) =>
			paginate(list(item), {
				pageSize,
				params: { script: SCRIPT_SEGMENT[script], [param]: key(item) } as { script: string } & Record<K, string>,
				props: { script, item },
			}),
		),
	);
}
