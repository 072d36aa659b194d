/**
 * The open-data records of the built site in one script (published cases, newest first),
 * read once per build and shared by cases.csv, metrics.csv and cases.json; the compare
 * page's per-case files make only their own record.
 */
import type { Script } from '../../schemas/script.ts';
import { issueLabel } from '../compendium/issue-label.ts';
import { getCaseMap, getCases, getMethods, getPlacements, type CaseEntry } from '../content/collections.ts';
import { loadSiteConfig } from '../content/site-config.ts';
import { toScript } from '../i18n/script-text.ts';
import { pageUrl } from '../routes.ts';
import { caseRecord, type CaseRecord, type RecordContext } from './record.ts';

const contexts = new Map<Script, Promise<RecordContext>>();
const cache = new Map<Script, Promise<CaseRecord[]>>();

/** How records are made in `script` (URLs, method names, issue labels): read once per build. */
function recordContext(script: Script): Promise<RecordContext> {
	let pending = contexts.get(script);
	if (!pending) {
		pending = (async () => {
			const [methods, placements] = await Promise.all([getMethods(), getPlacements()]);
			const site = loadSiteConfig();
			const base = import.meta.env.BASE_URL;
			return {
				script,
				caseUrl: (id) => pageUrl(site.url, base, script, { kind: 'case', id }),
				methodName: (slug) => toScript(methods.get(slug)?.data.name ?? slug, 'hans', script),
				issueLabels: (id) =>
					(placements.get(id) ?? []).map((p) => {
						const label = issueLabel(p.issue.data, script);
						return `${label.series} ${label.number}`;
					}),
			};
		})();
		contexts.set(script, pending);
	}
	return pending;
}

const made = new Map<Script, Map<string, CaseRecord>>();

/** The record of `entry` in the context's script, made once per build whichever file asks first. */
function recordOf(entry: CaseEntry, context: RecordContext): CaseRecord {
	let records = made.get(context.script);
	if (!records) made.set(context.script, (records = new Map()));
	let record = records.get(entry.id);
	if (!record) records.set(entry.id, (record = caseRecord(entry, context)));
	return record;
}

/**
 * One published case's record in `script`, or undefined for an id that is not published:
 * made alone, so a rebuild that remakes one case's file does not make every record.
 */
export async function siteRecordOf(script: Script, id: string): Promise<CaseRecord | undefined> {
	const entry = (await getCaseMap()).get(id);
	return entry ? recordOf(entry, await recordContext(script)) : undefined;
}

/** Every published case's open-data record in `script`, newest first, computed once per build. */
export function siteRecords(script: Script): Promise<CaseRecord[]> {
	let pending = cache.get(script);
	if (!pending) {
		pending = (async () => {
			const [cases, context] = await Promise.all([getCases(), recordContext(script)]);
			return cases.map((entry) => recordOf(entry, context));
		})();
		cache.set(script, pending);
	}
	return pending;
}
