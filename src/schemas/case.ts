/**
 * The frontmatter of a case (content/cases/**.mdx): one county's, township's or
 * department's account of how it solved a problem, with its figures.
 */
import { z } from 'astro/zod';
import { schemaMessages as m } from '../lib/i18n/messages/index.ts';
import { DateSchema } from './date.ts';
import { MetricSchema } from './metric.ts';
import { SLUG_PATTERN } from './method.ts';
import { RegionSchema } from './region.ts';
import { ScriptSchema } from './script.ts';
import { SourceSchema } from './source.ts';

/** Publication states of a case (and of an issue): drafts are left out of the public site. */
export const STATUSES = ['draft', 'published'] as const;

/** Validates a case's frontmatter: title, reporting unit, region, methods, figures, date, source, script and summary. */
export const CaseSchema = z.strictObject({
	/** Headline as published, without the unit: 创新探索"村情报告会"制度. */
	title: z.string().min(1, { error: () => m.caseTitle() }),
	/** Second headline line, if the source has one: 精准解决群众"急难愁盼". */
	subtitle: z.string().min(1).optional(),
	/** Explicit line breaks for the printed title (官方标题 breaks by meaning, not by width). */
	titleLines: z.array(z.string().min(1)).optional(),
	/** The reporting organisation as written: 县委组织部, 盐湖区, 洋泉镇党委. */
	unit: z.string().min(1, { error: () => m.caseUnit() }),
	region: RegionSchema,
	/** Slugs from content/methods.yaml. */
	methods: z.array(z.string().regex(SLUG_PATTERN, { error: () => m.methodSlug() })).min(1, { error: () => m.methodsMin() }),
	metrics: z.array(MetricSchema).default([]),
	/** When the case was reported (the date of the source, or of the issue it came in). */
	date: DateSchema,
	source: SourceSchema,
	/** The script the text is written in; the other script is generated at build time. */
	script: ScriptSchema,
	/** One or two sentences for lists, search results and feeds. */
	summary: z.string().min(1, { error: () => m.summary() }),
	status: z.enum(STATUSES, { error: (issue) => m.status(issue.input) }).default('published'),
	/** Fields the importer guessed and an editor should confirm. */
	review: z.array(z.string()).optional(),
});
/** A case's frontmatter after validation and defaults. */
export type Case = z.infer<typeof CaseSchema>;
