/** Shared helpers for the importer's tests: seeds, the test taxonomy, MDX compilation. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compile } from '@mdx-js/mdx';
import { parse } from 'yaml';
import { splitFrontmatter } from '../../../src/lib/content/frontmatter.ts';
import { PROJECT_ROOT } from '../../../src/lib/content/paths.ts';
import { importDocument, type DocumentImport, type ImportOptions } from '../../../src/lib/import/import.ts';
import { loadTaxonomy } from '../../../src/lib/import/taxonomy.ts';
import { setMessageLanguage } from '../../../src/lib/i18n/messages/index.ts';

// Most assertions read the English messages; tests of the Chinese ones set the language themselves.
setMessageLanguage('en');

/** Where CI and the workspace keep the raw seed documents. */
export const SEEDS_DIR = path.resolve(PROJECT_ROOT, '../shared/seeds');
export const FIXTURES = path.join(PROJECT_ROOT, 'tests/fixtures/import');
export const TAXONOMY = loadTaxonomy(path.join(FIXTURES, 'methods.yaml'));
export const NOW = new Date('2026-03-01T12:00:00');

export function seedPath(prefix: string): string {
	const names = [
		'000_e750635a369087da.txt',
		'001_ddd8d8cda413155e.txt',
		'002_a161181fba4e5d02.txt',
		'003_50b1288173d84b78.txt',
		'004_0bc3f1d401baf59b.txt',
	];
	const name = names.find((n) => n.startsWith(prefix));
	if (!name) throw new Error(`no seed ${prefix}`);
	return path.join(SEEDS_DIR, name);
}

export function importBytes(bytes: Uint8Array, name: string, options: Partial<ImportOptions> = {}): Promise<DocumentImport> {
	return importDocument(bytes, name, { methods: TAXONOMY.methods, now: NOW, ...options });
}

export function importSeed(prefix: string): Promise<DocumentImport> {
	const file = seedPath(prefix);
	return importBytes(readFileSync(file), path.basename(file));
}

export function importText(text: string, name = 'input.txt', options: Partial<ImportOptions> = {}): Promise<DocumentImport> {
	return importBytes(Buffer.from(text, 'utf8'), name, options);
}

/** Splits an .mdx file into its parsed frontmatter and its body. */
export function splitMdx(mdx: string): { data: Record<string, unknown>; body: string } {
	const split = splitFrontmatter(mdx);
	if (!split.hasFrontmatter) throw new Error(`no frontmatter in:\n${mdx.slice(0, 200)}`);
	return { data: parse(split.yaml) as Record<string, unknown>, body: split.body };
}

/** Compiles an MDX body the way @astrojs/mdx does (frontmatter is stripped before). */
export async function compileMdx(mdx: string): Promise<void> {
	await compile(splitMdx(mdx).body);
}

/** Body text of every draft of a document, for "no debris left" assertions. */
export function allBodies(doc: DocumentImport): string {
	return [...doc.cases.map((c) => splitMdx(c.mdx).body), doc.issue ? splitMdx(doc.issue.mdx).body : ''].join('\n');
}
