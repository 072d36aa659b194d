/**
 * The share panel's QR code (qr-code.ts): the SVG a page carries, drawn as a scanner sees it,
 * reads back as the page's address.
 */
import { describe, expect, it } from 'vitest';
import decodeQR from 'qr/decode.js';
import { qrSvg } from '../../../src/lib/compendium/qr-code.ts';

/** Pixels per module when the SVG is drawn for the decoder. */
const SCALE = 4;

/**
 * Draws the SVG's dark path (the `M x y.5hN` / `m dx 0hN` runs qr-code.ts writes, and nothing
 * else) as an RGBA image, black on white.
 */
function draw(svg: string): { width: number; height: number; data: Uint8Array } {
	const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)![1]);
	const d = /<path stroke="#000000" d="([^"]*)"/.exec(svg)![1]!;
	const width = size * SCALE;
	const data = new Uint8Array(width * width * 4).fill(255);
	let x = 0;
	let y = 0;
	for (const [, command, a, b] of d.matchAll(/([MmhH])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
		if (command === 'M') [x, y] = [Number(a), Number(b) - 0.5];
		else if (command === 'm') [x, y] = [x + Number(a), y + Number(b)];
		else {
			const to = command === 'h' ? x + Number(a) : Number(a);
			for (let module = x; module < to; module++)
				for (let py = y * SCALE; py < (y + 1) * SCALE; py++)
					for (let px = module * SCALE; px < (module + 1) * SCALE; px++) data.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
			x = to;
		}
	}
	return { width, height: width, data };
}

describe('qrSvg', () => {
	it.each([
		'https://example.gov.cn/zh-hans/cases/changning-yangquan/',
		'https://example.gov.cn/zh-hant/cases/changning-yangquan/',
		'https://example.gov.cn/base/zh-hant/cases/a-very-long-case-identifier-that-needs-a-larger-symbol-version-2026/',
	])('reads back as the address it encodes: %s', (address) => {
		expect(decodeQR(draw(qrSvg(address)))).toBe(address);
	});

	it('is hidden from screen readers, square, with a quiet zone of two light modules', () => {
		const svg = qrSvg('https://example.gov.cn/zh-hans/cases/x/');
		expect(svg).toMatch(/^<svg [^>]*aria-hidden="true" focusable="false" viewBox="0 0 (\d+) \1"/);
		const runs = /d="(M[^"]*)"/.exec(svg.replace(/<path fill[^>]*>/, ''))![1]!;
		const starts = [...runs.matchAll(/M(\d+) (\d+)\.5/g)].map(([, x, y]) => [Number(x), Number(y)]);
		expect(Math.min(...starts.map(([x]) => x!))).toBe(2);
		expect(Math.min(...starts.map(([, y]) => y!))).toBe(2);
	});

	it('draws the same code for the same address, and a different one for another', () => {
		expect(qrSvg('https://example.gov.cn/zh-hans/cases/a/')).toBe(qrSvg('https://example.gov.cn/zh-hans/cases/a/'));
		expect(qrSvg('https://example.gov.cn/zh-hans/cases/a/')).not.toBe(qrSvg('https://example.gov.cn/zh-hant/cases/a/'));
	});
});
