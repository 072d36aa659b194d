/**
 * The build's cache of the costly half of content validation: parsing a case's or an
 * issue's frontmatter YAML and checking it against its schema (about 9 s per 1,000 cases
 * when done anew). Each outcome, the data read or the problems found, is stored under a
 * digest of everything that can change it: the frontmatter text and the line it starts on,
 * the file's path (problems name it), the collection, the message language and the code
 * that parses and checks (every module validate.ts reaches through relative imports, and the
 * lock file for the libraries). A file with errors is cached with its errors, so a
 * rebuild reports them exactly as a fresh parse would.
 *
 * What depends on other files (ids, duplicate numbers, issues' case lists, method names)
 * is never cached: validate.ts runs those checks over the whole set every time, from the
 * data. The store is one file in Astro's cache directory holding the entries the last
 * build used; the integration opens it only for incremental builds.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { messageLanguage } from '../i18n/messages/language.ts';
import { PROJECT_ROOT } from './paths.ts';
import type { Problem } from './problem.ts';

/** What reading one entry's frontmatter gave: its data when it is valid, else its problems. */
export interface FrontmatterOutcome {
	data?: unknown;
	problems: Problem[];
}

/** The store's file name in the cache directory. */
export const VALIDATION_CACHE_FILE = 'compendium-validation.bin';

/** Relative import specifiers of a module: `from './x.ts'`, `import './x.json'`, `import('../y.ts')`. */
const RELATIVE_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** sha256 over the bytes of `entry` and every module it reaches through relative imports, in a stable order. */
export function moduleClosureDigest(entry: string): string {
	const seen = new Set<string>();
	const pending = [entry];
	while (pending.length) {
		const file = pending.pop()!;
		if (seen.has(file)) continue;
		seen.add(file);
		let text: string;
		try {
			text = readFileSync(file, 'utf8');
		} catch {
			continue;
		}
		for (const [, specifier] of text.matchAll(RELATIVE_IMPORT)) pending.push(path.resolve(path.dirname(file), specifier!));
	}
	const hash = createHash('sha256');
	for (const file of [...seen].sort()) {
		hash.update(path.relative(PROJECT_ROOT, file)).update('\0');
		try {
			hash.update(readFileSync(file));
		} catch {
			hash.update('(missing)');
		}
		hash.update('\0');
	}
	return hash.digest('hex');
}

let codeVersion: string | undefined;

/**
 * The version of the validation code: validate.ts and everything it imports from this
 * project (schemas, messages, region and figure tables), plus the lock file (yaml, zod).
 * When bundled into Astro's build this module is no longer in src/, so it reads the sources
 * from the project root.
 */
export function validationCodeVersion(): string {
	if (codeVersion !== undefined) return codeVersion;
	const here = fileURLToPath(import.meta.url);
	const dir = here.endsWith(path.join('src', 'lib', 'content', 'validation-cache.ts'))
		? path.dirname(here)
		: path.join(PROJECT_ROOT, 'src/lib/content');
	const hash = createHash('sha256').update(moduleClosureDigest(path.join(dir, 'validate.ts')));
	try {
		hash.update(readFileSync(path.join(PROJECT_ROOT, 'package-lock.json')));
	} catch {
		hash.update('(no lock file)');
	}
	codeVersion = hash.digest('hex');
	return codeVersion;
}

/** The parsed outcomes of earlier builds by key; what this build used is what it keeps. */
export class ValidationCache {
	readonly file: string;
	private readonly codeVersion: string;
	private readonly previous: Map<string, FrontmatterOutcome>;
	private readonly used = new Map<string, FrontmatterOutcome>();
	/** Entries served from the previous build's store, and entries parsed anew. */
	readonly counts = { reused: 0, parsed: 0 };

	private constructor(file: string, codeVersion: string, previous: Map<string, FrontmatterOutcome>) {
		this.file = file;
		this.codeVersion = codeVersion;
		this.previous = previous;
	}

	/**
	 * Opens the store in `cacheDir`; a missing or unreadable store is an empty one (everything
	 * is parsed). `codeVersion` defaults to {@link validationCodeVersion}.
	 */
	static open(cacheDir: string, codeVersion = validationCodeVersion()): ValidationCache {
		const file = path.join(cacheDir, VALIDATION_CACHE_FILE);
		let previous = new Map<string, FrontmatterOutcome>();
		try {
			const stored: unknown = deserialize(readFileSync(file));
			if (stored instanceof Map) previous = stored as Map<string, FrontmatterOutcome>;
		} catch {
			// No store yet, or one from an incompatible Node: parse everything.
		}
		return new ValidationCache(file, codeVersion, previous);
	}

	/** The key of one entry's frontmatter outcome (see the module comment for what it covers). */
	key(collection: string, file: string, yaml: string, yamlStartLine: number): string {
		return createHash('sha256')
			.update(JSON.stringify([this.codeVersion, messageLanguage(), collection, file, yamlStartLine]))
			.update('\0')
			.update(yaml)
			.digest('hex');
	}

	/** The outcome stored under `key`, or what `parse` gives (then stored). */
	outcome(key: string, parse: () => FrontmatterOutcome): FrontmatterOutcome {
		const hit = this.used.get(key) ?? this.previous.get(key);
		if (hit) {
			this.counts.reused++;
			this.used.set(key, hit);
			return hit;
		}
		const made = parse();
		this.counts.parsed++;
		this.used.set(key, made);
		return made;
	}

	/** Writes the entries this build used (written beside, then renamed); skipped when the store would not change. */
	save(): void {
		if (this.counts.parsed === 0 && this.used.size === this.previous.size) return;
		mkdirSync(path.dirname(this.file), { recursive: true });
		const partial = `${this.file}.partial-${process.pid}`;
		writeFileSync(partial, serialize(this.used));
		renameSync(partial, this.file);
	}
}
