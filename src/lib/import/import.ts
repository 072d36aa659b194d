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
import { countHan, excerpt } from './cjk.ts';
import { cleanBlocks, type CleaningStats } from './clean.ts';
import { isoDate, latestYearMentioned } from './dates.ts';
import { assertPlausibleInput, decodeText } from './decode.ts';
import { inertFrontmatter } from './inert.ts';
import { importMessages as m } from '../i18n/messages/index.ts';
import { nonCaseReason } from './genre.ts';
import { isZip, looksLikeHtml } from './sniff.ts';
import { extractText } from './extract-text.ts';
import { guessRegion, guessTitle, guessUnit, issueNumbering, issueTopic, summarize } from './metadata.ts';
import { findBaseNameAtStart, findPlaceMentions } from './places.ts';
import { metricsFromText, type ExtractedMetric } from './metric-labels.ts';
import { structureBody, type BodyNode } from './points.ts';
import { toSimplified } from './script.ts';
import { caseSlug, issueSlug, uniqueSlug } from './slug.ts';
import { placeTitleLine } from './case-heads.ts';
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

/** What `importDocument` needs besides the file: the taxonomy, and fallbacks for what the document may not say. */
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

/** A case draft's key facts as the report prints them, with the fields the editor should review. */
export interface CaseSummary {
	title: string;
	subtitle?: string;
	unit: string;
	regionCode: string;
	regionName: string;
	metrics: number;
	methods: string[];
	review: string[];
	/** Each reviewed field with where its guess came from (第 N 行：“…”), as the draft's comments say. */
	evidence: FieldEvidence[];
}

/** A guessed field and what it was guessed from, said in one line. */
export interface FieldEvidence {
	field: string;
	text: string;
}

/** One case read from the document: its frontmatter, body and finished MDX, with what the report says about it. */
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

/** The issue (期) drafted when the document is one: its frontmatter, MDX and the fields to review. */
export interface IssueDraft {
	slug: string;
	data: Record<string, unknown>;
	mdx: string;
	review: string[];
}

/** Everything one imported document yields: its drafts, and what the report needs to describe them and the cleaning. */
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

/** Imports one document's bytes into drafts; throws ImportInputError for unusable input and NotACaseError for a non-case unless `force`. */
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
	const outside = [...(structure.kind === 'collection' ? structure.intro : []), ...(structure.outside ?? [])];
	// One warning per run of consecutive blocks that belong to no case.
	const runs: Block[][] = [];
	for (const block of outside) {
		const run = runs.at(-1);
		const previous = run?.at(-1);
		if (run && previous && cleaned.blocks.indexOf(block) === cleaned.blocks.indexOf(previous) + 1) run.push(block);
		else runs.push([block]);
	}
	for (const run of runs) result.warnings.push({ line: (run[0] as Block).line, message: m.collectionOutside(run.length) });
	if (structure.listedUnits.length > 0) {
		result.warnings.push({ message: m.listedUnitsSkipped(structure.listedUnits.join('、')) });
	}

	const today = isoDate(options.now ?? new Date());
	const taken = options.takenSlugs ?? new Set<string>();
	const facts = cleaned.facts;
	const numbering = structure.kind === 'issue' && structure.title ? issueNumbering(structure.title) : undefined;
	const topic = numbering ? issueTopic(numbering.series) : undefined;
	const introText = structure.intro.map((b) => b.text).join('\n');

	// Where guesses are looked up: every line the document had, cleaned or removed as chrome.
	const sourceLines: SourceLine[] = [...cleaned.blocks, ...cleaned.removed.map((r) => ({ line: r.line, text: r.text, removed: true }))].sort(
		(a, b) => a.line - b.line,
	);
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
			locationKind: extracted.locationKind,
			sourceLines,
		});
		result.cases.push(draft);
	}

	if (structure.kind === 'issue' && numbering) {
		result.issue = buildIssue(structure, numbering, result.cases, {
			facts,
			script,
			today,
			options,
			taken,
			sourceLines,
			locationKind: extracted.locationKind,
		});
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
	locationKind: LocationKind;
	/** Every line of the cleaned document and every removed line, in order: where guesses are looked up. */
	sourceLines: SourceLine[];
}

/** A line of the cleaned document, or one removed as page chrome. */
interface SourceLine {
	line: number;
	text: string;
	removed?: boolean;
}

/** A line of the source and the words read there. */
interface Evidence {
	line: number;
	text: string;
	quote?: string;
}

/** What a case's guesses leave for the editor: warnings, fields to review, comments in the draft. */
interface Notes {
	line: number | undefined;
	warnings: ImportWarning[];
	review: string[];
	comments: FrontmatterComments;
	evidence: FieldEvidence[];
	/** The lines the case spans, searched first for evidence. */
	span: [number, number];
}

function warn(notes: Notes, message: string): void {
	notes.warnings.push({ line: notes.line, message });
}

/** The line, shortened around what was read in it. */
function quoteLine(at: Evidence): string {
	const text = at.text.trim();
	if ([...text].length <= 36) return text;
	const index = at.quote ? toSimplified(text).indexOf(toSimplified(at.quote)) : -1;
	return index >= 0 ? excerpt(text, index, (at.quote as string).length, 12) : `${[...text].slice(0, 30).join('')}…`;
}

/** The first line holding `value` (or where `test` finds it), searching the case's own lines first. */
function findLine(
	sourceLines: SourceLine[],
	span: [number, number],
	value: string | undefined,
	test: (simplified: string) => string | undefined = (text) => (value && text.includes(toSimplified(value)) ? value : undefined),
): Evidence | undefined {
	if (value === '') return undefined;
	const [from, to] = span;
	const own = sourceLines.filter((l) => l.line >= from && l.line <= to);
	for (const candidate of [...own, ...sourceLines]) {
		const quote = test(toSimplified(candidate.text));
		// A removed line (page chrome) is not quoted into the draft: only what was read in it.
		if (quote) return { line: candidate.line, text: candidate.removed ? quote : candidate.text, quote };
	}
	return undefined;
}

/**
 * Puts a guessed field in `review` and says what it was guessed from, with the line of
 * the source where that was read: the draft's comment above the field and the report say the same.
 */
function guessed(notes: Notes, ctx: CaseContext, field: string, note: string, at?: Evidence): void {
	notes.review.push(field);
	const text = at ? m.evidenceNote(note, m.evidenceAt(ctx.locationKind, at.line, quoteLine(at))) : note;
	notes.evidence.push({ field, text: text.replace(/\n/gu, m.evidenceNoteSeparator()) });
	const key = field.split('.')[0] as string;
	notes.comments[key] = notes.comments[key] ? `${notes.comments[key]}\n${text}` : text;
}

function buildCase(section: CaseSection, structure: DocumentStructure, ctx: CaseContext): CaseDraft {
	const line = section.unitLine ?? section.titleLine ?? section.blocks[0]?.line;
	const lines = [section.unitLine, section.titleLine, ...(section.heads ?? []).map((h) => h.block.line), ...section.blocks.map((b) => b.line)];
	const known = lines.filter((l): l is number => l !== undefined);
	const span: [number, number] = known.length ? [Math.min(...known), Math.max(...known)] : [0, 0];
	const notes: Notes = { line, warnings: [], review: [], comments: {}, evidence: [], span };
	const paragraphs = section.blocks.filter((b) => countHan(b.text) >= 10).map((b) => b.text);
	const firstParagraph = section.blocks.find((b) => countHan(b.text) >= 30)?.text;

	const parts = section.title ? titleParts(section.title) : undefined;
	const title = caseTitle(parts?.title, firstParagraph, structure, section, ctx, notes);
	const { unit, regionCode, region } = caseUnitAndRegion(section, structure, parts?.unit, firstParagraph, paragraphs, ctx, notes);
	const body = structureBody(section.blocks);
	const metrics = caseMetrics(body, ctx, notes);
	const summary = summarize(body.flatMap((n) => (n.type === 'paragraph' ? [n.text] : n.type === 'list' ? n.items.map((i) => i.text) : [])));
	guessed(notes, ctx, 'summary', m.guessSummary(), summary ? findLine(ctx.sourceLines, notes.span, [...summary].slice(0, 10).join('')) : undefined);
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
			evidence: notes.evidence,
		},
		warnings: notes.warnings,
		...(line !== undefined ? { line } : {}),
	};
}

/** A title's unit prefix, written `单位：标题` or `地方—标题`, and the headline after it. */
function titleParts(title: string): { unit?: string; title: string } {
	const parts = splitTitle(title);
	if (parts.unit) return parts;
	const dashed = placeTitleLine(parts.title);
	return dashed ? { unit: dashed.unit, title: dashed.title } : parts;
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
	if (written) {
		// Rank, category or kicker lines stood above it: which line is the title is a guess.
		if (section.heads?.length) {
			const heads = section.heads
				.map((h) => m.headLine(m.evidenceAt(ctx.locationKind, h.block.line, quoteLine(h.block)), h.kind))
				.join(m.evidenceListSeparator());
			guessed(
				notes,
				ctx,
				'title',
				m.guessTitleBelowHeads(heads),
				section.titleLine !== undefined ? { line: section.titleLine, text: written } : undefined,
			);
		}
		return written;
	}
	const guess = guessTitle(firstParagraph, structure.kind === 'issue' ? ctx.topic : undefined, section.unit);
	const title = guess?.value ?? firstParagraph?.slice(0, 20) ?? PLACEHOLDER[ctx.script];
	const from = guess?.from ?? m.fromOpeningWords();
	guessed(
		notes,
		ctx,
		'title',
		m.guessTitleFrom(from),
		findLine(ctx.sourceLines, notes.span, firstParagraph ? [...firstParagraph].slice(0, 10).join('') : undefined),
	);
	warn(notes, m.titleGuessed(title, from));
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
	if (region.code) {
		const code = region.code;
		const division = getDivision(code);
		const named = (text: string) =>
			[...findPlaceMentions(text, 1, 'evidence'), ...findBaseNameAtStart(text, 1, 'evidence')].find((p) => p.division.code === code)?.name;
		const at = findLine(ctx.sourceLines, notes.span, undefined, named);
		guessed(notes, ctx, 'region', m.guessRegionNamed(division?.name ?? code, code, fullRegionName(code)), at);
	} else {
		guessed(notes, ctx, 'region', m.commentRegionPlaceholder(regionCode));
	}

	let unit = unitGuess?.value;
	if (!unit) {
		const division = getDivision(regionCode);
		unit = region.code && division ? division.name : PLACEHOLDER[ctx.script];
		warn(notes, m.unitMissing(unit));
		guessed(notes, ctx, 'unit', m.unitMissing(unit));
	} else if (!unitGuess?.certain) {
		guessed(notes, ctx, 'unit', m.guessUnitFrom(unitGuess?.from ?? ''), findLine(ctx.sourceLines, notes.span, unit));
	}
	return { unit, regionCode, region };
}

/** Every figure of the body as a metric (labels are guesses: flagged for review). */
function caseMetrics(body: BodyNode[], ctx: CaseContext, notes: Notes): ExtractedMetric[] {
	const script = ctx.script;
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
		const where = metrics.map((x) => m.metricAt(x.text, ctx.locationKind, x.line)).join(m.evidenceListSeparator());
		guessed(notes, ctx, 'metrics', `${m.commentMetrics()}\n${m.guessMetricsAt(where)}`);
	}
	return metrics;
}

/** Methods suggested by the taxonomy's keywords, or its first method as a flagged placeholder. */
function caseMethods(titles: string, paragraphs: string[], ctx: CaseContext, notes: Notes): string[] {
	const suggestions = suggestMethods(ctx.options.methods, toSimplified(titles), toSimplified(paragraphs.join('\n')));
	if (suggestions.length > 0) {
		const note = m.commentMethods(suggestions.map((s) => `${s.slug} (${s.matched.slice(0, 4).join('、')})`).join('; '));
		guessed(notes, ctx, 'methods', note, findLine(ctx.sourceLines, notes.span, suggestions[0]?.matched[0]));
		return suggestions.map((s) => s.slug);
	}
	const fallback = ctx.options.methods[0]?.slug ?? FALLBACK_METHOD;
	const why = ctx.options.methods.length === 0 ? m.methodsNoTaxonomy(FALLBACK_METHOD) : m.methodsNoKeyword(fallback);
	warn(notes, why);
	guessed(notes, ctx, 'methods', why);
	return [fallback];
}

/** The document's date, --date, or today (flagged). */
function caseDate(paragraphs: string[], ctx: CaseContext, notes: Notes): string {
	const date = ctx.facts.date ?? ctx.options.fallbackDate;
	if (date) return date;
	warn(notes, m.dateToday(ctx.today, latestYearMentioned(paragraphs.join('\n'))));
	guessed(notes, ctx, 'date', m.commentDate());
	return ctx.today;
}

/** source: publisher (来源, else the site's owner or name, else a placeholder), title, url, date. */
function caseSource(structure: DocumentStructure, ctx: CaseContext, notes: Notes): Record<string, unknown> {
	const source: Record<string, unknown> = {};
	const publisher = ctx.facts.publisher ?? ctx.facts.contributor ?? ctx.facts.siteOwner ?? ctx.facts.siteName;
	if (publisher) {
		source.publisher = publisher;
		if (!ctx.facts.publisher && !ctx.facts.contributor) {
			warn(notes, m.publisherFromSite(!!ctx.facts.siteOwner, publisher));
			guessed(notes, ctx, 'source.publisher', m.guessPublisherSite(!!ctx.facts.siteOwner), findLine(ctx.sourceLines, notes.span, publisher));
		}
	} else {
		source.publisher = PLACEHOLDER[ctx.script];
		warn(notes, m.publisherMissing(PLACEHOLDER[ctx.script]));
		guessed(notes, ctx, 'source.publisher', m.guessPublisherMissing());
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
	ctx: {
		facts: SourceFacts;
		script: Script;
		today: string;
		options: ImportOptions;
		taken: Set<string>;
		sourceLines: SourceLine[];
		locationKind: LocationKind;
	},
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
		const at = ctx.facts.siteOwner ? findLine(ctx.sourceLines, [0, 0], organization) : undefined;
		const note = ctx.facts.siteOwner ? m.commentOrgSite() : m.commentOrgMissing();
		comments.organization = at ? m.evidenceNote(note, m.evidenceAt(ctx.locationKind, at.line, quoteLine(at))) : note;
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
