/**
 * A Word .docx → blocks, through mammoth's semantic HTML. Word's heading styles become
 * headings; locations are paragraph numbers, since a .docx has no lines.
 */
import mammoth from 'mammoth';
import { JSDOM, VirtualConsole } from 'jsdom';
import { blocksFromDom } from './html-blocks.ts';
import { isZip } from './sniff.ts';
import { importMessages as m } from '../i18n/messages/index.ts';
import { ImportInputError, type ExtractedDocument } from './types.ts';

const STYLE_MAP = [
	"p[style-name='Title'] => h1:fresh",
	"p[style-name='Subtitle'] => h2:fresh",
	"p[style-name='标题'] => h1:fresh",
	"p[style-name='副标题'] => h2:fresh",
];

/** Reads a .docx into blocks (images left out); a file that is not a readable .docx is refused with advice. */
export async function extractDocx(bytes: Uint8Array): Promise<ExtractedDocument> {
	if (!isZip(bytes)) {
		throw new ImportInputError(m.expectedDocx(), m.foundNotZip(), m.saveAsDocx());
	}
	let html: string;
	try {
		const result = await mammoth.convertToHtml(
			{ buffer: Buffer.from(bytes) },
			{ styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
		);
		html = result.value;
	} catch (error) {
		const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
		throw new ImportInputError(m.expectedReadableDocx(), m.foundDamagedDocx(reason ?? ''), m.resaveDocx());
	}
	const dom = new JSDOM(`<!doctype html><body>${html}</body>`, { contentType: 'text/html', virtualConsole: new VirtualConsole() });
	const blocks = blocksFromDom(dom.window.document.body);
	return { blocks, facts: {}, format: 'docx', locationKind: 'paragraph', warnings: [] };
}
