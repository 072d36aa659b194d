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
import { isZip, looksLikeHtml } from './sniff.ts';
import { extractText } from './extract-text.ts';
import { guessRegion, guessTitle, guessUnit, issueNumbering, issueTopic, summarize, type Guess } from './metadata.ts';
import { metricsFromText, type ExtractedMetric } from './metric-labels.ts';
import { structureBody, type BodyNode } from './points.ts';
import { toSimplified } from './script.ts';
import { caseSlug, issueSlug, uniqueSlug } from './slug.ts';
import { analyseStructure, type CaseSection, type DocumentStructure } from './structure.ts';
import { suggestMethods } from './taxonomy.ts';
import { bodyToMdast, frontmatterYaml, mdastToMdx, mdxDocument, type FrontmatterComments } from './to-mdx.ts';
import { ImportInputError, type ExtractedDocument, type ImportWarning, type LocationKind, type Removal, type SourceFacts } from './types.ts';
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
		throw new ImportInputError(`a ${ext || 'text'} file`, 'a zip archive', 'rename it to .docx if it is a Word document');
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
			'a document in Chinese',
			rawHan === 0 ? 'no Chinese characters' : `only ${rawHan} Chinese characters`,
			extracted.format === 'text' ? 'if the text looks garbled, pass --encoding' : undefined,
		);
	}
	const cleaned = cleanBlocks(extracted.blocks, extracted.facts, { stripMarkup: extracted.format === 'text' });
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
	};
	if (structure.kind === 'no-text') {
		throw new ImportInputError(
			'case text (paragraphs of Chinese prose)',
			`only titles or site debris (${cleaned.removed.length} lines removed as debris, ${cleaned.blocks.length} short lines left)`,
		);
	}
	if (structure.kind === 'list-only') {
		result.noCases = `the document only lists units (${structure.listedUnits.join('、')}) with no case text under them; nothing to import`;
		return result;
	}
	if (structure.listedUnits.length > 0) {
		result.warnings.push({ message: `units listed without case text (a table of contents?) were skipped: ${structure.listedUnits.join('、')}` });
	}

	const today = isoDate(options.now ?? new Date());
	const taken = options.takenSlugs ?? new Set<string>();
	const facts = cleaned.facts;
	const numbering = structure.kind === 'issue' && structure.title ? issueNumbering(structure.title) : undefined;
	const topic = numbering ? issueTopic(numbering.series) : undefined;
	const introText = structure.intro.map((b) => b.text).join('\n');

	for (const section of structure.sections) {
		const draft = buildCase(section, structure, {
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
	facts: SourceFacts;
	script: Script;
	options: ImportOptions;
	today: string;
	topic: string | undefined;
	introText: string;
	scriptUncertain: boolean;
	taken: Set<string>;
}

function buildCase(section: CaseSection, structure: DocumentStructure, ctx: CaseContext): CaseDraft {
	const warnings: ImportWarning[] = [];
	const review: string[] = [];
	const comments: FrontmatterComments = {};
	const line = section.unitLine ?? section.titleLine ?? section.blocks[0]?.line;
	const paragraphs = section.blocks.filter((b) => countHan(b.text) >= 10).map((b) => b.text);
	const firstParagraph = section.blocks.find((b) => countHan(b.text) >= 30)?.text;

	// Title, subtitle and a unit written into the title.
	const parts = section.title ? splitTitle(section.title) : undefined;
	let title = parts?.title;
	let titleGuess: Guess<string> | undefined;
	if (!title) {
		titleGuess = guessTitle(firstParagraph, structure.kind === 'issue' ? ctx.topic : undefined, section.unit);
		title = titleGuess?.value ?? firstParagraph?.slice(0, 20) ?? PLACEHOLDER[ctx.script];
		review.push('title');
		warnings.push({ line, message: `title: the source has none; guessed ${JSON.stringify(title)} from ${titleGuess?.from ?? 'the opening words'}` });
	}

	const unitGuess = guessUnit(section.unit, parts?.unit, firstParagraph);
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
		warnings.push({
			line,
			message: ctx.options.fallbackRegion
				? `region: ${region.problems.join('; ')}; used --region ${regionCode} (${fullRegionName(regionCode)})`
				: `region: ${region.problems.join('; ')}; wrote the placeholder ${PLACEHOLDER_REGION} — set the real code (or pass --region)`,
		});
	} else {
		for (const problem of region.problems) warnings.push({ line, message: `region: ${problem}` });
	}
	review.push('region');
	comments.region = region.code ? `guessed: ${region.evidence}` : `placeholder: no place name found — replace ${regionCode} with the county code`;

	let unit = unitGuess?.value;
	if (!unitGuess) {
		const division = getDivision(regionCode);
		unit = region.code && division ? division.name : PLACEHOLDER[ctx.script];
		warnings.push({ line, message: `unit: no unit line, title prefix or subject found; wrote ${JSON.stringify(unit)}` });
	}
	if (!unitGuess?.certain) review.push('unit');
	if (unitGuess && !unitGuess.certain) comments.unit = `guessed from ${unitGuess.from}`;

	// Body, metrics, summary.
	const body = structureBody(section.blocks);
	const metrics: ExtractedMetric[] = [];
	for (const node of body) {
		if (node.type === 'list')
			for (const item of node.items) metrics.push(...metricsFromText(`${item.lead ?? ''}${item.text}`, item.line, ctx.script));
		else metrics.push(...metricsFromText(node.type === 'paragraph' ? `${node.lead ?? ''}${node.text}` : node.text, node.line, ctx.script));
	}
	if (metrics.length > 0) {
		review.push('metrics');
		comments.metrics = 'labels guessed from the words before each figure: check them';
	}
	const summary = summarize(body.flatMap((n) => (n.type === 'paragraph' ? [n.text] : n.type === 'list' ? n.items.map((i) => i.text) : [])));
	review.push('summary');

	// Methods.
	const suggestions = suggestMethods(ctx.options.methods, toSimplified(`${title} ${section.subtitle ?? ''}`), toSimplified(paragraphs.join('\n')));
	let methods = suggestions.map((s) => s.slug);
	if (methods.length === 0) {
		const fallback = ctx.options.methods[0]?.slug ?? FALLBACK_METHOD;
		methods = [fallback];
		warnings.push({
			line,
			message:
				ctx.options.methods.length === 0
					? `methods: no taxonomy loaded; wrote the placeholder "${FALLBACK_METHOD}"`
					: `methods: no keyword of content/methods.yaml occurs in the case; wrote "${fallback}" as a placeholder`,
		});
	} else {
		comments.methods = `suggested by keywords: ${suggestions.map((s) => `${s.slug} (${s.matched.slice(0, 4).join('、')})`).join('; ')}`;
	}
	review.push('methods');

	// Date and source.
	let date = ctx.facts.date ?? ctx.options.fallbackDate;
	if (!date) {
		date = ctx.today;
		review.push('date');
		const year = latestYearMentioned(paragraphs.join('\n'));
		warnings.push({
			line,
			message: `date: the document states no date; wrote today's date ${date}${year ? ` (the text mentions ${year}年 at the latest)` : ''}`,
		});
		comments.date = 'no date in the source: this is the import date';
	}
	const source: Record<string, unknown> = {};
	const publisher = ctx.facts.publisher ?? ctx.facts.siteOwner ?? ctx.facts.siteName;
	if (publisher) {
		source.publisher = publisher;
		if (!ctx.facts.publisher) {
			review.push('source.publisher');
			warnings.push({
				line,
				message: `source.publisher: no 来源 line; used the site's ${ctx.facts.siteOwner ? '主办单位' : 'name'} ${JSON.stringify(publisher)}`,
			});
		}
	} else {
		source.publisher = PLACEHOLDER[ctx.script];
		review.push('source.publisher');
		warnings.push({ line, message: `source.publisher: no 来源, 主办单位 or site name found; wrote ${JSON.stringify(source.publisher)}` });
	}
	const sourceTitle = ctx.facts.title ?? structure.title;
	if (sourceTitle) source.title = sourceTitle;
	if (ctx.facts.url) source.url = ctx.facts.url;
	if (ctx.facts.date) source.published = ctx.facts.date;

	if (ctx.scriptUncertain) review.push('script');

	const data: Record<string, unknown> = { title };
	if (section.subtitle) data.subtitle = section.subtitle;
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
	data.review = [...new Set(review)];
	comments.review = 'guessed by `npm run import`: confirm each field, then remove it from this list';

	const parsed = CaseSchema.safeParse(data);
	if (!parsed.success) {
		throw new Error(
			`internal error: the draft for ${JSON.stringify(title)} does not match the case schema:\n${formatZodIssues(parsed.error.issues).join('\n')}`,
		);
	}
	const slug = uniqueSlug(caseSlug(regionCode, title, String(unit)), ctx.taken);
	const mdx = mdxDocument(frontmatterYaml(data, comments), mdastToMdx(bodyToMdast(body)));
	return {
		slug,
		data,
		body,
		mdx,
		summary: {
			title,
			...(section.subtitle ? { subtitle: section.subtitle } : {}),
			unit: String(unit),
			regionCode,
			regionName: fullRegionName(regionCode),
			metrics: metrics.length,
			methods,
			review: data.review as string[],
		},
		warnings,
		...(line !== undefined ? { line } : {}),
	};
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
		comments.number = 'no number in the title: 1 assumed';
	}
	const organization = ctx.facts.publisher ?? ctx.facts.siteOwner ?? PLACEHOLDER[ctx.script];
	if (!ctx.facts.publisher) {
		review.push('organization');
		comments.organization = ctx.facts.siteOwner ? "guessed: the site's 主办单位" : 'not in the source: write the compiling organisation (编印单位)';
	}
	const date = ctx.facts.date ?? ctx.options.fallbackDate ?? ctx.today;
	if (!ctx.facts.date && !ctx.options.fallbackDate) {
		review.push('date');
		comments.date = 'no date in the source: this is the import date';
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
	const parsed = IssueSchema.safeParse(data);
	if (!parsed.success) {
		throw new Error(`internal error: the issue draft does not match the issue schema:\n${formatZodIssues(parsed.error.issues).join('\n')}`);
	}
	// The issue body is the editor's note: its "编者按：" label is the template's to print.
	const intro = structure.intro
		.map((b): BodyNode => ({ type: 'paragraph', text: b.text.replace(/^[【[]?(?:编者按|編者按)[】\]]?[:：]?\s*/u, ''), line: b.line }))
		.filter((node) => node.type === 'paragraph' && node.text.length > 0);
	const header = review.length
		? `Draft written by \`npm run import\`. Confirm: ${review.join(', ')}.\nThe body below is the editor's note (编者按).`
		: "Draft written by `npm run import`. The body below is the editor's note (编者按).";
	const mdx = mdxDocument(frontmatterYaml(data, comments, header), mdastToMdx(bodyToMdast(intro)));
	const slug = uniqueSlug(issueSlug(numbering.series, numbering.number), ctx.taken);
	return { slug, data, mdx, review };
}
