/**
 * The QR code of a page's address as inline SVG, made at build time with the `qrcode`
 * package, so a reader can open the page on a phone (WeChat 扫一扫) without any request
 * to another host.
 */
import QRCode from 'qrcode';

/** An SVG QR code encoding `text`, hidden from screen readers. */
export async function qrSvg(text: string): Promise<string> {
	const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
	// Decorative inside a labelled figure: the label says what it is.
	return svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
}
