/**
 * Joins soft line breaks between two CJK characters. Browsers render a newline inside
 * a paragraph as a space, which is right between Latin words and wrong between Han
 * characters (Chromium: "这是第一行\n这是第二行" is as wide as with a space).
 */
import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

/** Han, CJK punctuation, full-width forms, kana. */
const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef\\u2018-\\u201d\\u2026\\u2014';
const CJK_NEWLINE = new RegExp(`([${CJK}])[ \\t]*\\r?\\n[ \\t]*(?=[${CJK}])`, 'gu');

/** Removes newlines (and the blanks around them) that stand between two CJK characters. */
export function joinCjkLines(text: string): string {
	return text.replace(CJK_NEWLINE, '$1');
}

/** remark plugin applying {@link joinCjkLines} to every text node. */
export default function remarkJoinCjkLines() {
	return (tree: Root) => {
		visit(tree, 'text', (node: Text) => {
			if (node.value.includes('\n')) node.value = joinCjkLines(node.value);
		});
	};
}
