/**
 * Validates the whole compendium the way an editor needs it: every problem in every
 * file at once, each with its file, line, field, what was expected and what was found.
 * `npm run check` prints this (plus the body compile, check.ts); `npm run build` refuses to
 * start while it has errors.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import { CaseSchema, type Case } from '../../schemas/case.ts';
import { GlossarySchema, type GlossaryEntry } from '../../schemas/glossary.ts';
import { IssueSchema, type Issue } from '../../schemas/issue.ts';
import { MethodSchema, type Method } from '../../schemas/method.ts';
import { SiteSchema } from '../../schemas/site.ts';
import { checkMessages } from '../i18n/messages/index.ts';
import { suggestion } from '../text/did-you-mean.ts';
import { formatPath, formatZodIssues, useSchemaLanguage } from './errors.ts';
import { parseYaml, splitFrontmatter, type ParsedYaml } from './frontmatter.ts';
import { PROJECT_ROOT, contentDir, contentPaths } from './paths.ts';
import type { FrontmatterOutcome, ValidationCache } from './validation-cache.ts';
import type { Problem } from './problem.ts';

/** A case or issue as read: its id, file, frontmatter data, body and where each field stands. */
export interface LoadedEntry<T> {
	id: string;
	file: string;
	data: T;
	body: string;
	bodyStartLine: number;
	/** 1-based file line of a frontmatter field. */
	lineOf(path: ReadonlyArray<PropertyKey>): number | undefined;
}

/** Everything validation read and found: the problems and the entries that could be read. */
export interface ValidationResult {
	problems: Problem[];
	cases: Map<string, LoadedEntry<Case>>;
	issues: Map<string, LoadedEntry<Issue>>;
	methods: Map<string, Method>;
	glossary: GlossaryEntry[];
	/** Every case and issue file (relative), whose bodies `npm run check` compiles. */
	bodyFiles: string[];
}

/** Extra checks other modules contribute (e.g. conversion-risk warnings), run per case. */
export type CaseCheck = (entry: LoadedEntry<Case>, context: { glossary: GlossaryEntry[] }) => Problem[];

const relative = (file: string) => path.relative(PROJECT_ROOT, file) || file;

/** Where the problem is: `line` only when known, so problems stay easy to compare in tests. */
function at(line: number | undefined): { line?: number } {
	return line !== undefined ? { line } : {};
}

function error(file: string, message: string, extra: Omit<Problem, 'severity' | 'file' | 'message'> = {}): Problem {
	return { severity: 'error', file: relative(file), ...extra, message };
}

/** Every file under `dir` (hidden files such as .gitkeep left out), sorted. */
function listFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	const found: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (entry.isFile() && !entry.name.startsWith('.')) found.push(path.join(entry.parentPath, entry.name));
	}
	return found.sort();
}

/** The id Astro's glob loader gives a file: its path without .mdx, `x/index.mdx` being `x`. */
export function entryId(baseDir: string, file: string): string {
	return path
		.relative(baseDir, file)
		.replace(/\\/g, '/')
		.replace(/\.mdx$/, '')
		.replace(/(?:^|\/)index$/, '');
}

function schemaProblems(file: string, issues: ReadonlyArray<z.core.$ZodIssue>, lineOf: ParsedYaml['lineOf']): Problem[] {
	const lines = formatZodIssues(issues);
	return issues.map((issue, i) => {
		const field = formatPath(issue.path);
		const text = lines[i] ?? issue.message;
		return error(file, text.slice(field.length + 2), { ...at(lineOf(issue.path)), field });
	});
}

function yamlProblems(file: string, parsed: ParsedYaml): Problem[] {
	return parsed.errors.map((e) => error(file, checkMessages.invalidYaml(e.message), { line: e.line }));
}

/** Reads and validates a YAML data file (methods, glossary, site) against its schema. */
function loadYamlFile<T>(file: string, schema: z.ZodType<T>, problems: Problem[], required: boolean): T | undefined {
	if (!existsSync(file)) {
		if (required) problems.push(error(file, checkMessages.fileMissing()));
		return undefined;
	}
	const parsed = parseYaml(readFileSync(file, 'utf8'));
	if (parsed.errors.length) {
		problems.push(...yamlProblems(file, parsed));
		return undefined;
	}
	const result = schema.safeParse(parsed.data, { reportInput: true });
	if (!result.success) {
		problems.push(...schemaProblems(file, result.error.issues, parsed.lineOf));
		return undefined;
	}
	return result.data;
}

/** Parses YAML frontmatter and checks it against `schema`: its data, or the problems that stop it. */
function readFrontmatter<T>(file: string, parsed: ParsedYaml, schema: z.ZodType<T>): FrontmatterOutcome {
	if (parsed.errors.length) return { problems: yamlProblems(file, parsed) };
	const result = schema.safeParse(parsed.data ?? {}, { reportInput: true });
	if (!result.success) return { problems: schemaProblems(file, result.error.issues, parsed.lineOf) };
	return { data: result.data, problems: [] };
}

/** What an entry's frontmatter is cached under besides the code version: collection, file, text and its first line. */
function frontmatterKeyParts(baseDir: string, file: string, split: { yaml: string; yamlStartLine: number }): [string, string, string, number] {
	return [path.basename(baseDir), relative(file), split.yaml, split.yamlStartLine];
}

/** The collections whose frontmatter is cached, with their folders and schemas. */
export const FRONTMATTER_COLLECTIONS = {
	cases: { dir: () => contentPaths.cases(), schema: CaseSchema as z.ZodType<unknown> },
	issues: { dir: () => contentPaths.issues(), schema: IssueSchema as z.ZodType<unknown> },
};

/** The .mdx files of a cached collection, as validation reads them (other files are its problems to report). */
export function frontmatterFiles(collection: keyof typeof FRONTMATTER_COLLECTIONS): string[] {
	return listFiles(FRONTMATTER_COLLECTIONS[collection].dir()).filter((file) => file.endsWith('.mdx'));
}

/**
 * One file's frontmatter outcome and the parts of its cache key, as {@link loadEntry} makes
 * them (for worker threads filling the cache: frontmatter-workers.ts); undefined for a file
 * without frontmatter, which validation reports.
 */
export function parseEntryFrontmatter(
	collection: keyof typeof FRONTMATTER_COLLECTIONS,
	file: string,
): { keyParts: [string, string, string, number]; outcome: FrontmatterOutcome } | undefined {
	const { dir, schema } = FRONTMATTER_COLLECTIONS[collection];
	const split = splitFrontmatter(readFileSync(file, 'utf8'));
	if (!split.hasFrontmatter) return undefined;
	return { keyParts: frontmatterKeyParts(dir(), file, split), outcome: readFrontmatter(file, parseYaml(split.yaml, split.yamlStartLine), schema) };
}

/**
 * Reads an MDX entry: frontmatter through the schema (or from `cache`, by its text), body
 * kept for later checks. A cached entry's YAML is parsed again only when a later check
 * asks where a field stands, which only a problem does.
 */
function loadEntry<T>(
	file: string,
	baseDir: string,
	schema: z.ZodType<T>,
	problems: Problem[],
	cache: ValidationCache | undefined,
): LoadedEntry<T> | undefined {
	const split = splitFrontmatter(readFileSync(file, 'utf8'));
	if (!split.hasFrontmatter) {
		problems.push(error(file, checkMessages.noFrontmatter(), { line: 1 }));
		return undefined;
	}
	for (const line of split.ambiguousFenceLines) problems.push(error(file, checkMessages.ambiguousFence(), { line }));
	let parsed: ParsedYaml | undefined;
	const parse = () => (parsed ??= parseYaml(split.yaml, split.yamlStartLine));
	const read = () => readFrontmatter(file, parse(), schema);
	const outcome = cache ? cache.outcome(cache.key(...frontmatterKeyParts(baseDir, file, split)), read) : read();
	problems.push(...outcome.problems);
	if (outcome.problems.length) return undefined;
	// The YAML document is many times the size of the text, and every entry lives until the
	// build's last step (60 MB per 2,000 cases): a later check that needs a line parses again.
	parsed = undefined;
	return {
		id: entryId(baseDir, file),
		file: relative(file),
		data: outcome.data as T,
		body: split.body,
		bodyStartLine: split.bodyStartLine,
		lineOf: (fieldPath) => parse().lineOf(fieldPath),
	};
}

const ID_PATTERN = /^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:\/[a-z0-9]+(?:[-_][a-z0-9]+)*)*$/;

/** The MDX files of a collection folder; anything else there is an error, not silently skipped. */
function collectionFiles(dir: string, problems: Problem[]): string[] {
	const files: string[] = [];
	for (const file of listFiles(dir)) {
		if (file.endsWith('.mdx')) files.push(file);
		else problems.push(error(file, checkMessages.notMdx(path.basename(file), path.basename(file).replace(/\.[^.]*$/, '') + '.mdx')));
	}
	return files;
}

/** Content-like files left at the top of content/ (notes.txt, case.md) that no collection reads. */
function strayTopLevelFiles(root: string): Problem[] {
	if (!existsSync(root)) return [];
	return readdirSync(root, { withFileTypes: true })
		.filter((entry) => entry.isFile() && /\.(?:mdx?|markdown|txt|docx?|html?)$/i.test(entry.name))
		.map((entry) => error(path.join(root, entry.name), checkMessages.strayFile(entry.name)));
}

/** The id rules: a URL-safe name, unique across every file layout (x.mdx and x/index.mdx). */
function idProblems(file: string, id: string, seen: Map<string, string>): Problem[] {
	const problems: Problem[] = [];
	if (!ID_PATTERN.test(id)) problems.push(error(file, checkMessages.badFileName(id)));
	const clash = seen.get(id.toLowerCase());
	if (clash) problems.push(error(file, checkMessages.duplicateId(id, clash, relative(file))));
	else seen.set(id.toLowerCase(), relative(file));
	return problems;
}

function methodProblems(entry: LoadedEntry<Case>, methods: Map<string, Method>): Problem[] {
	if (!methods.size) return [];
	return entry.data.methods.flatMap((slug, index) =>
		methods.has(slug)
			? []
			: [
					error(entry.file, checkMessages.unknownMethod(slug, suggestion(slug, methods.keys())), {
						...at(entry.lineOf(['methods', index])),
						field: `methods[${index}]`,
					}),
				],
	);
}

/** A published case may not carry the importer's unconfirmed guesses. */
function reviewProblems(entry: LoadedEntry<Case>): Problem[] {
	const review = entry.data.review ?? [];
	if (entry.data.status !== 'published' || review.length === 0) return [];
	return [error(entry.file, checkMessages.reviewPending(review), { ...at(entry.lineOf(['review'])), field: 'review' })];
}

/**
 * The method taxonomy by slug, read from `file` (content/methods.yaml unless another is named),
 * its problems added to `problems`: the check, the importer and `npm run new` read it this one way.
 */
export function loadMethods(problems: Problem[], file = contentPaths.methods()): Map<string, Method> {
	const methods = new Map<string, Method>();
	for (const method of loadYamlFile(file, MethodSchema.array(), problems, true) ?? []) {
		if (methods.has(method.slug)) problems.push(error(file, checkMessages.duplicateMethod(method.slug), { field: 'slug' }));
		methods.set(method.slug, method);
	}
	return methods;
}

/**
 * Reads one collection (cases or issues): every .mdx file under `dir`, its id checked and
 * its frontmatter against `schema`; `check` adds the problems of each entry read, in order.
 * Returns the entries by id and every id seen (files with errors included).
 */
function loadCollection<T>(
	dir: string,
	schema: z.ZodType<T>,
	problems: Problem[],
	bodyFiles: string[],
	check: (entry: LoadedEntry<T>) => Problem[],
	cache: ValidationCache | undefined,
): { entries: Map<string, LoadedEntry<T>>; ids: string[] } {
	const entries = new Map<string, LoadedEntry<T>>();
	const seen = new Map<string, string>();
	for (const file of collectionFiles(dir, problems)) {
		bodyFiles.push(relative(file));
		problems.push(...idProblems(file, entryId(dir, file), seen));
		const entry = loadEntry(file, dir, schema, problems, cache);
		if (!entry || entries.has(entry.id)) continue;
		entries.set(entry.id, entry);
		problems.push(...check(entry));
	}
	return { entries, ids: [...seen.keys()] };
}

/** An issue's case list: every case exists, none twice, at least one published. */
function issueCaseProblems(entry: LoadedEntry<Issue>, cases: Map<string, LoadedEntry<Case>>, caseIds: ReadonlySet<string>): Problem[] {
	const problems: Problem[] = [];
	const listed = new Set<string>();
	entry.data.cases.forEach((ref, index) => {
		// Looked up only for a problem: a cached entry's YAML is parsed again to find the line.
		const where = () => ({ ...at(entry.lineOf(['cases', index])), field: `cases[${index}]` });
		if (!caseIds.has(ref)) problems.push(error(entry.file, checkMessages.unknownCase(ref, suggestion(ref, caseIds)), where()));
		if (listed.has(ref)) problems.push(error(entry.file, checkMessages.caseListedTwice(ref), where()));
		listed.add(ref);
	});
	const known = entry.data.cases.filter((ref) => cases.has(ref));
	// Only when every listed case was read: a case with errors is reported on its own.
	if (
		entry.data.status === 'published' &&
		known.length === entry.data.cases.length &&
		!known.some((ref) => cases.get(ref)?.data.status === 'published')
	) {
		problems.push(
			error(entry.file, checkMessages.issueWithoutPublished(entry.data.series, entry.data.number), {
				...at(entry.lineOf(['cases'])),
				field: 'cases',
			}),
		);
	}
	return problems;
}

/** Two issues of one series with the same number. */
function issueNumberProblems(entry: LoadedEntry<Issue>, seenNumbers: Map<string, string>): Problem[] {
	const key = `${entry.data.series}\u0000${entry.data.number}`;
	const clash = seenNumbers.get(key);
	seenNumbers.set(key, entry.file);
	if (!clash) return [];
	return [
		error(entry.file, checkMessages.duplicateIssue(clash, entry.data.series, entry.data.number), {
			...at(entry.lineOf(['number'])),
			field: 'number',
		}),
	];
}

/**
 * Validates everything under the content directory. With `cache`, each case's and issue's
 * frontmatter is parsed only when its text (or the code) changed since the build that saved
 * the cache; the checks across files run in full either way.
 */
export function validateContent(options: { caseChecks?: CaseCheck[]; cache?: ValidationCache } = {}): ValidationResult {
	useSchemaLanguage();
	const problems: Problem[] = [];
	const bodyFiles: string[] = [];
	const root = contentDir();
	if (!existsSync(root)) problems.push(error(root, checkMessages.contentDirMissing()));
	loadYamlFile(contentPaths.site(), SiteSchema, problems, true);
	const methods = loadMethods(problems);
	const glossary = loadYamlFile(contentPaths.glossary(), GlossarySchema, problems, false) ?? [];
	problems.push(...strayTopLevelFiles(root));
	const checks = options.caseChecks ?? [];
	const { entries: cases, ids } = loadCollection(
		contentPaths.cases(),
		CaseSchema,
		problems,
		bodyFiles,
		(entry) => [...methodProblems(entry, methods), ...reviewProblems(entry), ...checks.flatMap((check) => check(entry, { glossary }))],
		options.cache,
	);
	const seenNumbers = new Map<string, string>();
	const caseIds = new Set(ids);
	const { entries: issues } = loadCollection(
		contentPaths.issues(),
		IssueSchema,
		problems,
		bodyFiles,
		(entry) => [...issueNumberProblems(entry, seenNumbers), ...issueCaseProblems(entry, cases, caseIds)],
		options.cache,
	);
	return { problems, cases, issues, methods, glossary, bodyFiles };
}

/** Formats problems as `file:line:column 错误 field: message`, errors first, in file order. */
export function formatProblems(problems: readonly Problem[]): string {
	const order = [...problems].sort(
		(a, b) =>
			(a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
			a.file.localeCompare(b.file) ||
			(a.line ?? 0) - (b.line ?? 0) ||
			(a.column ?? 0) - (b.column ?? 0),
	);
	return order
		.map((p) => {
			const where = `${p.file}${p.line !== undefined ? `:${p.line}${p.column !== undefined ? `:${p.column}` : ''}` : ''}`;
			const label = p.severity === 'error' ? checkMessages.errorLabel() : checkMessages.warningLabel();
			return `${where} ${label}${p.field ? ` ${p.field}` : ''}: ${p.message}`;
		})
		.join('\n');
}
