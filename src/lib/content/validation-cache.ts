/**
 * The build's cache of the costly half of content validation: parsing a case's or an
 * issue's frontmatter YAML and checking it against its schema (about 9 s per 1,000 cases
 * when done anew). Each outcome, the data read or the problems found, is stored under a
 * digest of everything that can change it: the frontmatter text and the line it starts on,
 * the file's path (problems name it), the collection, the message language and the code
 * that parses and checks (the code fingerprint every build cache shares: src/, the config and
 * the lock file). A file with errors is cached with its errors, so a
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
import { deserialize, serialize } from 'node:v8';
import { codeFingerprint } from '../compendium/cache-key.ts';
import { messageLanguage } from '../i18n/messages/language.ts';
import type { Problem } from './problem.ts';

/** What reading one entry's frontmatter gave: its data when it is valid, else its problems. */
export interface FrontmatterOutcome {
	data?: unknown;
	problems: Problem[];
}

/** The key of one entry's frontmatter outcome made with code version `codeVersion` (see the module comment). */
export function frontmatterKey(codeVersion: string, collection: string, file: string, yaml: string, yamlStartLine: number): string {
	return createHash('sha256')
		.update(JSON.stringify([codeVersion, messageLanguage(), collection, file, yamlStartLine]))
		.update('\0')
		.update(yaml)
		.digest('hex');
}

/** The store's file name in the cache directory. */
export const VALIDATION_CACHE_FILE = 'compendium-validation.bin';

/** The parsed outcomes of earlier builds by key; what this build used is what it keeps. */
export class ValidationCache {
	readonly file: string;
	private readonly codeVersion: string;
	private readonly previous: Map<string, FrontmatterOutcome>;
	private readonly used = new Map<string, FrontmatterOutcome>();
	private readonly parsedElsewhere = new Map<string, FrontmatterOutcome>();
	/** Entries served from the previous build's store, and entries parsed anew. */
	readonly counts = { reused: 0, parsed: 0 };

	private constructor(file: string, codeVersion: string, previous: Map<string, FrontmatterOutcome>) {
		this.file = file;
		this.codeVersion = codeVersion;
		this.previous = previous;
	}

	/**
	 * Opens the store in `cacheDir`; a missing or unreadable store is an empty one (everything
	 * is parsed). `codeVersion` defaults to the code's fingerprint (compendium/cache-key.ts), which covers src/ and the lock file.
	 */
	static open(cacheDir: string, codeVersion = codeFingerprint()): ValidationCache {
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
		return frontmatterKey(this.codeVersion, collection, file, yaml, yamlStartLine);
	}

	/** The code version keys are made with, for keys made elsewhere ({@link frontmatterKey}). */
	get version(): string {
		return this.codeVersion;
	}

	/** How many outcomes the previous build's store holds. */
	get storedCount(): number {
		return this.previous.size;
	}

	/**
	 * Outcomes parsed elsewhere for this build (worker threads: frontmatter-workers.ts), by
	 * key: {@link outcome} then takes them as parsed, not reused.
	 */
	addParsed(outcomes: Iterable<[key: string, outcome: FrontmatterOutcome]>): void {
		for (const [key, outcome] of outcomes) this.parsedElsewhere.set(key, outcome);
	}

	/** The outcome stored under `key`, or what `parse` gives (then stored). */
	outcome(key: string, parse: () => FrontmatterOutcome): FrontmatterOutcome {
		const hit = this.used.get(key) ?? this.previous.get(key);
		if (hit) {
			this.counts.reused++;
			this.used.set(key, hit);
			return hit;
		}
		const made = this.parsedElsewhere.get(key) ?? parse();
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
