/**
 * The open-data records of the built site in one script (published cases, newest first),
 * read once per build and shared by cases.csv, metrics.csv, cases.json, the codebook
 * page and the compare page's per-case files.
 */
import type { Script } from '../../schemas/script.ts';
import { issueLabel } from '../compendium/issue-label.ts';
import { getCases, getMethods, getPlacements } from '../content/collections.ts';
import { loadSiteConfig } from '../content/site-config.ts';
import { toScript } from '../i18n/script-text.ts';
import { pagePath } from '../routes.ts';
import { caseRecord, type CaseRecord } from './record.ts';

const cache = new Map<Script, Promise<CaseRecord[]>>();
const byIdCache = new Map<Script, Promise<Map<string, CaseRecord>>>();

/** The records of {@link siteRecords} by case id: one lookup per case file, not a scan of every record. */
export function siteRecordsById(script: Script): Promise<Map<string, CaseRecord>> {
	let pending = byIdCache.get(script);
	if (!pending) {
		pending = siteRecords(script).then((records) => new Map(records.map((record) => [record.id, record])));
		byIdCache.set(script, pending);
	}
	return pending;
}

/** Every published case's open-data record in `script`, newest first, computed once per build. */
export function siteRecords(script: Script): Promise<CaseRecord[]> {
	let pending = cache.get(script);
	if (!pending) {
		pending = (async () => {
			const [cases, methods, placements] = await Promise.all([getCases(), getMethods(), getPlacements()]);
			const site = loadSiteConfig();
			const base = import.meta.env.BASE_URL;
			return cases.map((entry) =>
				caseRecord(entry, {
					script,
					caseUrl: (id) => new URL(pagePath(base, script, { kind: 'case', id }), site.url).href,
					methodName: (slug) => toScript(methods.get(slug)?.data.name ?? slug, 'hans', script),
					issueLabels: (id) =>
						(placements.get(id) ?? []).map((p) => {
							const label = issueLabel(p.issue.data, script);
							return `${label.series} ${label.number}`;
						}),
				}),
			);
		})();
		cache.set(script, pending);
	}
	return pending;
}
