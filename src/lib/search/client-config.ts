/**
 * What the search page tells its script (as JSON in the page): where things are and the
 * interface strings in the page's script. Messages with a value carry `{0}` where it goes.
 */
import type { Script } from '../../schemas/script.ts';
import type { Facet } from './layout.ts';

/** The JSON the search page embeds for its script: where the files are and its strings, already in that script. */
export interface SearchPageConfig {
	script: Script;
	/** Site base, ending with "/". */
	base: string;
	/** A case's URL in this script with `{id}` for its id. */
	caseUrl: string;
	messages: {
		found: string;
		all: string;
		noneFor: string;
		noneFiltered: string;
		loading: string;
		notBuilt: string;
		failed: string;
		any: string;
		year: string;
		/** Per facet, the note shown instead of its values when there are too many to list (facets.ts `facetChoices`). */
		tooMany: Record<Facet, string>;
	};
	facetLabels: Record<Facet, string>;
}

/** A message with `value` in place of its `{0}` (the first one only). */
export function fillMessage(template: string, value: string | number): string {
	return template.replace('{0}', String(value));
}
