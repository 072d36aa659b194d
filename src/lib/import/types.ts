/** Shapes passed between the importer's stages. */
import { importMessages } from '../i18n/messages/index.ts';

/** One paragraph-like unit of the source, with where it came from. */
export interface Block {
	text: string;
	/** 1-based line of a text or HTML file, or paragraph number of a .docx. */
	line: number;
	/** What the source marked it as; plain text only knows paragraphs. */
	kind: 'paragraph' | 'heading' | 'list-item' | 'table';
	/** A table's cells, row by row (the text is the cells joined, for counting and matching). */
	rows?: string[][];
	/** The bold run a paragraph opens with, when the rest is not bold: a run-in heading (**一是…。**正文). */
	boldLead?: string;
	/** Heading level when the source had one (h1–h6, Word heading styles). */
	level?: number;
	/** The whole block was bold in the source (Word often marks headings only so). */
	bold?: boolean;
}

/** Something the editor must look at, with where to look. */
export interface ImportWarning {
	line?: number;
	message: string;
}

/** A line the importer removed, and why (reported as a count, listed with --verbose). */
export interface Removal {
	line: number;
	text: string;
	reason: string;
}

/** Publication facts found in the source (metadata lines, HTML meta tags). */
export interface SourceFacts {
	title?: string;
	publisher?: string;
	/** The site's owner (主办单位), used when no 来源 is given. */
	siteOwner?: string;
	siteName?: string;
	author?: string;
	/** The unit named in a closing `（…供稿）` line. */
	contributor?: string;
	url?: string;
	/** YYYY-MM-DD */
	date?: string;
}

/** How a location is named in messages: text and HTML files have lines, Word files paragraphs. */
export type LocationKind = 'line' | 'paragraph';

/** What extraction gives the cleaning stages. */
export interface ExtractedDocument {
	blocks: Block[];
	facts: SourceFacts;
	format: 'text' | 'html' | 'docx';
	encoding?: string;
	locationKind: LocationKind;
	warnings: ImportWarning[];
}

/** A file that cannot be imported: rendered as `file: expected …; found …` (in the message language). */
export class ImportInputError extends Error {
	readonly expected: string;
	readonly found: string;
	readonly suggestion: string | undefined;
	constructor(expected: string, found: string, suggestion?: string) {
		super(importMessages.inputError(expected, found, suggestion));
		this.name = 'ImportInputError';
		this.expected = expected;
		this.found = found;
		this.suggestion = suggestion;
	}
}

/** A document that is not a case (a list of titles, a call for submissions, a meeting report): exit code 2. */
export class NotACaseError extends Error {
	constructor(reason: string) {
		super(importMessages.notACase(reason));
		this.name = 'NotACaseError';
	}
}

/**
 * Where something is, for messages: 第 3 段（“今年以来，某某县…”开头）. `text` is the line or
 * paragraph there; its opening words let the editor find it without counting.
 */
export function formatLocation(kind: LocationKind, line: number | undefined, text?: string): string {
	if (line === undefined) return '';
	const chars = text ? [...text.trim()] : [];
	const opening = chars.length > 12 ? `${chars.slice(0, 12).join('')}……` : chars.join('');
	return importMessages.located(kind, line, opening || undefined);
}
