/**
 * Splits one conversion across the pieces of text it was made from. The rehype plugin
 * converts a paragraph's text nodes as one run (so 头**发** still reads as 頭髮 and
 * a phrase is not cut at a bold span) and then gives each node its share.
 */
import type { ConvertedPiece } from './converter.ts';

/**
 * The output for each of `parts` (whose concatenation is the converted text's source).
 * A text piece that straddles parts is split code point by code point (OpenCC maps
 * each code point to one); a glossary term that changes length goes whole to the part
 * where it starts.
 */
export function distributeOutput(pieces: readonly ConvertedPiece[], parts: readonly string[]): string[] {
	const outputs = parts.map(() => '');
	const ends: number[] = [];
	let total = 0;
	for (const part of parts) ends.push((total += part.length));
	const sourceLength = pieces.reduce((sum, piece) => sum + piece.source.length, 0);
	if (sourceLength !== total) {
		throw new Error(`distributeOutput: the pieces cover ${sourceLength} characters, the parts ${total}`);
	}
	let part = 0;
	const partAt = (offset: number) => {
		while (part < ends.length - 1 && offset >= (ends[part] ?? 0)) part++;
		return part;
	};
	let offset = 0;
	for (const piece of pieces) {
		const start = offset;
		offset += piece.source.length;
		const first = partAt(start);
		const sourcePoints = Array.from(piece.source);
		const outputPoints = Array.from(piece.output);
		const fitsOnePart = offset <= (ends[first] ?? 0);
		if (fitsOnePart || sourcePoints.length !== outputPoints.length) {
			outputs[first] += piece.output;
			continue;
		}
		let position = start;
		sourcePoints.forEach((point, i) => {
			outputs[partAt(position)] += outputPoints[i] ?? '';
			position += point.length;
		});
	}
	return outputs;
}
