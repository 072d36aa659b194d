/**
 * A case body's plain text without parsing it as MDX, for the bodies that are plain prose
 * (most of them): paragraphs and ATX headings whose text holds no character Markdown,
 * GFM or MDX gives a meaning to, but for strong lead-ins (**一是…。**) and <Zh> elements
 * (their text inline). For those, the parse's text runs are exactly the paragraphs' lines
 * joined (and CJK line breaks joined) and the headings' text, so the result is what
 * `mdxPlainBody` gives, at a small fraction of its cost (the MDX parse was half of making
 * a search record).
 *
 * Anything else — a list, a quote, a table, emphasis, a link, a component, an expression,
 * an escape or entity, indentation, a hard break, a control character — makes this return
 * undefined, and the caller parses the body in full. The test compares both on the sample
 * content, the generated corpus and bodies made of every character that matters.
 */
import { joinCjkLines } from '../markdown/remark-join-cjk-lines.ts';

/**
 * What may start or mean syntax anywhere in a line: Markdown's and MDX's characters, GFM's
 * autolinks (a scheme's colon, an address's @, www.) and control characters (\r, tab; lines
 * are tested without their \n).
 */
const SYNTAX = /[\\`*_~[\]!<>&{}|#:@\ufeff\p{Cc}]|www\./iu;
/** Line starts that may open a block (list, quote, thematic break, setext underline, ESM …): any ASCII punctuation or a list number. */
const BLOCK_START = /^(?:[\u0021-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u007e]|\d{1,9}[.)]|import\b|export\b)/;
/** An ATX heading: 1–6 #, a space, text without further syntax. */
const HEADING = /^#{1,6} (.*)$/;
/**
 * A <Zh> element within a line: plain attribute strings, plain children (captured; none
 * when it closes itself). Its text stays in the run, as `plainBody`'s parse keeps it.
 */
const ZH = /<Zh(?: [a-z]+="[^"\n<>{}&\\]*")*(?: ?\/>|>([^<>{}\n&\\`*_~[\]!|#]*)<\/Zh>)/g;

/** What may stand either side of a `**` read as strong emphasis: CJK ideographs and CJK punctuation (no space of any kind). */
const CJK = /[\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60\u2018\u2019\u201c\u201d]/;

/**
 * The line with its `**` removed when each is sure to be strong emphasis (the lead-in of
 * a paragraph, **一是…。**), or undefined. Sure: pairs, each `**` between CJK characters
 * (or at the line's start or end, on the side away from the text), so every one is a
 * delimiter that opens or closes under CommonMark with remark-cjk-friendly's CJK rules.
 */
function withoutStrong(line: string): string | undefined {
	const parts = line.split('**');
	if (parts.length % 2 === 0) return undefined;
	for (let i = 0; i < parts.length - 1; i++) {
		const before = parts[i]!.at(-1);
		const after = parts[i + 1]!.at(0);
		const opens = i % 2 === 0;
		if (before === undefined ? !opens || i > 0 : !CJK.test(before)) return undefined;
		if (after === undefined ? opens || i + 1 < parts.length - 1 : !CJK.test(after)) return undefined;
	}
	return parts.join('');
}

/** The body's runs as `plainBody` joins them, or undefined when the body needs the MDX parse. */
export function plainProse(body: string): string | undefined {
	const runs: string[] = [];
	let paragraph: string[] = [];
	const flush = () => {
		runs.push(joinCjkLines(paragraph.join('\n')).trim());
		paragraph = [];
	};
	for (const line of body.split('\n')) {
		if (line === '') {
			flush();
			continue;
		}
		// Blank lines of spaces, leading indentation and trailing spaces (hard breaks) all have rules of their own.
		if (line.startsWith(' ') || line.endsWith(' ')) return undefined;
		const heading = HEADING.exec(line);
		if (heading) {
			if (SYNTAX.test(heading[1]!)) return undefined;
			flush();
			runs.push(heading[1]!.trim());
			continue;
		}
		if (BLOCK_START.test(line.startsWith('**') ? line.slice(2) : line)) return undefined;
		// Split with ZH's capture: text outside the elements at even places, each element's own text at odd ones.
		const pieces = line.includes('<') ? line.split(ZH) : [line];
		const texts: string[] = [];
		for (const [i, piece = ''] of pieces.entries()) {
			if (i % 2 === 1) {
				if (SYNTAX.test(piece)) return undefined;
				texts.push(piece);
				continue;
			}
			// A ** against a <Zh> has other neighbours than the rule in withoutStrong knows.
			if ((i > 0 && piece.startsWith('**')) || (i < pieces.length - 1 && piece.endsWith('**'))) return undefined;
			const text = piece.includes('**') ? withoutStrong(piece) : piece;
			if (text === undefined || SYNTAX.test(text)) return undefined;
			texts.push(text);
		}
		paragraph.push(texts.join(''));
	}
	flush();
	return runs.filter(Boolean).join('\n');
}
