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
import { caseSlug } from './slug.ts';
import { assertMdxParses, frontmatterYaml, mdxDocument } from './to-mdx.ts';

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

export interface ScaffoldResult {
	slug: string;
	data: Record<string, unknown>;
	mdx: string;
}

const PLACEHOLDER = { hans: '待补充', hant: '待補充' } as const;
const BODY_GUIDE = {
	hans: '在此撰写或粘贴正文。要点（一是、二是……）可写成二级标题：## 一是……',
	hant: '在此撰寫或粘貼正文。要點（一是、二是……）可寫成二級標題：## 一是……',
} as const;

/** Problems with the answers, one line each (empty when they are usable). */
export function checkAnswers(answers: ScaffoldAnswers, knownMethods?: ReadonlySet<string>): string[] {
	const problems: string[] = [];
	if (!answers.title.trim()) problems.push('title: expected the headline, found nothing');
	if (!answers.unit.trim()) problems.push('unit: expected the reporting unit as written, e.g. 县委组织部, found nothing');
	if (!isDivisionCode(answers.region))
		problems.push(`region: expected a GB/T 2260 county-level-or-above code, found ${JSON.stringify(answers.region)}`);
	if (answers.methods.length === 0) problems.push('methods: expected at least one method slug from content/methods.yaml');
	for (const slug of answers.methods) {
		if (knownMethods && knownMethods.size > 0 && !knownMethods.has(slug))
			problems.push(`methods: unknown method "${slug}": not in content/methods.yaml`);
	}
	if (answers.slug !== undefined && !SLUG_PATTERN.test(answers.slug)) {
		problems.push(`slug: expected lowercase letters, digits and hyphens (it becomes the URL), found ${JSON.stringify(answers.slug)}`);
	}
	if (answers.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(answers.date))
		problems.push(`date: expected YYYY-MM-DD, found ${JSON.stringify(answers.date)}`);
	return problems;
}

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
	review.push('metrics');
	data.review = review;
	const parsed = CaseSchema.safeParse(data);
	if (!parsed.success) throw new Error(formatZodIssues(parsed.error.issues).join('\n'));
	const frontmatter = frontmatterYaml(data, {
		review: 'left for you by `npm run new`: fill these in, then remove them from this list',
	});
	const body = `{/* ${BODY_GUIDE[answers.script]} */}`;
	const mdx = mdxDocument(frontmatter, body);
	assertMdxParses(splitFrontmatter(mdx).body);
	return { slug: answers.slug ?? caseSlug(answers.region, String(data.title), String(data.unit)), data, mdx };
}
