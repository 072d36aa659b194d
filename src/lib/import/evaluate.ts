/**
 * Scores imported drafts against a corpus in the truth format of ../shared/corpus
 * (truth.json: per document the expected action, cases with title, unit or region,
 * province, first words and figures, and chrome lines that must not survive). Six figures,
 * per document and in total: case count, titles, units/regions, figures kept as metrics,
 * chrome lines left, non-case documents refused or flagged. A benchmark, not a test.
 *
 * Comparison is on a normal form — simplified script, pinyin annotations and everything
 * but Han characters, letters, digits and masks (X, *) removed — so restored full-width
 * punctuation or a converted script does not count as a difference.
 */
import { fullRegionName } from '../regions.ts';
import { removePinyinAnnotations } from './pinyin.ts';
import { toSimplified } from './script.ts';

/** One case as truth.json records it. */
export interface TruthCase {
	title: string | null;
	unit_or_region: string;
	province_if_known: string | null;
	first_sentence_prefix: string;
	metrics_examples: string[];
}

/** One document as truth.json records it. */
export interface TruthDocument {
	file: string;
	expected_action: 'import' | 'flag' | 'refuse';
	cases: TruthCase[];
	chrome_examples: string[];
}

/** A written draft, read back: frontmatter and body. */
export interface WrittenCase {
	data: {
		title?: string;
		subtitle?: string;
		unit?: string;
		region?: { code?: string; township?: string; village?: string };
		metrics?: Array<{ text?: string; period?: string }>;
		review?: string[];
	};
	body: string;
}

/** What the importer did with one document. */
export interface ImportOutcome {
	/** Refused (not a case, or unreadable): the one-line reason. */
	refused?: string;
	cases: WrittenCase[];
}

/** right / total for one figure. */
export interface Score {
	right: number;
	total: number;
}

/** The six figures for one document. */
export interface DocumentScore {
	file: string;
	caseCount: Score;
	titles: Score;
	units: Score;
	metrics: Score;
	/** right = chrome lines removed, total = chrome lines listed. */
	chrome: Score;
	nonCase: Score;
	/** Chrome lines found in a draft, and figures missed, for the verbose listing. */
	chromeLeft: string[];
	metricsMissed: string[];
}

/** The normal form texts are compared in. */
export function normal(text: string): string {
	return toSimplified(removePinyinAnnotations(text).text)
		.replace(/[^\p{Script=Han}A-Za-z0-9X*]/gu, '')
		.toLowerCase();
}

const score = (right: number, total: number): Score => ({ right, total });

/** The draft a truth case corresponds to: the one whose body holds its first words, else the one at its index. */
function align(truth: TruthCase, index: number, cases: WrittenCase[]): WrittenCase | undefined {
	const prefix = normal(truth.first_sentence_prefix);
	return cases.find((c) => normal(c.body).includes(prefix)) ?? cases[index];
}

/** A title is right as written, or with the unit it was written with moved into `unit`. */
export function titleRight(truth: string, draft: WrittenCase | undefined): boolean {
	if (!draft?.data.title) return false;
	const want = normal(truth);
	const got = normal(draft.data.title);
	if (!got) return false;
	if (got === want) return true;
	const unit = normal(draft.data.unit ?? '');
	if (want.endsWith(got) && unit) {
		const prefix = want.slice(0, want.length - got.length);
		return prefix.length > 0 && (unit.includes(prefix) || prefix.includes(unit));
	}
	return false;
}

/** The unit (or the township/village of the region) names the truth's unit or region, in the right province. */
export function unitRight(truth: TruthCase, draft: WrittenCase | undefined): boolean {
	if (!draft) return false;
	const want = normal(truth.unit_or_region);
	const region = draft.data.region ?? {};
	const names = [draft.data.unit ?? '', `${region.township ?? ''}${region.village ?? ''}`, region.village ?? '']
		.map(normal)
		.filter((n) => n.length >= 2 && !/^待补充$/u.test(n));
	const named = names.some((n) => n.includes(want) || (want.includes(n) && n.length >= 2));
	if (!named) return false;
	if (truth.province_if_known && region.code) return fullRegionName(region.code).startsWith(truth.province_if_known);
	return true;
}

const DIGITS = /[0-9]+(?:\.[0-9]+)?|[一二两兩三四五六七八九十百千万萬]+/gu;

/** A figure is kept when a metric's text (or, for a date, its period) is that figure. */
export function figureKept(example: string, draft: WrittenCase | undefined): boolean {
	if (!draft) return false;
	const want = normal(example);
	const wantDigits = (want.match(DIGITS) ?? []).join(' ');
	return (draft.data.metrics ?? []).some((metric) => {
		for (const text of [metric.text, metric.period]) {
			if (!text) continue;
			const got = normal(text);
			if (!got || (got.match(DIGITS) ?? []).join(' ') !== wantDigits) continue;
			if (want.includes(got) || got.includes(want)) return true;
		}
		return false;
	});
}

/** Whether a chrome line survives in any draft (title, subtitle, unit or body). */
export function chromeLeft(example: string, cases: WrittenCase[]): boolean {
	const want = normal(example);
	const texts = cases.map((c) => [c.data.title, c.data.subtitle, c.data.unit, c.body].filter(Boolean).join('\n'));
	if (want.length >= 4) return texts.some((t) => normal(t).includes(want));
	// Short chrome (a lone "|", an empty "关键词:") is only itself when it is a whole line.
	const line = example.trim().replace(/[:：\s]+$/u, '');
	return texts.some((t) =>
		t.split('\n').some((l) => {
			const trimmed = l
				.trim()
				.replace(/^[#>*\-\s]+/u, '')
				.replace(/[:：\s]+$/u, '');
			return trimmed === line || (want.length > 0 && normal(trimmed) === want);
		}),
	);
}

/** Scores one document. */
export function scoreDocument(truth: TruthDocument, outcome: ImportOutcome): DocumentScore {
	const isCase = truth.expected_action === 'import';
	const cases = outcome.cases;
	const titled = truth.cases.filter((c) => c.title !== null);
	const aligned = truth.cases.map((c, i) => align(c, i, cases));
	const metricsMissed: string[] = [];
	let metricsRight = 0;
	truth.cases.forEach((c, i) => {
		for (const example of c.metrics_examples) {
			if (figureKept(example, aligned[i])) metricsRight++;
			else metricsMissed.push(example);
		}
	});
	const left = isCase || cases.length > 0 ? truth.chrome_examples.filter((example) => chromeLeft(example, cases)) : [];
	const flagged = cases.length > 0 && cases.every((c) => (c.data.review ?? []).includes('genre'));
	return {
		file: truth.file,
		caseCount: isCase ? score(cases.length === truth.cases.length ? 1 : 0, 1) : score(0, 0),
		titles: score(titled.filter((c) => titleRight(c.title as string, aligned[truth.cases.indexOf(c)])).length, titled.length),
		units: score(truth.cases.filter((c, i) => unitRight(c, aligned[i])).length, truth.cases.length),
		metrics: score(
			metricsRight,
			truth.cases.reduce((n, c) => n + c.metrics_examples.length, 0),
		),
		chrome: isCase ? score(truth.chrome_examples.length - left.length, truth.chrome_examples.length) : score(0, 0),
		nonCase: isCase ? score(0, 0) : score(outcome.refused !== undefined || cases.length === 0 || flagged ? 1 : 0, 1),
		chromeLeft: left,
		metricsMissed,
	};
}

/** Sums the figures of every document. */
export function totalScore(scores: DocumentScore[]): Omit<DocumentScore, 'file' | 'chromeLeft' | 'metricsMissed'> {
	const sum = (key: 'caseCount' | 'titles' | 'units' | 'metrics' | 'chrome' | 'nonCase') =>
		scores.reduce((acc, s) => score(acc.right + s[key].right, acc.total + s[key].total), score(0, 0));
	return {
		caseCount: sum('caseCount'),
		titles: sum('titles'),
		units: sum('units'),
		metrics: sum('metrics'),
		chrome: sum('chrome'),
		nonCase: sum('nonCase'),
	};
}
