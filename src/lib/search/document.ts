/**
 * What the search index needs to know about one case, independent of where it came
 * from: the compendium's content files (here) or a generated benchmark corpus.
 */
import type { Case } from '../../schemas/case.ts';
import type { Script } from '../../schemas/script.ts';
import type { LoadedEntry, ValidationResult } from '../content/validate.ts';
import { textRunsOfMdx } from '../convert/mdx-text.ts';
import { plainProse } from './plain-text.ts';
import { currentEdition, publication } from '../compendium/edition.ts';
import { loadSiteConfig } from '../content/site-config.ts';

/** One case as the indexer takes it: its text as plain strings in its own script, and the raw facet values. */
export interface SearchDocument {
	id: string;
	/** The script the case is written in; every text field below is in it. */
	script: Script;
	title: string;
	subtitle?: string;
	unit: string;
	summary: string;
	/** Plain text of the body, one paragraph (or heading, list item, cell) per line. */
	body: string;
	/** Division code (GB/T 2260), county level or above. */
	regionCode: string;
	township?: string;
	village?: string;
	/** Method slugs. */
	methods: string[];
	/** Ids of the issues that print the case. */
	issues: string[];
	/** YYYY-MM-DD. */
	date: string;
	/** Further searchable text: metric labels, the source's publisher and title. */
	extra: string[];
}

/**
 * The body's prose as plain text, one run per line (plain prose read without the MDX
 * parse): the runs the script conversion sees, but with each <Zh> element's text in its
 * run, as the page shows it, so a phrase through one is found.
 */
export function plainBody(mdxBody: string): string {
	return plainProse(mdxBody) ?? mdxPlainBody(mdxBody);
}

/** {@link plainBody} through the full MDX parse. */
export function mdxPlainBody(mdxBody: string): string {
	return textRunsOfMdx(mdxBody, { inlineZh: true })
		.map((run) => run.text.trim())
		.filter(Boolean)
		.join('\n');
}

/** The search document of a loaded case; `issueIds` are the published issues that print it. */
export function documentFromCase(entry: Pick<LoadedEntry<Case>, 'id' | 'data' | 'body'>, issueIds: string[]): SearchDocument {
	const { data } = entry;
	const doc: SearchDocument = {
		id: entry.id,
		script: data.script,
		title: data.title,
		unit: data.unit,
		summary: data.summary,
		body: plainBody(entry.body),
		regionCode: data.region.code,
		methods: [...data.methods],
		issues: issueIds,
		date: data.date.toISOString().slice(0, 10),
		extra: [...data.metrics.map((m) => m.label), data.source.publisher, ...(data.source.title ? [data.source.title] : [])],
	};
	if (data.subtitle) doc.subtitle = data.subtitle;
	if (data.region.township) doc.township = data.region.township;
	if (data.region.village) doc.village = data.region.village;
	return doc;
}

/** A published case and the ids of the published issues that print it. */
export interface PublishedCase {
	entry: LoadedEntry<Case>;
	issueIds: string[];
}

/** Published cases of a validated compendium, each with the issues that print it. */
export function publishedCases(content: ValidationResult): PublishedCase[] {
	const published = publication([...content.issues.values()], [...content.cases.values()], { edition: currentEdition(loadSiteConfig().edition) });
	const issuesOf = new Map<string, string[]>();
	for (const issue of published.issues) {
		for (const caseId of issue.data.cases) issuesOf.set(caseId, [...(issuesOf.get(caseId) ?? []), issue.id]);
	}
	return published.cases.map((entry) => ({ entry, issueIds: issuesOf.get(entry.id) ?? [] }));
}

/** The search documents of a validated compendium's published cases. */
export function documentsFromContent(content: ValidationResult): SearchDocument[] {
	return publishedCases(content).map(({ entry, issueIds }) => documentFromCase(entry, issueIds));
}
