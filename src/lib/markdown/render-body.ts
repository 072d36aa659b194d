/**
 * Renders a case or issue body to HTML in both scripts at once, without making a JS
 * module of it: the front half of the MDX compiler Astro uses (MDX syntax, then the one
 * set of remark and rehype plugins from plugins.ts, the heading ids) up to the rehype
 * tree, which astro-html.ts then writes as Astro would print the compiled module.
 * The output is byte for byte what `<Content script={…} />` gives, at a fraction of the
 * cost (no bundling, no module per case).
 *
 * Used only for untrusted content (the default): there a body holds no code, so the
 * tree holds nothing but elements, text and script variants. A body with something only
 * the MDX module path renders (a code block, which Astro highlights; a local image,
 * which Astro optimises; a component) gives `undefined` and stays a module.
 */
import { rehypeHeadingIds, type MarkdownHeading } from '@astrojs/markdown-remark';
import { createProcessor, nodeTypes } from '@mdx-js/mdx';
import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { SCRIPTS, type Script } from '../../schemas/script.ts';
import { astroHtml, NotPlainHtml } from './astro-html.ts';
import { isSafeUrl, urlScheme } from './mdx-safety.ts';
import { rehypePlugins, remarkPlugins, type PipelineSettings } from './plugins.ts';

/** A body rendered in both scripts, with the headings `render(entry)` would give. */
export interface RenderedBody {
	html: Record<Script, string>;
	headings: MarkdownHeading[];
}

/** Stops the MDX compiler once the rehype tree is final: the JS it would make next is not needed. */
class TreeReady extends Error {
	readonly tree: Root;
	constructor(tree: Root) {
		super('tree ready');
		this.tree = tree;
	}
}

function stopWithTree() {
	return (tree: Root) => {
		throw new TreeReady(tree);
	};
}

/** True for what only the MDX module path renders as Astro does: highlighted code, local images. */
function needsModule(tree: Root): boolean {
	let found = false;
	visit(tree, 'element', (node) => {
		if (node.tagName === 'pre') found = true;
		const src = node.properties.src;
		if (node.tagName === 'img' && typeof src === 'string' && (!isSafeUrl(src) || (urlScheme(src) === undefined && !src.startsWith('//'))))
			found = true;
	});
	return found;
}

let cached: { key: string; processor: ReturnType<typeof createProcessor> } | undefined;

/** The compiler's front half, the same plugins as the build's MDX (astro.config.mjs), built once per settings. */
function processor(settings: PipelineSettings) {
	const key = JSON.stringify(settings);
	if (cached?.key !== key) {
		cached = {
			key,
			processor: createProcessor({
				format: 'mdx',
				jsxImportSource: 'astro',
				elementAttributeNameCase: 'html',
				remarkPlugins: remarkPlugins(settings),
				rehypePlugins: [[rehypeRaw, { passThrough: nodeTypes }], ...rehypePlugins(), rehypeHeadingIds, stopWithTree],
			}),
		};
	}
	return cached.processor;
}

/**
 * The body's HTML in both scripts and its headings, or `undefined` when it must stay an
 * MDX module. `frontmatter` is the file's frontmatter as written (its `script` says which
 * script the body is in); `filePath` names the file in error messages. A body the
 * pipeline refuses throws the pipeline's own located error.
 */
export async function renderBody(
	body: string,
	frontmatter: Record<string, unknown>,
	filePath: string,
	settings: PipelineSettings = {},
): Promise<RenderedBody | undefined> {
	const file = new VFile({ value: body, path: filePath, data: { astro: { frontmatter } } });
	const mdx = processor(settings);
	let tree: Root;
	try {
		// The typings expect the compiler's own start; the parsed tree is what `run` takes.
		await mdx.run(mdx.parse(file) as never, file);
		throw new Error('MDX compiler did not reach the end of its rehype plugins');
	} catch (error) {
		if (!(error instanceof TreeReady)) throw error;
		tree = error.tree;
	}
	if (needsModule(tree)) return undefined;
	const headings = (file.data as { astro?: { headings?: MarkdownHeading[] } }).astro?.headings ?? [];
	try {
		const html = Object.fromEntries(SCRIPTS.map((script) => [script, astroHtml(tree, script)])) as Record<Script, string>;
		return { html, headings };
	} catch (error) {
		if (error instanceof NotPlainHtml) return undefined;
		throw error;
	}
}
