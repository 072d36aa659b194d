/**
 * The per-document report the CLI prints: cases found (title, unit, region, metrics,
 * where they go), what cleaning did, and every warning with its line. Pure: the CLI
 * passes a styling function for colour.
 */
import type { DocumentImport } from './import.ts';
import { formatLocation, type ImportWarning } from './types.ts';

export type Style = (format: 'bold' | 'dim' | 'yellow' | 'red' | 'green' | 'cyan', text: string) => string;
const plain: Style = (_format, text) => text;

export interface ReportTargets {
	/** Path (as shown) of each case's file, by case index. */
	cases: string[];
	issue?: string;
	/** Nothing is written: say "would write". */
	dryRun: boolean;
	verbose?: boolean;
}

const SCRIPT_NAMES = { hans: '简体 (hans)', hant: '繁體 (hant)' } as const;

export function formatReport(doc: DocumentImport, targets: ReportTargets, style: Style = plain): string {
	const lines: string[] = [];
	const arrow = targets.dryRun ? 'would write' : '→';
	const shape = doc.noCases ? 'no cases' : doc.issue ? `issue of ${doc.cases.length} cases` : `${doc.cases.length} case`;
	lines.push(
		style('bold', `${doc.file}`) + style('dim', ` — ${doc.format}${doc.encoding ? `, ${doc.encoding}` : ''}, ${SCRIPT_NAMES[doc.script]} — ${shape}`),
	);
	if (doc.noCases) lines.push(`  ${style('yellow', doc.noCases)}`);
	if (doc.issue) {
		const d = doc.issue.data;
		const number = d.numberLabel ? String(d.numberLabel) : `第${String(d.number)}期`;
		lines.push(`  ${style('cyan', 'issue')}   ${String(d.series)} ${number}  ${style('dim', `${arrow} ${targets.issue ?? ''}`)}`);
		if (doc.issue.review.length) lines.push(`          review: ${doc.issue.review.join(', ')}`);
	}
	doc.cases.forEach((c, i) => {
		const s = c.summary;
		const where = c.line !== undefined ? style('dim', ` (${formatLocation(doc.locationKind, c.line)})`) : '';
		lines.push(`  ${style('cyan', `case ${i + 1}`)}  ${s.title}${s.subtitle ? ` / ${s.subtitle}` : ''}${where}`);
		lines.push(
			`          unit ${s.unit} · region ${s.regionCode} ${s.regionName} · ${s.metrics} metric${s.metrics === 1 ? '' : 's'} · methods ${s.methods.join(', ')}`,
		);
		lines.push(`          review: ${s.review.join(', ')}`);
		lines.push(`          ${style('dim', `${arrow} ${targets.cases[i] ?? ''}`)}`);
	});
	const st = doc.stats;
	const cleaned = [
		[st.debrisLines, 'debris/fact lines'],
		[st.pageHeaders, 'repeated page headers'],
		[st.pinyinAnnotations, 'pinyin annotations'],
		[st.strayTags, 'stray tags'],
		[st.taiwanPhrasings, 'Taiwan phrasings reverted'],
		[st.punctuation, 'punctuation marks made full-width'],
	]
		.filter(([n]) => (n as number) > 0)
		.map(([n, what]) => `${n} ${what}`);
	if (cleaned.length) lines.push(`  ${style('dim', `cleaned: ${cleaned.join(', ')}`)}`);
	if (targets.verbose) {
		for (const r of doc.removed)
			lines.push(style('dim', `    removed ${formatLocation(doc.locationKind, r.line)} (${r.reason}): ${truncate(r.text, 50)}`));
	}
	const warnings = allWarnings(doc);
	if (warnings.length) {
		lines.push(`  ${style('yellow', `warnings (${warnings.length}):`)}`);
		for (const w of warnings) {
			const at = formatLocation(doc.locationKind, w.line);
			lines.push(`    ${at ? `${at}: ` : ''}${w.message}`);
		}
	} else {
		lines.push(`  ${style('green', 'no warnings')}`);
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
