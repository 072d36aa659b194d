/** The one frontmatter splitter: only a line that is exactly `---` closes the frontmatter. */
import { describe, expect, it } from 'vitest';
import { blankFrontmatter, splitFrontmatter } from '../../../src/lib/content/frontmatter.ts';

describe('splitFrontmatter', () => {
	it('keeps a title ending in --- inside the YAML', () => {
		const split = splitFrontmatter('---\ntitle: 测试案例标题---\nstatus: draft\n---\n\n正文\n');
		expect(split.yaml).toBe('title: 测试案例标题---\nstatus: draft');
		expect(split.body).toBe('\n正文\n');
		expect(split.bodyStartLine).toBe(5);
		expect(split.ambiguousFenceLines).toEqual([]);
	});
	it('keeps an indented --- inside a block scalar', () => {
		const split = splitFrontmatter('---\nsummary: |\n  上文\n  ---\n  下文\nstatus: pubished\n---\n正文');
		expect(split.yaml).toContain('status: pubished');
		expect(split.body).toBe('正文');
		expect(split.bodyStartLine).toBe(8);
	});
	it('handles CRLF, a BOM, trailing blanks on the fence and an empty frontmatter', () => {
		expect(splitFrontmatter('\uFEFF---\r\ntitle: 甲\r\n--- \r\n正文').yaml).toBe('title: 甲');
		expect(splitFrontmatter('---\n---\n正文')).toMatchObject({ yaml: '', body: '正文', hasFrontmatter: true });
	});
	it('reports no frontmatter when the first line is not a fence or none closes it', () => {
		expect(splitFrontmatter('# 标题\n---\n').hasFrontmatter).toBe(false);
		expect(splitFrontmatter('---\ntitle: 甲\n').hasFrontmatter).toBe(false);
	});
	it('flags a line that starts with --- but is not a fence (Astro would close there)', () => {
		expect(splitFrontmatter('---\ntitle: 甲\n---x: 1\n---\n').ambiguousFenceLines).toEqual([3]);
	});
	it('blanks the frontmatter keeping every line and offset', () => {
		const text = '---\ntitle: 甲\n---\n正文{x}';
		const blank = blankFrontmatter(text);
		expect(blank.length).toBe(text.length);
		expect(blank.split('\n')).toHaveLength(4);
		expect(blank.endsWith('正文{x}')).toBe(true);
		expect(blank.slice(0, 16).trim()).toBe('');
	});
});
