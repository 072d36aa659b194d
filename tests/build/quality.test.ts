/**
 * Quality gates over the built site: valid HTML, no broken internal link or asset, no
 * reference that makes a reader's browser fetch from another host, and a build that is
 * reproducible byte for byte (a second build of the same checkout must match SITE_DIR).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/lib/content/site-config.ts';
import { makePdfReproducible } from '../../src/lib/print/reproducible-pdf.ts';
import { checkLinks, cssReferences, firstOf, htmlReferences } from '../support/links.ts';
import { secondAstroBuild } from '../support/second-build.ts';
import { allPages, pageFile, siteDir } from '../support/site.ts';

const site = loadSiteConfig();

describe('valid HTML', () => {
	it('every built page passes html-validate:recommended with 0 errors', async () => {
		const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
		const errors: string[] = [];
		for (const page of allPages()) {
			const file = pageFile(page);
			const report = await validator.validateString(readFileSync(file, 'utf8'), file);
			for (const result of report.results) {
				for (const m of result.messages) {
					if (m.severity === 2) errors.push(`${page}:${m.line}:${m.column} [${m.ruleId}] ${m.message} (${m.selector ?? ''})`);
				}
			}
		}
		expect(firstOf(errors)).toEqual([]);
	});
});

describe('links', () => {
	const report = checkLinks({ dir: siteDir(), base: site.base, siteUrl: site.url });

	it('every internal link and asset resolves to a built file (pages, CSS, sitemap, feeds, robots.txt, manifests)', () => {
		expect(report.checked).toBeGreaterThan(100);
		expect(firstOf(report.broken)).toEqual([]);
	});

	it(`no internal reference leaves the base ${site.base}`, () => {
		expect(report.outsideBase).toEqual([]);
	});

	it('the only links to other hosts are ones a reader follows (<a href>), never loaded resources', () => {
		const loaded = report.external.filter((r) => r.via !== '<a href>' && r.via !== '<form action>');
		expect(loaded.map((r) => `${r.from} → ${r.ref} (${r.via})`)).toEqual([]);
	});
});

describe('no third-party resources in the files', () => {
	it('no page or stylesheet names a resource on another host (fonts, scripts, images, analytics; the browser tests record real requests)', () => {
		const external: string[] = [];
		const origin = new URL(site.url).origin;
		const isExternal = (ref: string) => /^(?:https?:)?\/\//i.test(ref) && new URL(ref, origin).origin !== origin;
		const files = readdirSync(siteDir(), { recursive: true, encoding: 'utf8' }).filter((f) => /\.(?:html|css)$/.test(f));
		for (const file of files) {
			const text = readFileSync(path.join(siteDir(), file), 'utf8');
			if (file.endsWith('.html')) {
				for (const { ref, via } of htmlReferences(text)) {
					if (via === '<a href>' || via === '<form action>' || via.startsWith('<meta')) continue;
					// Canonical and hreflang links name the public site, other hosts never.
					if (isExternal(ref)) external.push(`${file}: ${ref} (${via})`);
				}
			} else {
				for (const ref of cssReferences(text)) if (isExternal(ref)) external.push(`${file}: ${ref} (url())`);
			}
		}
		expect(external).toEqual([]);
	});
});

function filesOf(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.map((f) => f.replace(/\\/g, '/'))
		.filter((f) => statSync(path.join(dir, f)).isFile())
		.sort();
}

/** Where two texts first differ, with a little context, for the failure message. */
function firstDifference(a: Buffer, b: Buffer): string {
	let i = 0;
	while (i < a.length && i < b.length && a[i] === b[i]) i++;
	const context = (buf: Buffer) => JSON.stringify(buf.subarray(Math.max(0, i - 60), i + 60).toString('utf8'));
	return `byte ${i}: ${context(a)} vs ${context(b)}`;
}

/** Why two PDFs differ: only in metadata Chromium stamps per run, or in what is printed. */
async function pdfDifference(a: Buffer, b: Buffer): Promise<string> {
	const normalize = async (bytes: Buffer) => {
		const doc = await PDFDocument.load(bytes, { updateMetadata: false });
		makePdfReproducible(doc, new Date(0));
		return Buffer.from(await doc.save());
	};
	const [na, nb] = await Promise.all([normalize(a), normalize(b)]);
	return na.equals(nb)
		? 'differs only in CreationDate/ModDate and structure ids: finish it with makePdfReproducible (src/lib/print/reproducible-pdf.ts)'
		: 'the printed content differs (layout or text), not just metadata';
}

describe('reproducible build', () => {
	it('a second build of the same checkout is byte-identical to SITE_DIR', { timeout: 900_000 }, async () => {
		// The run's one second build (astro build, empty cache), which build-paths compares too.
		const second = secondAstroBuild();
		const first = siteDir();
		const firstFiles = filesOf(first);
		const secondFiles = filesOf(second);
		const onlyFirst = firstFiles.filter((f) => !secondFiles.includes(f)).map((f) => `only in SITE_DIR: ${f}`);
		const onlySecond = secondFiles.filter((f) => !firstFiles.includes(f)).map((f) => `only in the second build: ${f}`);
		expect(firstOf([...onlyFirst, ...onlySecond]), 'both builds have the same files').toEqual([]);
		const differences: string[] = [];
		for (const file of firstFiles) {
			const a = readFileSync(path.join(first, file));
			const b = readFileSync(path.join(second, file));
			if (a.equals(b)) continue;
			differences.push(`${file}: ${file.endsWith('.pdf') ? await pdfDifference(a, b) : firstDifference(a, b)}`);
		}
		expect(firstOf(differences)).toEqual([]);
	});
});
