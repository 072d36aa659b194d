/**
 * A new issue (期) from an editor's answers: the next number of its series, the cases it
 * lists (by id or title, with did-you-mean), and the .mdx file whose frontmatter passes
 * IssueSchema and whose body is the editor's note (编者按) as plain text.
 */
import { IssueSchema, type Issue } from '../../schemas/issue.ts';
import { formatZodIssues } from '../content/errors.ts';
import { hanOnly } from '../import/cjk.ts';
import { toSimplified } from '../import/script.ts';
import { frontmatterYaml, mdxDocument } from '../import/to-mdx.ts';
import { didYouMean } from '../text/did-you-mean.ts';
import type { CaseSummary, IssueSummary } from './library.ts';
import { issueSlug } from '../import/slug.ts';

/** Series compare by their Han characters in simplified form, so punctuation and script do not split one series. */
export function sameSeries(a: string, b: string): boolean {
	const key = (s: string) => hanOnly(toSimplified(s)) || s.trim();
	return key(a) === key(b);
}

/** A series already in use, with what its latest issue said. */
export interface SeriesInfo {
	series: string;
	/** The highest number so far. */
	lastNumber: number;
	organization: string;
	script?: string;
	internal?: boolean;
	count: number;
}

/** The series in use, most recently issued first, each with its latest issue's details. */
export function seriesList(issues: readonly IssueSummary[]): SeriesInfo[] {
	const groups: IssueSummary[][] = [];
	for (const issue of issues) {
		const group = groups.find((g) => sameSeries((g[0] as IssueSummary).series, issue.series));
		if (group) group.push(issue);
		else groups.push([issue]);
	}
	const latest = (group: IssueSummary[]) => [...group].sort((a, b) => a.number - b.number).at(-1) as IssueSummary;
	return groups
		.sort((a, b) => latest(b).date.localeCompare(latest(a).date))
		.map((group) => {
			const last = latest(group);
			return {
				series: last.series,
				lastNumber: last.number,
				organization: last.organization,
				...(last.script ? { script: last.script } : {}),
				...(last.internal !== undefined ? { internal: last.internal } : {}),
				count: group.length,
			};
		});
}

/** The number the next issue of `series` gets: one more than the highest, 1 for a new series. */
export function nextIssueNumber(issues: readonly IssueSummary[], series: string): number {
	const numbers = issues.filter((issue) => sameSeries(issue.series, series)).map((issue) => issue.number);
	return numbers.length ? Math.max(...numbers) + 1 : 1;
}

/** The issue of `series` with `number`, if there is one already. */
export function existingIssue(issues: readonly IssueSummary[], series: string, number: number): IssueSummary | undefined {
	return issues.find((issue) => sameSeries(issue.series, series) && issue.number === number);
}

/** A given case that matched none, with the closest ids. */
export interface UnknownCase {
	given: string;
	suggestions: string[];
}

/** Given ids or exact titles → case ids in the order given; the rest with suggestions. */
export function resolveCases(given: readonly string[], cases: readonly CaseSummary[]): { ids: string[]; unknown: UnknownCase[] } {
	const ids: string[] = [];
	const unknown: UnknownCase[] = [];
	for (const raw of given) {
		const wanted = raw.trim().replace(/\.mdx$/, '');
		const found = cases.find((c) => c.id === wanted) ?? cases.find((c) => toSimplified(c.title) === toSimplified(wanted));
		if (found) {
			if (!ids.includes(found.id)) ids.push(found.id);
		} else {
			const close = didYouMean(
				wanted,
				cases.map((c) => c.id),
			);
			const byTitle = cases.filter((c) => wanted.length >= 2 && toSimplified(c.title).includes(toSimplified(wanted))).map((c) => c.id);
			unknown.push({ given: raw, suggestions: [...new Set([...byTitle, ...close])].slice(0, 3) });
		}
	}
	return { ids, unknown };
}

/** Whether a case matches what the editor typed into the picker: id, title, unit or date. */
export function caseMatches(item: CaseSummary, search: string): boolean {
	const s = toSimplified(search.trim()).toLowerCase();
	if (!s) return true;
	return [item.id, item.title, item.unit, item.date].some((field) => toSimplified(field).toLowerCase().includes(s));
}

/** What an editor decides for a new issue. */
export interface IssueAnswers {
	series: string;
	number: number;
	numberLabel?: string;
	totalNumber?: number;
	date: string;
	organization: string;
	internal: boolean;
	script: Issue['script'];
	cases: string[];
	/** 编者按, plain text; paragraphs separated by blank lines. */
	note: string;
	/** Every case is still a draft: the issue is written as a draft too, where the schema knows issue drafts. */
	draft?: boolean;
}

/** Whether issues carry a status (draft while their cases are drafts) in this version of the schema. */
export const ISSUES_HAVE_STATUS = 'status' in IssueSchema.shape;

/** The characters that would make a plain-text note into MDX syntax, escaped so it stays text. */
export function plainTextToMdx(note: string): string {
	return note
		.replace(/\r\n?/g, '\n')
		.split(/\n{2,}/)
		.map((paragraph) =>
			paragraph
				.trim()
				.split('\n')
				.map((line) => line.trim().replace(/[\\{}<>*_`[\]#|~&]/g, (ch) => `\\${ch}`))
				.join('\n'),
		)
		.filter(Boolean)
		.join('\n\n');
}

/** The issue file's text, or the schema's complaints (one line each). */
export function issueDocument(answers: IssueAnswers): { mdx: string; data: Record<string, unknown> } | { problems: string[] } {
	const data: Record<string, unknown> = {
		series: answers.series.trim(),
		number: answers.number,
		...(answers.numberLabel?.trim() ? { numberLabel: answers.numberLabel.trim() } : {}),
		...(answers.totalNumber ? { totalNumber: answers.totalNumber } : {}),
		date: answers.date,
		organization: answers.organization.trim(),
		internal: answers.internal,
		script: answers.script,
		cases: answers.cases,
		...(answers.draft && ISSUES_HAVE_STATUS ? { status: 'draft' } : {}),
	};
	const parsed = IssueSchema.safeParse(data);
	if (!parsed.success) return { problems: formatZodIssues(parsed.error.issues) };
	return { mdx: mdxDocument(frontmatterYaml(data), plainTextToMdx(answers.note)), data };
}

/**
 * The file name for a new issue: the series' own naming continued (yuncheng-wumian-hongqi-1 →
 * yuncheng-wumian-hongqi-2), or pinyin of the series' keyword and the number.
 */
export function suggestIssueId(issues: readonly IssueSummary[], series: string, number: number): string {
	const previous = issues
		.filter((issue) => sameSeries(issue.series, series))
		.sort((a, b) => b.number - a.number)
		.find((issue) => issue.id.endsWith(`-${issue.number}`) && !issue.id.includes('/'));
	if (previous) return `${previous.id.slice(0, -String(previous.number).length)}${number}`;
	return issueSlug(series, number);
}

/** The note as written in the editor's temporary file: lines starting with // dropped, trimmed. */
export function noteFromEditorText(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.filter((line) => !line.trimStart().startsWith('//'))
		.join('\n')
		.trim();
}
