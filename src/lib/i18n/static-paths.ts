/** getStaticPaths helpers: every page is generated once per script. */
import { SCRIPTS, type Script } from '../../schemas/script.ts';
import { SCRIPT_SEGMENT } from './scripts.ts';

export function scriptPaths() {
	return SCRIPTS.map((script) => ({ params: { script: SCRIPT_SEGMENT[script] }, props: { script } }));
}

/** One path per item per script; `param` names the item's route parameter. */
export function scriptPathsFor<T, K extends string>(items: readonly T[], param: K, key: (item: T) => string) {
	return SCRIPTS.flatMap((script: Script) =>
		items.map((item) => ({
			params: { script: SCRIPT_SEGMENT[script], [param]: key(item) } as { script: string } & Record<K, string>,
			props: { script, item },
		})),
	);
}
