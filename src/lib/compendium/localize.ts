/**
 * A case's frontmatter text in the reader's script: titles, unit, summary, metric labels
 * and wording, source, place names. Values are never touched, only words.
 */
import type { Case } from '../../schemas/case.ts';
import type { Metric } from '../../schemas/metric.ts';
import type { Script } from '../../schemas/script.ts';
import { regionChain } from '../regions.ts';
import { toScript } from '../i18n/script-text.ts';

/** The words of a case a page shows, converted to the page's script. */
export interface LocalizedCase {
	title: string;
	subtitle?: string;
	unit: string;
	summary: string;
	metrics: Metric[];
	/** Province › city › county names, then township and village, in the page's script. */
	place: { code: string; name: string }[];
	township?: string;
	village?: string;
	sourcePublisher: string;
	sourceTitle?: string;
}

/** A case appears on many pages (lists, related, regions): convert its text once per script. */
const cache = new WeakMap<Case, Partial<Record<Script, LocalizedCase>>>();

/** The case's text in `script`, converted once per case and script and then reused. */
export function localizeCase(data: Case, script: Script): LocalizedCase {
	const cached = cache.get(data)?.[script];
	if (cached) return cached;
	const localized = convertCase(data, script);
	cache.set(data, { ...cache.get(data), [script]: localized });
	return localized;
}

function convertCase(data: Case, script: Script): LocalizedCase {
	const from = data.script;
	const tx = (text: string) => toScript(text, from, script);
	const place = regionChain(data.region.code).map((d) => ({ code: d.code, name: toScript(d.name, 'hans', script) }));
	const localized: LocalizedCase = {
		title: tx(data.title),
		unit: tx(data.unit),
		summary: tx(data.summary),
		metrics: data.metrics.map((m) => ({
			...m,
			label: tx(m.label),
			unit: tx(m.unit),
			text: tx(m.text),
			...(m.period ? { period: tx(m.period) } : {}),
		})),
		place,
		sourcePublisher: tx(data.source.publisher),
	};
	if (data.subtitle) localized.subtitle = tx(data.subtitle);
	if (data.region.township) localized.township = tx(data.region.township);
	if (data.region.village) localized.village = tx(data.region.village);
	if (data.source.title) localized.sourceTitle = tx(data.source.title);
	return localized;
}

/** Region names from the division data (written in simplified) in the page's script. */
export function regionName(name: string, script: Script): string {
	return toScript(name, 'hans', script);
}
