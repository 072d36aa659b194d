/**
 * The site's converter: content/site.yaml's traditional standard and
 * content/glossary.yaml's terms. Rebuilt when the glossary file changes (dev server);
 * the OpenCC pipelines underneath are built once per process.
 */
import { statSync } from 'node:fs';
import { contentPaths } from '../content/paths.ts';
import { loadSiteConfig } from '../content/site-config.ts';
import { getConverter, type ScriptConverter } from './converter.ts';
import { loadGlossary } from './glossary.ts';

let current: { key: string; converter: ScriptConverter } | undefined;

/** The converter for the site's standard and glossary, shared until the glossary file changes. */
export function siteConverter(): ScriptConverter {
	const file = contentPaths.glossary();
	let key = `${file}:missing`;
	try {
		const stat = statSync(file);
		key = `${file}:${stat.mtimeMs}:${stat.size}`;
	} catch {
		// No glossary file: an empty glossary.
	}
	if (current?.key !== key) {
		current = { key, converter: getConverter({ traditional: loadSiteConfig().traditional, glossary: loadGlossary(file) }) };
	}
	return current.converter;
}
