/**
 * Where the search files live in the built site and what each holds. Shared by the
 * indexer (Node) and the search page (browser), so both agree on names and shapes.
 *
 *   pagefind/pagefind.js                        Pagefind's search API
 *   pagefind/<version>/                         the index: entry, pf_meta, wasm, index/, filter/, fragment/
 *   search-data/manifest.json                   { version, fold }: fetched first, never cached
 *   search-data/<version>/<script>/labels.json  facet value labels in that script
 *   search-data/<version>/<script>/<id>.json    one result as shown in that script, by Pagefind result id
 *
 * `version` is a hash of everything the index and result files hold, so each build lives
 * in its own directories: files can keep short names and be cached for good, and a
 * rebuilt site never mixes in a file from an older index.
 */
import type { Script } from '../../schemas/script.ts';
import { withBase } from '../routes.ts';

export const PAGEFIND_DIR = 'pagefind';
export const SEARCH_DATA_DIR = 'search-data';
export const MANIFEST_FILE = 'manifest.json';
export const LABELS_FILE = 'labels.json';

export interface SearchManifest {
	/** Hash of the index; names the directory of result and label files. */
	version: string;
	/** Number of cases (pages) in the index. */
	pages: number;
	/** Query fold table (see fold.ts `serializeFoldMap`). */
	fold: string;
}

/**
 * The language code records are indexed under. Not Chinese on purpose: Pagefind would
 * run its own segmentation over our words at index time (jieba) and over the query
 * (Intl.Segmenter). `und` ("undetermined", BCP 47) has no stemmer and no segmenter.
 */
export const INDEX_LANGUAGE = 'und';

/** Facets, in the order the search page shows them. */
export const FACETS = ['province', 'city', 'county', 'method', 'issue', 'year'] as const;
export type Facet = (typeof FACETS)[number];

/** Facet value → label in one script (years are their own label). */
export type FacetLabels = Partial<Record<Facet, Record<string, string>>>;

/** One case as a search result shows it, in one script. Short keys: these are downloaded per result. */
export interface ResultDisplay {
	/** Case id (the URL is built from it). */
	id: string;
	/** Title, with the subtitle after a line break if there is one. */
	t: string;
	/** Reporting unit. */
	u: string;
	/** Place: province › city › county (› township › village). */
	p: string[];
	/** Issues the case appears in, as labels (典型经验做法摘编 第1期). */
	i: string[];
	/** Date, YYYY-MM-DD. */
	d: string;
	/** Summary. */
	s: string;
	/** Body as plain text, paragraphs separated by newlines: the excerpt is cut from title, summary or body. */
	b: string;
}

export function searchDataPath(base: string, ...parts: string[]): string {
	return withBase(base, [SEARCH_DATA_DIR, ...parts].join('/'));
}

/** The Pagefind bundle (basePath) of an index version, under the site base. */
export function bundlePath(base: string, version: string): string {
	return withBase(base, `${PAGEFIND_DIR}/${version}/`);
}

/** A facet's filter file in the bundle (merge.ts names them by facet). */
export const filterFile = (facet: Facet) => `filter/${facet}.pf_filter`;

export const displayFile = (version: string, script: Script, resultId: string) => `${version}/${script}/${resultId}.json`;
export const labelsFile = (version: string, script: Script) => `${version}/${script}/${LABELS_FILE}`;

/**
 * Result ids: the merged index (merge.ts) numbers pages oldest first and names each by its
 * number in base 36, so the search page can order results by date from the id alone.
 */
export const pageId = (position: number) => position.toString(36);
export const pageNumber = (id: string) => Number.parseInt(id, 36);
