/**
 * A content loader wrapper that renders MDX bodies to HTML in the content layer instead of
 * leaving each one to become a JS module the bundler compiles (the build's biggest memory
 * peak at 10,000 cases). Each body is rendered once for both scripts (render-body.ts) and
 * stored as the entry's `rendered`: the 简体 HTML as `rendered.html`, both scripts'
 * HTML in `rendered.metadata.scripts`; pages print it with components/Body.astro.
 *
 * Only for untrusted content (content/site.yaml without `trustedMdx: true`): a body with
 * no code renders the same either way. With `trustedMdx`, and for a body only the MDX
 * module path can render (highlighted code, a local image) or one the pipeline refuses
 * (its error is then reported by the MDX compiler exactly as before), the entry stays a
 * module (`deferredRender`).
 *
 * Astro's data store keeps entries between builds; the glob loader skips a file whose
 * bytes are unchanged. A stored body is reused only when the pipeline's inputs are too
 * (the code, site.yaml, glossary.yaml: {@link renderFingerprint}); otherwise the wrapper
 * hides it from the loader, which reads the file again.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { MarkdownHeading } from '@astrojs/markdown-remark';
import { codeFingerprint, digest, fileDigest } from '../compendium/cache-key.ts';
import { contentPaths } from '../content/paths.ts';
import { loadSiteConfig } from '../content/site-config.ts';
import type { Script } from '../../schemas/script.ts';
import { renderBody } from './render-body.ts';

/** What a body rendered in the content layer keeps in `rendered.metadata`. */
export interface RenderedBodyMetadata {
	headings: MarkdownHeading[];
	/** The body's HTML in each script. */
	scripts: Record<Script, string>;
	/** The {@link renderFingerprint} it was rendered with. */
	renderedWith: string;
}

type StoredEntry = Parameters<LoaderContext['store']['set']>[0];

/** The inputs of the body pipeline besides the body: the code, the site settings, the glossary. */
export function renderFingerprint(): string {
	return digest(codeFingerprint(), fileDigest(contentPaths.site()), fileDigest(contentPaths.glossary()));
}

/** The metadata of an entry rendered here, or undefined for any other entry. */
export function renderedBody(entry: { rendered?: { metadata?: Record<string, unknown> } | undefined }): RenderedBodyMetadata | undefined {
	const metadata = entry.rendered?.metadata as Partial<RenderedBodyMetadata> | undefined;
	return metadata?.scripts && metadata.renderedWith ? (metadata as RenderedBodyMetadata) : undefined;
}

/** `loader` (a glob loader of .mdx files) with bodies rendered to HTML for both scripts unless the site trusts MDX. */
export function renderedBodies(loader: Loader): Loader {
	return {
		...loader,
		load: async (context: LoaderContext) => {
			const trusted = loadSiteConfig().trustedMdx === true;
			const fingerprint = renderFingerprint();
			const target = context.store;
			const pending = new Set<Promise<unknown>>();
			const current = (entry: StoredEntry | undefined) => {
				if (!entry) return entry;
				const rendered = renderedBody(entry);
				// A stale rendering, or one the site no longer wants: the loader reads the file again.
				if (rendered && (trusted || rendered.renderedWith !== fingerprint)) return undefined;
				if (!rendered && !trusted && entry.deferredRender) return undefined;
				return entry;
			};
			const render = async (entry: StoredEntry) => {
				const existing = target.get(entry.id);
				const frontmatter = entry.data as Record<string, unknown>;
				const file = path.resolve(fileURLToPath(context.config.root), entry.filePath!);
				let rendered;
				try {
					rendered = await renderBody(entry.body ?? '', frontmatter, file, { trustedMdx: false });
				} catch {
					// The MDX compiler reports it, located, when the page imports the module.
					rendered = undefined;
				}
				if (existing) target.delete(entry.id);
				if (!rendered) return target.set(entry);
				const { deferredRender: _module, ...rest } = entry;
				const metadata: RenderedBodyMetadata = { headings: rendered.headings, scripts: rendered.html, renderedWith: fingerprint };
				return target.set({ ...rest, rendered: { html: rendered.html.hans, metadata: metadata as unknown as Record<string, unknown> } });
			};
			const store = new Proxy(target, {
				get(object, key, receiver) {
					if (key === 'get') return (id: string) => current(object.get(id));
					if (key === 'set')
						return (entry: StoredEntry) => {
							if (trusted || !entry.deferredRender || !entry.filePath) return object.set(entry);
							const job = render(entry).finally(() => pending.delete(job));
							pending.add(job);
							return true;
						};
					const value = Reflect.get(object, key, receiver);
					return typeof value === 'function' ? value.bind(object) : value;
				},
			});
			await loader.load({ ...context, store });
			// Entries the loader set are stored before the content layer saves the store.
			await Promise.all(pending);
		},
	};
}
