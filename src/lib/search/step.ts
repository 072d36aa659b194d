/**
 * The post-build step that indexes the compendium for search. It reads the content files
 * (not the built HTML): faster, and the index needs fields pages only show, not mark up.
 */
import type { PostBuildStep } from '../build/post-build.ts';
import { issueLabel } from '../compendium/issue-label.ts';
import { loadSiteConfig } from '../content/site-config.ts';
import { siteConverter } from '../convert/site-converter.ts';
import { documentsFromContent } from './document.ts';
import { writeSearchIndex } from './write-index.ts';
import { buildMessages } from '../i18n/messages/index.ts';

/** The search index step: Pagefind's bundle and our result files into the output directory. */
export function searchIndexStep(): PostBuildStep {
	return {
		name: 'search index',
		async run(outDir, { content }) {
			const converter = siteConverter();
			const stats = await writeSearchIndex(documentsFromContent(content), outDir, {
				base: loadSiteConfig().base,
				convert: (text, from, to) => converter.convert(text, from, to),
				methodName: (slug) => content.methods.get(slug)?.name,
				issueLabel: (id, script) => {
					const issue = content.issues.get(id);
					if (!issue) return undefined;
					const label = issueLabel(issue.data, script);
					return `${label.series} ${label.number}`;
				},
			});
			const phases = Object.entries(stats.phases)
				.map(([phase, s]) => `${phase} ${s.toFixed(1)} s`)
				.join(', ');
			return `${buildMessages.searchOutcome(stats.cases, stats.words, stats.shards, stats.chunks)} [${phases}]`;
		},
	};
}
