/**
 * The QR code of a page's address as inline SVG, made at build time with the `qrcode`
 * package, so a reader can open the page on a phone (WeChat 扫一扫) without any request
 * to another host.
 *
 * The address is encoded as one byte-mode segment: left to itself, `qrcode` searches for
 * the shortest mix of modes (digits of a case id in numeric mode …), which takes two
 * thirds of its time at one code per case page and saves a few bits at most. Byte mode
 * is what phone scanners read most reliably anyway.
 */
import QRCode from 'qrcode';

const MADE = Symbol.for('case-compendium.qr-codes');
type Holder = { [MADE]?: MadeCodes };

/** Codes made ahead of the pages: `take` gives the code of `text` if it is there, once. */
export interface MadeCodes {
	take(text: string): string | undefined;
}

/** An SVG QR code encoding `text`, hidden from screen readers. */
export async function makeQrSvg(text: string): Promise<string> {
	const svg = await QRCode.toString([{ data: new TextEncoder().encode(text), mode: 'byte' }], {
		type: 'svg',
		errorCorrectionLevel: 'M',
		margin: 2,
		color: { dark: '#000000', light: '#ffffff' },
	});
	// Decorative inside a labelled figure: the label says what it is.
	return svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
}

/**
 * {@link makeQrSvg}, or the same code made ahead by a worker during the build
 * (build/qr-codes-alongside.ts), taken once: the page that asks for it is its only reader.
 * The codes made ahead live on `globalThis`: pages are rendered from Astro's bundle, which
 * has its own copy of this module.
 */
export async function qrSvg(text: string): Promise<string> {
	return (globalThis as Holder)[MADE]?.take(text) ?? makeQrSvg(text);
}

/** Makes `codes` where {@link qrSvg} takes from until the returned function is called. */
export function offerMadeCodes(codes: MadeCodes): () => void {
	(globalThis as Holder)[MADE] = codes;
	return () => {
		if ((globalThis as Holder)[MADE] === codes) delete (globalThis as Holder)[MADE];
	};
}
