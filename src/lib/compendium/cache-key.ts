/**
 * Cache keys for Astro's incremental builds (`experimental.incrementalBuild`): a case or
 * issue page is copied from the previous build when its key is unchanged, so the key
 * must change whenever anything the page shows changes. A wrong key publishes a stale
 * page, which is worse than a slow build; so each key covers, besides the page's own
 * entry, everything else it shows (its issues and their neighbouring cases, its related
 * cases), and a build fingerprint covers the rest: the code (all of src/, the Astro
 * config, the lock file), the site settings, the glossary and the method list, the
 * edition and the build's environment switches. Editing any of those rebuilds every page.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { contentPaths, PROJECT_ROOT } from '../content/paths.ts';
import type { Script } from '../../schemas/script.ts';

/** sha256 (hex, shortened) of values written as JSON: Dates as ISO strings, key order as given. */
export function digest(...values: unknown[]): string {
	const hash = createHash('sha256');
	for (const value of values) hash.update(JSON.stringify(value) ?? 'undefined').update('\0');
	return hash.digest('hex').slice(0, 32);
}

/**
 * What a content entry brings to a page: its id, frontmatter and text. Entries from Astro's
 * data store carry the digest Astro's glob loader made of their file's bytes (frontmatter
 * and body) and no body (src/lib/content/without-body.ts); entries read by the validation
 * (the search step's) carry the body.
 */
export interface KeyedEntry {
	id: string;
	data: unknown;
	body?: string | undefined;
	digest?: string | number | undefined;
}

const entryDigests = new WeakMap<KeyedEntry, string>();

/**
 * The digest of one content entry (id, frontmatter, and its file's digest or else its body),
 * computed once per entry per build. The file's digest changes whenever its body does.
 */
export function entryDigest(entry: KeyedEntry): string {
	let value = entryDigests.get(entry);
	if (value === undefined) {
		value = digest(entry.id, entry.data, entry.digest ?? entry.body ?? '');
		entryDigests.set(entry, value);
	}
	return value;
}

const frontmatterDigests = new WeakMap<KeyedEntry, string>();

/**
 * The digest of a content entry's id and frontmatter alone, computed once per entry per
 * build: for what shows a case's frontmatter but none of its text (its title as a
 * neighbour's link, an issue's table of contents, the open-data files and feeds), so an
 * edit of the text leaves those pages and files alone.
 */
export function frontmatterDigest(entry: KeyedEntry): string {
	let value = frontmatterDigests.get(entry);
	if (value === undefined) {
		value = digest('frontmatter', entry.id, entry.data);
		frontmatterDigests.set(entry, value);
	}
	return value;
}

/** Files and folders whose every byte can change what any page shows. */
const CODE_PATHS = ['src', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

/** Environment switches that change what a build renders. */
const BUILD_SWITCHES = ['COMPENDIUM_EDITION', 'COMPENDIUM_SCRIPTS', 'COMPENDIUM_PAGE_SIZE', 'COMPENDIUM_PDF'];

function hashTree(hash: ReturnType<typeof createHash>, root: string, relative: string): void {
	const full = path.join(root, relative);
	let entries;
	try {
		entries = readdirSync(full, { withFileTypes: true });
	} catch {
		// A file, or missing: hash its bytes (or its absence).
		hash.update(relative).update('\0');
		try {
			hash.update(readFileSync(full));
		} catch {
			hash.update('(missing)');
		}
		hash.update('\0');
		return;
	}
	for (const entry of entries.map((e) => e.name).sort()) hashTree(hash, root, path.join(relative, entry));
}

let fingerprint: string | undefined;
let code: string | undefined;

/**
 * One digest of the code alone (all of src/, the Astro config, the lock file): what the
 * post-build caches (search records, print files) add to their keys, so a change to any
 * code that might make a record or a PDF differently makes it again. Read once per process.
 */
export function codeFingerprint(): string {
	if (code !== undefined) return code;
	const hash = createHash('sha256');
	for (const relative of CODE_PATHS) hashTree(hash, PROJECT_ROOT, relative);
	code = hash.digest('hex').slice(0, 32);
	return code;
}

/** The digest of one file's bytes (or of its absence). */
export function fileDigest(file: string): string {
	const hash = createHash('sha256');
	hashTree(hash, path.dirname(file), path.basename(file));
	return hash.digest('hex').slice(0, 32);
}

/**
 * One digest of everything a page may show that is not a case or an issue: the code,
 * site.yaml, glossary.yaml, methods.yaml and the build switches. Read once per build.
 */
export function buildFingerprint(env: NodeJS.ProcessEnv = process.env): string {
	if (fingerprint !== undefined) return fingerprint;
	const hash = createHash('sha256');
	hash.update(codeFingerprint());
	for (const file of [contentPaths.site(), contentPaths.glossary(), contentPaths.methods()]) hashTree(hash, path.dirname(file), path.basename(file));
	hash.update(JSON.stringify(BUILD_SWITCHES.map((name) => [name, env[name] ?? null])));
	fingerprint = hash.digest('hex').slice(0, 32);
	return fingerprint;
}

const headingDigests = new WeakMap<KeyedEntry, string>();

/**
 * The digest of what a case page shows of an issue that lists it: the issue's id and
 * frontmatter less its case list (the page shows the issue's label; the neighbours it links
 * are keyed apart), so a case added to an issue leaves the pages of its other cases alone
 * except the new case's neighbours; the same for a case's open-data record (its issues' labels).
 */
export function issueHeadingDigest(issue: KeyedEntry): string {
	let value = headingDigests.get(issue);
	if (value === undefined) {
		const { cases: _cases, ...heading } = (issue.data ?? {}) as Record<string, unknown>;
		value = digest('issue heading', issue.id, heading);
		headingDigests.set(issue, value);
	}
	return value;
}

/** A case's place in one issue, as its page shows it. */
export interface KeyedPlacement {
	issue: KeyedEntry;
	previous?: string;
	next?: string;
}

/**
 * What a case page shows besides its script: the case, every issue that lists it (its
 * heading, in order) with the neighbouring cases whose titles the page links (their
 * frontmatter: their text is not shown), and its related cases (their cards show title,
 * place, unit, date and summary). The same in both scripts, so it is computed once per case.
 */
export function caseShownDigest(
	entry: KeyedEntry,
	placements: readonly KeyedPlacement[],
	related: readonly KeyedEntry[],
	caseById: (id: string) => KeyedEntry | undefined,
): string {
	const neighbour = (id: string | undefined) => {
		const other = id === undefined ? undefined : caseById(id);
		return other ? frontmatterDigest(other) : (id ?? null);
	};
	return digest(
		entryDigest(entry),
		placements.map((p) => [issueHeadingDigest(p.issue), neighbour(p.previous), neighbour(p.next)]),
		related.map(entryDigest),
	);
}

/** The key of a case page: the fingerprint, the script and what the page shows ({@link caseShownDigest}). */
export function caseCacheKey(fingerprint: string, script: Script, shown: string): string {
	return digest(fingerprint, script, shown);
}

/**
 * The key of an issue page: the fingerprint, the script, the issue and each of its cases, in
 * order. The print page prints the cases' text (`entryDigest`); the web page lists their
 * titles and units (`frontmatterDigest`).
 */
export function issueCacheKey(
	fingerprint: string,
	script: Script,
	issue: KeyedEntry,
	cases: readonly KeyedEntry[],
	caseDigest: (entry: KeyedEntry) => string = entryDigest,
): string {
	return digest(fingerprint, script, entryDigest(issue), cases.map(caseDigest));
}
