/**
 * What is already in the content folder, read leniently for the editor's commands: the
 * cases to pick from and the issues to number after. A file that does not parse is left
 * out here; reporting it is `npm run check`'s job.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { splitFrontmatter } from '../content/frontmatter.ts';

/** A case as the issue picker shows it. */
export interface CaseSummary {
	/** Path under content/cases without .mdx: what an issue lists. */
	id: string;
	title: string;
	unit: string;
	date: string;
	status: 'draft' | 'published';
}

/** An existing issue, for numbering and defaults. */
export interface IssueSummary {
	id: string;
	series: string;
	number: number;
	date: string;
	organization: string;
	script?: string;
	internal?: boolean;
}

function mdxFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.mdx') && !entry.name.startsWith('.'))
		.map((entry) => path.join(entry.parentPath, entry.name))
		.sort();
}

function frontmatterOf(file: string): Record<string, unknown> | undefined {
	try {
		const split = splitFrontmatter(readFileSync(file, 'utf8'));
		const data: unknown = split.hasFrontmatter ? parse(split.yaml) : undefined;
		return data && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

const idOf = (dir: string, file: string) =>
	path
		.relative(dir, file)
		.replace(/\\/g, '/')
		.replace(/\.mdx$/, '');
const text = (value: unknown) => (typeof value === 'string' ? value : value instanceof Date ? value.toISOString().slice(0, 10) : '');

/** Every case under `dir` that has a title, newest first. */
export function readCases(dir: string): CaseSummary[] {
	const cases: CaseSummary[] = [];
	for (const file of mdxFiles(dir)) {
		const data = frontmatterOf(file);
		if (!data || typeof data.title !== 'string') continue;
		cases.push({
			id: idOf(dir, file),
			title: data.title,
			unit: text(data.unit),
			date: text(data.date),
			status: data.status === 'draft' ? 'draft' : 'published',
		});
	}
	return cases.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}

/** Every issue under `dir` with a series and a number. */
export function readIssues(dir: string): IssueSummary[] {
	const issues: IssueSummary[] = [];
	for (const file of mdxFiles(dir)) {
		const data = frontmatterOf(file);
		if (!data || typeof data.series !== 'string' || typeof data.number !== 'number') continue;
		issues.push({
			id: idOf(dir, file),
			series: data.series,
			number: data.number,
			date: text(data.date),
			organization: text(data.organization),
			...(typeof data.script === 'string' ? { script: data.script } : {}),
			...(typeof data.internal === 'boolean' ? { internal: data.internal } : {}),
		});
	}
	return issues;
}
