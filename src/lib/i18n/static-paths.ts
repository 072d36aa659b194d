/** getStaticPaths helpers: every page is generated once per script. */
import { SCRIPTS, type Script } from '../../schemas/script.ts';
import { SCRIPT_SEGMENT } from './scripts.ts';

/**
 * The scripts to generate. COMPENDIUM_SCRIPTS=hans builds one script only: the benchmark
 * uses it to measure what the second script costs. Sites always publish both.
 */
function enabledScripts(): readonly Script[] {
	const wanted = process.env.COMPENDIUM_SCRIPTS?.split(',').map((s) => s.trim());
	return wanted ? SCRIPTS.filter((s) => wanted.includes(s)) : SCRIPTS;
}

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
