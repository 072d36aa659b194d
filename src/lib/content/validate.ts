/**
 * Validates the whole compendium the way an editor needs it: every problem in every
 * file at once, each with its file, line, field, what was expected and what was found.
 * `npm run check` prints this; `npm run build` refuses to start while it has errors.
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
import { formatPath, formatZodIssues } from './errors.ts';
import { parseYaml, splitFrontmatter } from './frontmatter.ts';
import { PROJECT_ROOT, contentDir, contentPaths } from './paths.ts';

export interface Problem {
	severity: 'error' | 'warning';
	/** Path relative to the project root. */
	file: string;
	line?: number;
	/** 1-based column, when the problem is at a place in the body. */
	column?: number;
	/** Field path as written in YAML, e.g. metrics[2].value. */
	field?: string;
	message: string;
}

export interface LoadedEntry<T> {
	id: string;
	file: string;
	data: T;
	body: string;
	bodyStartLine: number;
}

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

function listFiles(dir: string, extensions: string[]): string[] {
	if (!existsSync(dir)) return [];
	const found: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile()) continue;
		if (extensions.some((ext) => entry.name.endsWith(ext))) found.push(path.join(entry.parentPath, entry.name));
	}
	return found.sort();
}

function schemaProblems(
	file: string,
	issues: ReadonlyArray<z.core.$ZodIssue>,
	lineOf: (path: ReadonlyArray<PropertyKey>) => number | undefined,
): Problem[] {
	const lines = formatZodIssues(issues);
	return issues.map((issue, i) => {
		const line = lineOf(issue.path);
		const text = lines[i] ?? issue.message;
		const field = formatPath(issue.path);
		return {
			severity: 'error',
			file: relative(file),
			...(line !== undefined ? { line } : {}),
			field,
			message: text.slice(field.length + 2),
		};
	});
}

/** Reads and validates a YAML data file (methods, glossary, site) against its schema. */
function loadYamlFile<T>(file: string, schema: z.ZodType<T>, problems: Problem[], required: boolean): T | undefined {
	if (!existsSync(file)) {
		if (required) problems.push({ severity: 'error', file: relative(file), message: 'file is missing' });
		return undefined;
	}
	const parsed = parseYaml(readFileSync(file, 'utf8'));
	if (parsed.errors.length) {
		for (const error of parsed.errors) {
			problems.push({ severity: 'error', file: relative(file), line: error.line, message: `invalid YAML: ${error.message}` });
		}
		return undefined;
	}
	const result = schema.safeParse(parsed.data, { reportInput: true });
	if (!result.success) {
		problems.push(...schemaProblems(file, result.error.issues, parsed.lineOf));
		return undefined;
	}
	return result.data;
}

/** Reads an MDX entry: frontmatter through the schema, body kept for later checks. */
function loadEntry<T>(file: string, baseDir: string, schema: z.ZodType<T>, problems: Problem[]): LoadedEntry<T> | undefined {
	const text = readFileSync(file, 'utf8');
	const id = path
		.relative(baseDir, file)
		.replace(/\\/g, '/')
		.replace(/\.mdx$/, '');
	const split = splitFrontmatter(text);
	if (!split.hasFrontmatter) {
		problems.push({
			severity: 'error',
			file: relative(file),
			line: 1,
			message: 'expected YAML frontmatter between two "---" lines at the top of the file, found none',
		});
		return undefined;
	}
	for (const line of split.ambiguousFenceLines) {
		problems.push({ severity: 'error', file: relative(file), line, message: checkMessages.ambiguousFence() });
	}
	const parsed = parseYaml(split.yaml, split.yamlStartLine);
	if (parsed.errors.length) {
		for (const error of parsed.errors) {
			problems.push({ severity: 'error', file: relative(file), line: error.line, message: `invalid YAML: ${error.message}` });
		}
		return undefined;
	}
	const result = schema.safeParse(parsed.data ?? {}, { reportInput: true });
	if (!result.success) {
		problems.push(...schemaProblems(file, result.error.issues, parsed.lineOf));
		return undefined;
	}
	return { id, file: relative(file), data: result.data, body: split.body, bodyStartLine: split.bodyStartLine };
}

const ID_PATTERN = /^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:\/[a-z0-9]+(?:[-_][a-z0-9]+)*)*$/;

/** Validates everything under the content directory. */
export function validateContent(options: { caseChecks?: CaseCheck[] } = {}): ValidationResult {
	const problems: Problem[] = [];
	const bodyFiles: string[] = [];
	const root = contentDir();
	loadYamlFile(contentPaths.site(), SiteSchema, problems, true);
	const methodList = loadYamlFile(contentPaths.methods(), MethodSchema.array(), problems, true) ?? [];
	const glossary = loadYamlFile(contentPaths.glossary(), GlossarySchema, problems, false) ?? [];

	const methods = new Map<string, Method>();
	for (const method of methodList) {
		if (methods.has(method.slug)) {
			problems.push({
				severity: 'error',
				file: relative(contentPaths.methods()),
				field: 'slug',
				message: `duplicate method slug "${method.slug}": each slug must be unique`,
			});
		}
		methods.set(method.slug, method);
	}

	const cases = new Map<string, LoadedEntry<Case>>();
	const casesDir = contentPaths.cases();
	const seenIds = new Map<string, string>();
	for (const file of listFiles(casesDir, ['.mdx', '.md'])) {
		if (file.endsWith('.md')) {
			problems.push({
				severity: 'error',
				file: relative(file),
				message: 'expected a .mdx file, found .md; rename it to .mdx',
			});
			continue;
		}
		bodyFiles.push(relative(file));
		const entry = loadEntry(file, casesDir, CaseSchema, problems);
		const id = path
			.relative(casesDir, file)
			.replace(/\\/g, '/')
			.replace(/\.mdx$/, '');
		if (!ID_PATTERN.test(id)) {
			problems.push({
				severity: 'error',
				file: relative(file),
				message: `expected a file name of lowercase letters, digits and hyphens (it becomes the URL), found "${id}"`,
			});
		}
		const folded = id.toLowerCase();
		const clash = seenIds.get(folded);
		if (clash) {
			problems.push({
				severity: 'error',
				file: relative(file),
				message: `duplicate case slug "${id}": ${clash} has the same URL`,
			});
		}
		seenIds.set(folded, relative(file));
		if (!entry) continue;
		cases.set(entry.id, entry);
		entry.data.methods.forEach((slug, index) => {
			if (methods.size && !methods.has(slug)) {
				problems.push({
					severity: 'error',
					file: entry.file,
					line: lineOfField(file, ['methods', index]),
					field: `methods[${index}]`,
					message: `unknown method "${slug}": not in content/methods.yaml${suggestion(slug, methods.keys())}`,
				});
			}
		});
		for (const check of options.caseChecks ?? []) problems.push(...check(entry, { glossary }));
	}

	const issues = new Map<string, LoadedEntry<Issue>>();
	const issuesDir = contentPaths.issues();
	const seenNumbers = new Map<string, string>();
	for (const file of listFiles(issuesDir, ['.mdx'])) {
		bodyFiles.push(relative(file));
		const entry = loadEntry(file, issuesDir, IssueSchema, problems);
		if (!entry) continue;
		issues.set(entry.id, entry);
		const key = `${entry.data.series}\u0000${entry.data.number}`;
		const clash = seenNumbers.get(key);
		if (clash) {
			problems.push({
				severity: 'error',
				file: entry.file,
				field: 'number',
				message: `duplicate issue: ${clash} is already ${entry.data.series} 第${entry.data.number}期`,
			});
		}
		seenNumbers.set(key, entry.file);
		const listed = new Set<string>();
		entry.data.cases.forEach((ref, index) => {
			const line = lineOfField(file, ['cases', index]);
			if (!cases.has(ref) && !existsSync(path.join(casesDir, `${ref}.mdx`))) {
				problems.push({
					severity: 'error',
					file: entry.file,
					...(line !== undefined ? { line } : {}),
					field: `cases[${index}]`,
					message: `unknown case "${ref}": no file content/cases/${ref}.mdx${suggestion(ref, seenIdsList(casesDir))}`,
				});
			}
			if (listed.has(ref)) {
				problems.push({
					severity: 'error',
					file: entry.file,
					...(line !== undefined ? { line } : {}),
					field: `cases[${index}]`,
					message: `case "${ref}" is listed twice in this issue`,
				});
			}
			listed.add(ref);
		});
	}

	if (!existsSync(root)) {
		problems.push({ severity: 'error', file: relative(root), message: 'content directory is missing' });
	}
	return { problems, cases, issues, methods, glossary, bodyFiles };
}

function seenIdsList(casesDir: string): string[] {
	return listFiles(casesDir, ['.mdx']).map((f) =>
		path
			.relative(casesDir, f)
			.replace(/\\/g, '/')
			.replace(/\.mdx$/, ''),
	);
}

function lineOfField(file: string, fieldPath: ReadonlyArray<PropertyKey>): number | undefined {
	const split = splitFrontmatter(readFileSync(file, 'utf8'));
	return parseYaml(split.yaml, split.yamlStartLine).lineOf(fieldPath);
}

/** Formats problems as `file:line field: message`, errors first, in file order. */
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
			const label = p.severity === 'error' ? 'error' : 'warning';
			return `${where} ${label}${p.field ? ` ${p.field}` : ''}: ${p.message}`;
		})
		.join('\n');
}
