/**
 * `npm run new`: a new case's draft from an editor's answers. Whatever the editor did not
 * give gets a placeholder that passes the schema and is listed in `review`, so the draft
 * validates at once and `npm run check` shows what is left to do.
 */
import { CaseSchema } from '../../schemas/case.ts';
import { SLUG_PATTERN } from '../../schemas/method.ts';
import type { Script } from '../../schemas/script.ts';
import { formatZodIssues } from '../content/errors.ts';
import { splitFrontmatter } from '../content/frontmatter.ts';
import { isDivisionCode } from '../regions.ts';
import { isoDate } from './dates.ts';
import { newMessages } from '../i18n/messages/index.ts';
import { caseSlug } from './slug.ts';
import { assertMdxParses, frontmatterYaml, mdxDocument } from './to-mdx.ts';

/** What the editor gave `npm run new`, from flags or the questions; only title, unit, region, methods and script are required. */
export interface ScaffoldAnswers {
	title: string;
	subtitle?: string;
	unit: string;
	/** A GB/T 2260 code. */
	region: string;
	township?: string;
	methods: string[];
	script: Script;
	slug?: string;
	date?: string;
	publisher?: string;
	summary?: string;
}

/** The new case: its slug, frontmatter and complete MDX file. */
export interface ScaffoldResult {
	slug: string;
	data: Record<string, unknown>;
	mdx: string;
}

const PLACEHOLDER = { hans: '待补充', hant: '待補充' } as const;
/** A plain paragraph, not an MDX comment: case bodies may hold no {expressions}. */
const BODY_GUIDE = {
	hans: '（待补充：在此撰写或粘贴正文，并删去这一段。要点“一是、二是……”可写成二级标题：## 一是……）',
	hant: '（待補充：在此撰寫或粘貼正文，並刪去這一段。要點“一是、二是……”可寫成二級標題：## 一是……）',
} as const;

/** Problems with the answers, one line each in the message language (empty when they are usable). */
export function checkAnswers(answers: ScaffoldAnswers, knownMethods?: ReadonlySet<string>): string[] {
	const problems: string[] = [];
	if (!answers.title.trim()) problems.push(newMessages.problemTitle());
	if (!answers.unit.trim()) problems.push(newMessages.problemUnit());
	if (!isDivisionCode(answers.region)) problems.push(newMessages.problemRegion(answers.region));
	if (answers.methods.length === 0) problems.push(newMessages.problemNoMethods());
	for (const slug of answers.methods) {
		if (knownMethods && knownMethods.size > 0 && !knownMethods.has(slug)) problems.push(newMessages.problemMethod(slug));
	}
	if (answers.slug !== undefined && !SLUG_PATTERN.test(answers.slug)) problems.push(newMessages.problemSlug(answers.slug));
	if (answers.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(answers.date)) problems.push(newMessages.problemDate(answers.date));
	return problems;
}

/**
 * The draft's frontmatter and body. Unanswered fields get a placeholder and a `review` entry;
 * `body` is always listed, since the text is still to be written.
 */
export function scaffoldCase(answers: ScaffoldAnswers, now = new Date()): ScaffoldResult {
	const review: string[] = [];
	const data: Record<string, unknown> = { title: answers.title.trim() };
	if (answers.subtitle?.trim()) data.subtitle = answers.subtitle.trim();
	data.unit = answers.unit.trim();
	data.region = { code: answers.region, ...(answers.township?.trim() ? { township: answers.township.trim() } : {}) };
	data.methods = answers.methods;
	data.metrics = [];
	data.date = answers.date ?? isoDate(now);
	if (!answers.date) review.push('date');
	data.source = { publisher: answers.publisher?.trim() || answers.unit.trim() };
	if (!answers.publisher?.trim()) review.push('source.publisher');
	data.script = answers.script;
	data.summary = answers.summary?.trim() || PLACEHOLDER[answers.script];
	if (!answers.summary?.trim()) review.push('summary');
	data.status = 'draft';
	review.push('metrics', 'body');
	data.review = review;
	const parsed = CaseSchema.safeParse(data);
	if (!parsed.success) throw new Error(formatZodIssues(parsed.error.issues).join('\n'));
	const frontmatter = frontmatterYaml(data, { review: newMessages.reviewComment() });
	const body = BODY_GUIDE[answers.script];
	const mdx = mdxDocument(frontmatter, body);
	assertMdxParses(splitFrontmatter(mdx).body);
	return { slug: answers.slug ?? caseSlug(answers.region, String(data.title), String(data.unit)), data, mdx };
}
