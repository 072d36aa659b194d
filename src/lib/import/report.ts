/**
 * The per-document report the CLI prints: cases found (title, unit, region, metrics,
 * where they go), what cleaning did, and every warning with its line. Pure: the CLI
 * passes a styling function for colour.
 */
import { importMessages as m } from '../i18n/messages/index.ts';
import type { DocumentImport } from './import.ts';
import { formatLocation, type ImportWarning } from './types.ts';

/** Styles a piece of the report; the CLI passes terminal colours, the default adds nothing. */
export type Style = (format: 'bold' | 'dim' | 'yellow' | 'red' | 'green' | 'cyan', text: string) => string;
const plain: Style = (_format, text) => text;

/** Where the document's drafts go (or would go), for the report's arrows. */
export interface ReportTargets {
	/** Path (as shown) of each case's file, by case index. */
	cases: string[];
	issue?: string;
	/** Nothing is written: say "would write". */
	dryRun: boolean;
	verbose?: boolean;
}

const SCRIPT_NAMES = { hans: '简体 (hans)', hant: '繁體 (hant)' } as const;

/** The report of one imported document, in the message language. */
export function formatReport(doc: DocumentImport, targets: ReportTargets, style: Style = plain): string {
	const lines: string[] = [];
	const at = (line: number | undefined) => formatLocation(doc.locationKind, line, line === undefined ? undefined : doc.lines.get(line));
	const arrow = targets.dryRun ? m.wouldWrite() : '→';
	const shape = doc.noCases ? m.shapeNoCases() : doc.issue ? m.shapeIssue(doc.cases.length) : m.shapeCases(doc.cases.length);
	lines.push(
		style('bold', `${doc.file}`) + style('dim', ` — ${doc.format}${doc.encoding ? `, ${doc.encoding}` : ''}, ${SCRIPT_NAMES[doc.script]} — ${shape}`),
	);
	if (doc.noCases) lines.push(`  ${style('yellow', doc.noCases)}`);
	if (doc.issue) {
		const d = doc.issue.data;
		const number = d.numberLabel ? String(d.numberLabel) : `第${String(d.number)}期`;
		lines.push(`  ${style('cyan', m.issueLabel())}   ${String(d.series)} ${number}  ${style('dim', `${arrow} ${targets.issue ?? ''}`)}`);
		if (doc.issue.review.length) lines.push(`          ${m.review(doc.issue.review.join(', '))}`);
	}
	doc.cases.forEach((c, i) => {
		const s = c.summary;
		const where = c.line !== undefined ? style('dim', ` (${at(c.line)})`) : '';
		lines.push(`  ${style('cyan', m.caseLabel(i + 1))}  ${s.title}${s.subtitle ? ` / ${s.subtitle}` : ''}${where}`);
		lines.push(`          ${m.caseFacts(s.unit, s.regionCode, s.regionName, s.metrics, s.methods.join(', '))}`);
		lines.push(`          ${m.review(s.review.join(', '))}`);
		// What each guess was read from (the draft's comments say the same).
		for (const e of s.evidence) lines.push(style('dim', `            ${m.reviewEvidence(e.field, e.text)}`));
		lines.push(`          ${style('dim', `${arrow} ${targets.cases[i] ?? ''}`)}`);
	});
	const first = targets.cases[0];
	if (first) lines.push(`  ${style('dim', m.renameHint(`${first} ${first.replace(/[^/\\]+\.mdx$/, 'new-name.mdx')}`))}`);
	const st = doc.stats;
	const cleaned = [
		[st.debrisLines, m.cleanedDebris],
		[st.pageHeaders, m.cleanedHeaders],
		[st.pinyinAnnotations, m.cleanedPinyin],
		[st.strayTags, m.cleanedTags],
		[st.taiwanPhrasings, m.cleanedTaiwan],
		[st.punctuation, m.cleanedPunctuation],
	] as const;
	const parts = cleaned.filter(([count]) => count > 0).map(([count, say]) => say(count));
	if (parts.length) lines.push(`  ${style('dim', m.cleaned(parts.join(', ')))}`);
	if (targets.verbose) {
		for (const r of doc.removed) lines.push(style('dim', `    ${m.removedLine(at(r.line), r.reason, truncate(r.text, 50))}`));
	}
	const warnings = allWarnings(doc);
	if (warnings.length) {
		lines.push(`  ${style('yellow', m.warningsHeading(warnings.length))}`);
		for (const w of warnings) {
			const where = at(w.line);
			lines.push(`    ${where ? m.warningAt(where, w.message) : w.message}`);
		}
	} else {
		lines.push(`  ${style('green', m.noWarnings())}`);
	}
	return lines.join('\n');
}

/** Document warnings and each case's warnings, in line order (unlocated ones first). */
export function allWarnings(doc: DocumentImport): ImportWarning[] {
	const all = [...doc.warnings, ...doc.cases.flatMap((c) => c.warnings)];
	return all
		.map((w, i) => ({ w, i }))
		.sort((a, b) => (a.w.line ?? 0) - (b.w.line ?? 0) || a.i - b.i)
		.map(({ w }) => w);
}

function truncate(text: string, length: number): string {
	const chars = [...text];
	return chars.length > length ? `${chars.slice(0, length).join('')}…` : text;
}
