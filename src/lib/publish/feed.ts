/**
 * The RSS feeds of each edition: its newest cases, and its issues with their contents.
 * Titles and summaries are in the feed's script, links absolute under the site's base.
 * Nothing here depends on the build's clock: a feed changes only when content does.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import type { Script } from '../../schemas/script.ts';
import type { CaseRef, IssueRef } from '../compendium/types.ts';
import { issueLabel } from '../compendium/issue-label.ts';
import { sortCases, sortIssues } from '../compendium/issue-order.ts';
import { localizeCase } from '../compendium/localize.ts';
import { SCRIPT_LANG } from '../i18n/scripts.ts';
import { toScript } from '../i18n/script-text.ts';
import { ui } from '../i18n/ui.ts';
import { feedPath, pagePath } from '../routes.ts';

/** Feed readers fetch the whole file on every poll; the newest cases are what they want. */
export const FEED_CASE_LIMIT = 50;

/** What a feed needs from its edition: script, base, origin and method names. */
export interface FeedContext {
	script: Script;
	/** Astro's base, ending with "/". */
	base: string;
	/** The site's public origin (content/site.yaml `url`). */
	siteUrl: string;
	/** A method's display name (written in simplified Chinese) from its slug. */
	methodName: (slug: string) => string | undefined;
}

/** A feed's channel as @astrojs/rss takes it. */
export interface FeedChannel {
	title: string;
	description: string;
	/** The edition's home page: the channel's <link>. */
	site: string;
	xmlns: Record<string, string>;
	customData: string;
}

const absolute = (context: FeedContext, sitePath: string) => new URL(sitePath, context.siteUrl).href;

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Channel title, description, language and self link of one of an edition's feeds. */
export function feedChannel(context: FeedContext, site: { title: string; description: string }, of: 'cases' | 'issues'): FeedChannel {
	const t = ui(context.script);
	const self = absolute(context, feedPath(context.base, context.script, of));
	return {
		title: `${toScript(site.title, 'hans', context.script)} - ${of === 'cases' ? t.casesFeed : t.issuesFeed}`,
		description: toScript(site.description, 'hans', context.script),
		site: absolute(context, pagePath(context.base, context.script, { kind: 'home' })),
		xmlns: { atom: 'http://www.w3.org/2005/Atom' },
		customData: `<language>${SCRIPT_LANG[context.script]}</language><atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>`,
	};
}

/** The newest cases, newest first: title, summary, methods and province in the feed's script. */
export function caseFeedItems(cases: readonly CaseRef[], context: FeedContext, limit = FEED_CASE_LIMIT): RSSFeedItem[] {
	return sortCases(cases)
		.slice(0, limit)
		.map((entry) => {
			const text = localizeCase(entry.data, context.script);
			const methods = entry.data.methods.map((slug) => context.methodName(slug)).filter((name) => name !== undefined);
			return {
				title: text.subtitle ? `${text.title}——${text.subtitle}` : text.title,
				link: absolute(context, pagePath(context.base, context.script, { kind: 'case', id: entry.id })),
				pubDate: entry.data.date,
				description: text.summary,
				categories: [...(text.place[0] ? [text.place[0].name] : []), ...methods.map((name) => toScript(name, 'hans', context.script))],
			};
		});
}

/** Every issue, newest first: its name and the titles of its cases in printed order. */
export function issueFeedItems(issues: readonly IssueRef[], casesById: ReadonlyMap<string, CaseRef>, context: FeedContext): RSSFeedItem[] {
	const t = ui(context.script);
	return sortIssues(issues).map((issue) => {
		const label = issueLabel(issue.data, context.script);
		const titles = issue.data.cases
			.map((id) => casesById.get(id))
			.filter((entry) => entry !== undefined)
			.map((entry) => localizeCase(entry.data, context.script).title);
		return {
			title: `${label.series} ${label.number}`,
			link: absolute(context, pagePath(context.base, context.script, { kind: 'issue', id: issue.id })),
			pubDate: issue.data.date,
			description: `${t.contents}：${titles.join('；')}`,
		};
	});
}
