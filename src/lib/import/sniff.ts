/** What kind of file the bytes are, cheaply (before loading a DOM or a zip reader). */

export function isZip(bytes: Uint8Array): boolean {
	return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** True when the text looks like an HTML document rather than plain text. */
export function looksLikeHtml(text: string): boolean {
	const head = text.slice(0, 2048).trimStart().toLowerCase();
	if (head.startsWith('<!doctype html') || head.startsWith('<html')) return true;
	return /<(?:html|head|body)[\s>]/.test(head) && /<\/(?:p|div|body)>/.test(text.toLowerCase());
}
