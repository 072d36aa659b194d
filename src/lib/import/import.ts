/**
 * One document in, draft cases (and an issue) out: extraction by format, the cleaning
 * pass, the document's structure, then each case's metadata, metrics and MDX. Pure apart
 * from reading nothing and writing nothing: the CLI decides where drafts go.
 */
import path from 'node:path';
import { CaseSchema } from '../../schemas/case.ts';
import { IssueSchema } from '../../schemas/issue.ts';
import type { Method } from '../../schemas/method.ts';
import type { Script } from '../../schemas/script.ts';
import { formatZodIssues } from '../content/errors.ts';
import { fullRegionName, getDivision } from '../regions.ts';
import { countHan } from './cjk.ts';
import { cleanBlocks, type CleaningStats } from './clean.ts';
import { isoDate, latestYearMentioned } from './dates.ts';
import { assertPlausibleInput, decodeText } from './decode.ts';
import { inertFrontmatter } from './inert.ts';
import { importMessages as m } from '../i18n/messages/index.ts';
import { nonCaseReason } from './genre.ts';
import { isZip, looksLikeHtml } from './sniff.ts';
import { extractText } from './extract-text.ts';
import { guessRegion, guessTitle, guessUnit, issueNumbering, issueTopic, summarize } from './metadata.ts';
import { metricsFromText, type ExtractedMetric } from './metric-labels.ts';
import { structureBody, type BodyNode } from './points.ts';
import { toSimplified } from './script.ts';
import { caseSlug, issueSlug, uniqueSlug } from './slug.ts';
import { analyseStructure, type CaseSection, type DocumentStructure } from './structure.ts';
import { suggestMethods } from './taxonomy.ts';
import { bodyToMdast, frontmatterYaml, mdastToMdx, mdxDocument, type FrontmatterComments } from './to-mdx.ts';
import {
	ImportInputError,
	NotACaseError,
	type Block,
	type ExtractedDocument,
	type ImportWarning,
	type LocationKind,
	type Removal,
	type SourceFacts,
} from './types.ts';
import { splitTitle } from './units.ts';

export interface ImportOptions {
	/** Encoding to use instead of detecting one. */
	encoding?: string;
	/** The method taxonomy (content/methods.yaml). */
	methods: Method[];
	/** Region code used when the document names no place. */
	fallbackRegion?: string;
	/** Date (YYYY-MM-DD) used when the document states none. */
	fallbackDate?: string;
	/** "Today", for drafts without a date (tests pass a fixed one). */
	now?: Date;
	/** Slugs already taken (by other documents of the same run). */
	takenSlugs?: Set<string>;
	/** Import a document that does not look like a case, flagged, instead of refusing it. */
	force?: boolean;
}

export interface CaseSummary {
	title: string;
	subtitle?: string;
	unit: string;
	regionCode: string;
	regionName: string;
	metrics: number;
	methods: string[];
	review: string[];
}

export interface CaseDraft {
	slug: string;
	data: Record<string, unknown>;
	body: BodyNode[];
	mdx: string;
	summary: CaseSummary;
	warnings: ImportWarning[];
	/** Where in the source the case starts. */
	line?: number;
}

export interface IssueDraft {
	slug: string;
	data: Record<string, unknown>;
	mdx: string;
	review: string[];
}

export interface DocumentImport {
	file: string;
	format: ExtractedDocument['format'];
	encoding?: string;
	script: Script;
	locationKind: LocationKind;
	cases: CaseDraft[];
	issue?: IssueDraft;
	warnings: ImportWarning[];
	removed: Removal[];
	stats: CleaningStats;
	/** Why the document produced no cases, when it did not. */
	noCases?: string;
	/** The source text at each line (or paragraph) number, for locating warnings. */
	lines: Map<number, string>;
}

const PLACEHOLDER = { hans: '待补充', hant: '待補充' } as const;
/** Used only when neither the document nor --region names a place; always flagged. */
export const PLACEHOLDER_REGION = '110000';
const FALLBACK_METHOD = 'unclassified';

/** Reads bytes of a .txt, .html or .docx file into extracted blocks. */
export async function extractDocument(bytes: Uint8Array, file: string, encoding?: string): Promise<ExtractedDocument> {
	assertPlausibleInput(bytes);
	const ext = path.extname(file).toLowerCase();
	// The DOM (jsdom) takes a while to load: only HTML and Word files need it.
	if (ext === '.docx' || (isZip(bytes) && ext !== '.html' && ext !== '.htm' && ext !== '.txt')) {
		const { extractDocx } = await import('./extract-docx.ts');
		return extractDocx(bytes);
	}
	if (isZip(bytes)) {
		throw new ImportInputError(m.expectedTypedFile(ext || 'text'), m.foundZip(), m.renameDocx());
	}
	if (ext === '.html' || ext === '.htm' || ext === '.xhtml' || ext === '.shtml') {
		const { decodeHtml, extractHtml } = await import('./extract-html.ts');
		const decoded = decodeHtml(bytes, encoding);
		return extractHtml(decoded.text, decoded.encoding);
	}
	const decoded = decodeText(bytes, encoding);
	if (looksLikeHtml(decoded.text)) {
		const { extractHtml } = await import('./extract-html.ts');
		return extractHtml(decoded.text, decoded.encoding);
	}
	return extractText(decoded.text, decoded.encoding);
}

export async function importDocument(bytes: Uint8Array, file: string, options: ImportOptions): Promise<DocumentImport> {
	const extracted = await extractDocument(bytes, file, options.encoding);
	const rawHan = countHan(extracted.blocks.map((b) => b.text).join(''));
	if (rawHan < 10) {
		throw new ImportInputError(
			m.expectedChinese(),
			rawHan === 0 ? m.foundNoChinese() : m.foundFewChinese(rawHan),
			extracted.format === 'text' ? m.ifGarbledEncoding() : undefined,
		);
	}
	const cleaned = cleanBlocks(extracted.blocks, extracted.facts, { stripMarkup: extracted.format === 'text' });
	const genre = nonCaseReason(cleaned.blocks);
	if (genre && !options.force) throw new NotACaseError(genre);
	const structure = analyseStructure(cleaned.blocks);
	const script = cleaned.script.script;
	const result: DocumentImport = {
		file,
		format: extracted.format,
		...(extracted.encoding ? { encoding: extracted.encoding } : {}),
		script,
		locationKind: extracted.locationKind,
		cases: [],
		warnings: [...extracted.warnings, ...cleaned.warnings],
		removed: cleaned.removed,
		stats: cleaned.stats,
		lines: new Map(extracted.blocks.map((b) => [b.line, b.text])),
	};
	if (genre) result.warnings.push({ message: m.notACaseForced(genre) });
	if (structure.preamble?.length) {
		const first = structure.preamble[0] as Block;
		result.warnings.push({ line: first.line, message: m.preambleSkipped(structure.preamble.length) });
	}
	if (structure.kind === 'no-text') {
		throw new ImportInputError(m.expectedCaseText(), m.foundOnlyDebris(cleaned.removed.length, cleaned.blocks.length));
	}
	if (structure.kind === 'list-only') {
		result.noCases = m.listOnly(structure.listedUnits.join('、'));
		return result;
	}
	if (structure.listedUnits.length > 0) {
		result.warnings.push({ message: m.listedUnitsSkipped(structure.listedUnits.join('、')) });
	}

	const today = isoDate(options.now ?? new Date());
	const taken = options.takenSlugs ?? new Set<string>();
	const facts = cleaned.facts;
	const numbering = structure.kind === 'issue' && structure.title ? issueNumbering(structure.title) : undefined;
	const topic = numbering ? issueTopic(numbering.series) : undefined;
	const introText = structure.intro.map((b) => b.text).join('\n');

	for (const section of structure.sections) {
		const draft = buildCase(section, structure, {
			flagged: genre !== undefined,
			facts,
			script,
			options,
			today,
			topic,
			introText,
			scriptUncertain: cleaned.script.uncertain,
			taken,
		});
		result.cases.push(draft);
	}

	if (structure.kind === 'issue' && numbering) {
		result.issue = buildIssue(structure, numbering, result.cases, { facts, script, today, options, taken });
	}
	return result;
}

interface CaseContext {
	/** The document does not look like a case (imported with --force): review says so. */
	flagged: boolean;
	facts: SourceFacts;
	script: Script;
	options: ImportOptions;
	today: string;
	topic: string | undefined;
	introText: string;
	scriptUncertain: boolean;
	taken: Set<string>;
}

/** What a case's guesses leave for the editor: warnings, fields to review, comments in the draft. */
interface Notes {
	line: number | undefined;
	warnings: ImportWarning[];
	review: string[];
	comments: FrontmatterComments;
}

function warn(notes: Notes, message: string): void {
	notes.warnings.push({ line: notes.line, message });
}

function buildCase(section: CaseSection, structure: DocumentStructure, ctx: CaseContext): CaseDraft {
	const line = section.unitLine ?? section.titleLine ?? section.blocks[0]?.line;
	const notes: Notes = { line, warnings: [], review: [], comments: {} };
	const paragraphs = section.blocks.filter((b) => countHan(b.text) >= 10).map((b) => b.text);
	const firstParagraph = section.blocks.find((b) => countHan(b.text) >= 30)?.text;

	const parts = section.title ? splitTitle(section.title) : undefined;
	const title = caseTitle(parts?.title, firstParagraph, structure, section, ctx, notes);
	const { unit, regionCode, region } = caseUnitAndRegion(section, structure, parts?.unit, firstParagraph, paragraphs, ctx, notes);
	const body = structureBody(section.blocks);
	const metrics = caseMetrics(body, ctx.script, notes);
	const summary = summarize(body.flatMap((n) => (n.type === 'paragraph' ? [n.text] : n.type === 'list' ? n.items.map((i) => i.text) : [])));
	notes.review.push('summary');
	const methods = caseMethods(`${title} ${section.subtitle ?? ''}`, paragraphs, ctx, notes);
	const date = caseDate(paragraphs, ctx, notes);
	const source = caseSource(structure, ctx, notes);
	if (ctx.scriptUncertain) notes.review.push('script');
	if (ctx.flagged) notes.review.unshift('genre');

	const data: Record<string, unknown> = { title };
	// A subtitle is printed with its dash by the templates: the source's own dash goes.
	const subtitle = section.subtitle?.replace(/^[—－–-]+\s*/u, '').trim();
	if (subtitle) data.subtitle = subtitle;
	data.unit = unit;
	data.region = {
		code: regionCode,
		...(region.township ? { township: region.township } : {}),
		...(region.village ? { village: region.village } : {}),
	};
	data.methods = methods;
	data.metrics = metrics.map(({ line: _line, ...metric }) => orderMetric(metric));
	data.date = date;
	data.source = source;
	data.script = ctx.script;
	data.summary = summary ?? title;
	data.status = 'draft';
	data.review = [...new Set(notes.review)];
	notes.comments.review = m.commentReview();
	Object.assign(data, inertFrontmatter(data));
	assertSchema(CaseSchema, data, `the draft for ${JSON.stringify(title)}`);

	const placeFound = region.code ?? ctx.options.fallbackRegion;
	const slug = uniqueSlug(caseSlug(placeFound, String(data.title), String(data.unit)), ctx.taken);
	const mdx = mdxDocument(frontmatterYaml(data, notes.comments), mdastToMdx(bodyToMdast(body)));
	return {
		slug,
		data,
		body,
		mdx,
		summary: {
			title: data.title as string,
			...(data.subtitle ? { subtitle: data.subtitle as string } : {}),
			unit: data.unit as string,
			regionCode,
			regionName: fullRegionName(regionCode),
			metrics: metrics.length,
			methods,
			review: data.review as string[],
		},
		warnings: notes.warnings,
		...(line !== undefined ? { line } : {}),
	};
}

/** The title as written (without a unit prefix), or a guess from the opening text, flagged. */
function caseTitle(
	written: string | undefined,
	firstParagraph: string | undefined,
	structure: DocumentStructure,
	section: CaseSection,
	ctx: CaseContext,
	notes: Notes,
): string {
	if (written) return written;
	const guess = guessTitle(firstParagraph, structure.kind === 'issue' ? ctx.topic : undefined, section.unit);
	const title = guess?.value ?? firstParagraph?.slice(0, 20) ?? PLACEHOLDER[ctx.script];
	notes.review.push('title');
	warn(notes, m.titleGuessed(title, guess?.from ?? m.fromOpeningWords()));
	return title;
}

/** The reporting unit and the region code, each with where it came from. */
function caseUnitAndRegion(
	section: CaseSection,
	structure: DocumentStructure,
	titleUnit: string | undefined,
	firstParagraph: string | undefined,
	paragraphs: string[],
	ctx: CaseContext,
	notes: Notes,
) {
	const unitGuess =
		guessUnit(section.unit, titleUnit, firstParagraph, paragraphs, section.subtitle) ??
		(ctx.facts.contributor ? { value: ctx.facts.contributor, from: m.fromContributor(), certain: false } : undefined);
	const region = guessRegion({
		...(unitGuess ? { unit: unitGuess.value } : {}),
		title: [section.title, section.subtitle].filter(Boolean).join(' '),
		...(firstParagraph ? { firstParagraph } : {}),
		text: paragraphs.join('\n'),
		...(structure.kind === 'issue' && structure.title ? { issueTitle: structure.title, issueIntro: ctx.introText } : {}),
		...(ctx.facts.publisher ? { publisher: ctx.facts.publisher } : ctx.facts.siteOwner ? { publisher: ctx.facts.siteOwner } : {}),
	});
	let regionCode = region.code;
	if (!regionCode) {
		regionCode = ctx.options.fallbackRegion ?? PLACEHOLDER_REGION;
		const problems = region.problems.join('；');
		warn(
			notes,
			ctx.options.fallbackRegion
				? m.regionFallback(problems, regionCode, fullRegionName(regionCode))
				: m.regionPlaceholder(problems, PLACEHOLDER_REGION),
		);
	} else {
		for (const problem of region.problems) warn(notes, m.regionProblem(problem));
	}
	notes.review.push('region');
	notes.comments.region = region.code ? m.commentRegionGuessed(region.evidence) : m.commentRegionPlaceholder(regionCode);

	let unit = unitGuess?.value;
	if (!unit) {
		const division = getDivision(regionCode);
		unit = region.code && division ? division.name : PLACEHOLDER[ctx.script];
		warn(notes, m.unitMissing(unit));
	}
	if (!unitGuess?.certain) notes.review.push('unit');
	if (unitGuess && !unitGuess.certain) notes.comments.unit = m.commentGuessedFrom(unitGuess.from);
	return { unit, regionCode, region };
}

/** Every figure of the body as a metric (labels are guesses: flagged for review). */
function caseMetrics(body: BodyNode[], script: Script, notes: Notes): ExtractedMetric[] {
	const metrics: ExtractedMetric[] = [];
	let tables = 0;
	for (const node of body) {
		if (node.type === 'list') for (const item of node.items) metrics.push(...metricsFromText(`${item.lead ?? ''}${item.text}`, item.line, script));
		else if (node.type === 'paragraph') metrics.push(...metricsFromText(`${node.lead ?? ''}${node.text}`, node.line, script));
		else if (node.type === 'table') tables++;
		else if (node.type === 'heading') metrics.push(...metricsFromText(node.text, node.line, script));
	}
	// A table's figures are read in the table, not as metrics with guessed labels.
	if (tables > 0) warn(notes, m.tableKept(tables));
	if (metrics.length > 0) {
		notes.review.push('metrics');
		notes.comments.metrics = m.commentMetrics();
	}
	return metrics;
}

/** Methods suggested by the taxonomy's keywords, or its first method as a flagged placeholder. */
function caseMethods(titles: string, paragraphs: string[], ctx: CaseContext, notes: Notes): string[] {
	const suggestions = suggestMethods(ctx.options.methods, toSimplified(titles), toSimplified(paragraphs.join('\n')));
	notes.review.push('methods');
	if (suggestions.length > 0) {
		notes.comments.methods = m.commentMethods(suggestions.map((s) => `${s.slug} (${s.matched.slice(0, 4).join('、')})`).join('; '));
		return suggestions.map((s) => s.slug);
	}
	const fallback = ctx.options.methods[0]?.slug ?? FALLBACK_METHOD;
	warn(notes, ctx.options.methods.length === 0 ? m.methodsNoTaxonomy(FALLBACK_METHOD) : m.methodsNoKeyword(fallback));
	return [fallback];
}

/** The document's date, --date, or today (flagged). */
function caseDate(paragraphs: string[], ctx: CaseContext, notes: Notes): string {
	const date = ctx.facts.date ?? ctx.options.fallbackDate;
	if (date) return date;
	notes.review.push('date');
	warn(notes, m.dateToday(ctx.today, latestYearMentioned(paragraphs.join('\n'))));
	notes.comments.date = m.commentDate();
	return ctx.today;
}

/** source: publisher (来源, else the site's owner or name, else a placeholder), title, url, date. */
function caseSource(structure: DocumentStructure, ctx: CaseContext, notes: Notes): Record<string, unknown> {
	const source: Record<string, unknown> = {};
	const publisher = ctx.facts.publisher ?? ctx.facts.contributor ?? ctx.facts.siteOwner ?? ctx.facts.siteName;
	if (publisher) {
		source.publisher = publisher;
		if (!ctx.facts.publisher && !ctx.facts.contributor) {
			notes.review.push('source.publisher');
			warn(notes, m.publisherFromSite(!!ctx.facts.siteOwner, publisher));
		}
	} else {
		source.publisher = PLACEHOLDER[ctx.script];
		notes.review.push('source.publisher');
		warn(notes, m.publisherMissing(PLACEHOLDER[ctx.script]));
	}
	const sourceTitle = ctx.facts.title ?? structure.title;
	if (sourceTitle) source.title = sourceTitle;
	if (ctx.facts.url) source.url = ctx.facts.url;
	if (ctx.facts.date) source.published = ctx.facts.date;
	return source;
}

/** A draft that does not match its schema is the importer's bug, not the editor's. */
function assertSchema(
	schema: { safeParse: (data: unknown) => { success: boolean; error?: { issues: Parameters<typeof formatZodIssues>[0] } } },
	data: unknown,
	what: string,
): void {
	const parsed = schema.safeParse(data);
	if (!parsed.success) {
		throw new Error(`internal error: ${what} does not match the schema:\n${formatZodIssues(parsed.error?.issues ?? []).join('\n')}`);
	}
}

function orderMetric(metric: Omit<ExtractedMetric, 'line'>): Record<string, unknown> {
	const ordered: Record<string, unknown> = { label: metric.label, value: metric.value, unit: metric.unit };
	if (metric.qualifier) ordered.qualifier = metric.qualifier;
	ordered.text = metric.text;
	if (metric.period) ordered.period = metric.period;
	return ordered;
}

function buildIssue(
	structure: DocumentStructure,
	numbering: ReturnType<typeof issueNumbering>,
	cases: CaseDraft[],
	ctx: { facts: SourceFacts; script: Script; today: string; options: ImportOptions; taken: Set<string> },
): IssueDraft {
	const review: string[] = [];
	const comments: FrontmatterComments = {};
	if (!numbering.found) {
		review.push('number');
		comments.number = m.commentNumber();
	}
	const organization = ctx.facts.publisher ?? ctx.facts.siteOwner ?? PLACEHOLDER[ctx.script];
	if (!ctx.facts.publisher) {
		review.push('organization');
		comments.organization = ctx.facts.siteOwner ? m.commentOrgSite() : m.commentOrgMissing();
	}
	const date = ctx.facts.date ?? ctx.options.fallbackDate ?? ctx.today;
	if (!ctx.facts.date && !ctx.options.fallbackDate) {
		review.push('date');
		comments.date = m.commentDate();
	}
	const data: Record<string, unknown> = {
		series: numbering.series,
		number: numbering.number,
		...(numbering.numberLabel ? { numberLabel: numbering.numberLabel } : {}),
		date,
		organization,
		script: ctx.script,
		cases: cases.map((c) => c.slug),
		// Its cases are drafts too: `npm run check` requires a published issue to list a published case.
		status: 'draft',
	};
	Object.assign(data, inertFrontmatter(data));
	assertSchema(IssueSchema, data, 'the issue draft');
	// The issue body is the editor's note: its "编者按：" label is the template's to print.
	const intro = structure.intro
		.map((b): BodyNode => ({ type: 'paragraph', text: b.text.replace(/^[【[]?(?:编者按|編者按)[】\]]?[:：]?\s*/u, ''), line: b.line }))
		.filter((node) => node.type === 'paragraph' && node.text.length > 0);
	const header = m.issueHeader(review.join(', '));
	const mdx = mdxDocument(frontmatterYaml(data, comments, header), mdastToMdx(bodyToMdast(intro)));
	const slug = uniqueSlug(issueSlug(numbering.series, numbering.number), ctx.taken);
	return { slug, data, mdx, review };
}
