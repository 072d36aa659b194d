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

/** Directory of Pagefind's files in the built site: pagefind.js and one bundle per index version. */
export const PAGEFIND_DIR = 'pagefind';
/** Directory of our own search files in the built site: the manifest, and per version the result and label files. */
export const SEARCH_DATA_DIR = 'search-data';
/** The manifest's name under SEARCH_DATA_DIR: the one unversioned file, read first to learn the version. */
export const MANIFEST_FILE = 'manifest.json';
/** Name of the facet labels file in each version's script directory. */
export const LABELS_FILE = 'labels.json';

/** The manifest: the current index version and what the page needs before its first search. */
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
/** A facet's name, which is also its URL parameter and its Pagefind filter's name. */
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

/** The URL of a file under search-data/ (its path given in parts), under the site base. */
export function searchDataPath(base: string, ...parts: string[]): string {
	return withBase(base, [SEARCH_DATA_DIR, ...parts].join('/'));
}

/** The Pagefind bundle (basePath) of an index version, under the site base. */
export function bundlePath(base: string, version: string): string {
	return withBase(base, `${PAGEFIND_DIR}/${version}/`);
}

/** A facet's filter file in the bundle (merge.ts names them by facet). */
export const filterFile = (facet: Facet) => `filter/${facet}.pf_filter`;

/** A result file's path under search-data/: one case as shown in one script, by result id. */
export const displayFile = (version: string, script: Script, resultId: string) => `${version}/${script}/${resultId}.json`;
/** The facet labels file's path under search-data/ for an index version and script. */
export const labelsFile = (version: string, script: Script) => `${version}/${script}/${LABELS_FILE}`;

/**
 * Result ids: the index numbers pages oldest first and names each by its number in decimal,
 * so the search page can order results by date from the id alone. Decimal rather than base 36:
 * pf_meta lists every page's id, and ten digits gzip smaller than 36 letters and digits
 * (174 bytes less of pf_meta at 10,000 cases, though the ids are longer).
 */
export const pageId = (position: number) => String(position);
/** The page number a result id stands for: the inverse of `pageId`. */
export const pageNumber = (id: string) => Number.parseInt(id, 10);
