/**
 * Typographic choices of the printed edition that depend on the office's settings:
 * which quotation marks the 繁體 edition uses, whether key figures print as a table,
 * and how the source line under a case reads.
 */
import type { Site } from '../../schemas/site.ts';
import type { Issue } from '../../schemas/issue.ts';
import type { Script } from '../../schemas/script.ts';

/** Which quotation marks an edition prints: 「」 (corner) or “” (curly). */
export type QuoteStyle = 'corner' | 'curly';

/** 「」 in the 繁體 edition when the site uses the Taiwan or Hong Kong standard (or says so); “” otherwise. */
export function printQuotes(site: Pick<Site, 'traditional' | 'traditionalQuotes'>, script: Script): QuoteStyle {
	if (script === 'hans') return 'curly';
	if (site.traditionalQuotes === 'auto') return site.traditional === 'tw' || site.traditional === 'hk' ? 'corner' : 'curly';
	return site.traditionalQuotes;
}

/** “” → 「」 and ‘’ → 『』 (the quotes inside quotes); the text is otherwise unchanged. */
export function toCornerQuotes(text: string): string {
	return text.replace(/“/g, '「').replace(/”/g, '」').replace(/‘/g, '『').replace(/’/g, '』');
}

/** Whether the issue's PDF and Word file show the key figures as a table: the issue's choice, else the site's. */
export function keyFiguresTable(site: Pick<Site, 'keyFiguresInPrint'>, issue: Pick<Issue, 'keyFiguresInPrint'>): boolean {
	return (issue.keyFiguresInPrint ?? site.keyFiguresInPrint) === 'table';
}

/**
 * The source line's text inside its brackets: the publisher always, then the title in
 * 《》 unless the publisher's name already is the whole title, then the date:
 * 中共湖南省委组织部《党建引领基层治理丨常宁市：…》，2024年12月7日.
 */
export function sourceLine(source: { publisher: string; title?: string | undefined; date?: string | undefined }): string {
	const title = source.title?.trim();
	const named = title && title !== source.publisher ? `${source.publisher}《${title.replace(/^《(.*)》$/, '$1')}》` : source.publisher;
	return source.date ? `${named}，${source.date}` : named;
}
