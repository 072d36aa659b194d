/**
 * A content loader wrapper that renders MDX bodies to HTML in the content layer instead of
 * leaving each one to become a JS module the bundler compiles (the build's biggest memory
 * peak at 10,000 cases). Each body is rendered once for both scripts (render-body.ts) and
 * written to one file per script in the cache directory (`rendered-bodies/<collection>/<fingerprint>/`,
 * by {@link renderFingerprint}; each named by entry, file digest and fingerprint); the entry's
 * `rendered.metadata` says where, and pages print the file with components/Body.astro.
 *
 * Why files and not the entry itself: Astro bundles the whole data store into the site's
 * prerender code as one string literal (astro:data-layer-content), parsed again when pages
 * render. With both scripts' HTML in it, that module was 35 MB at 2,000 cases (about
 * 175 MB at 10,000), held several times over by the bundler and the page renderer; the
 * HTML is two thirds of it. A page needs only its own body, in its own script.
 *
 * Only for untrusted content (content/site.yaml without `trustedMdx: true`): a body with
 * no code renders the same either way. With `trustedMdx`, and for a body only the MDX
 * module path can render (highlighted code, a local image) or one the pipeline refuses
 * (its error is then reported by the MDX compiler exactly as before), the entry stays a
 * module (`deferredRender`).
 *
 * Astro's data store keeps entries between builds; the glob loader skips a file whose
 * bytes are unchanged. A stored body is reused only when the pipeline's inputs are too
 * (the code, site.yaml, glossary.yaml: {@link renderFingerprint}) and its files are still
 * there; otherwise the wrapper hides it from the loader, which reads the file again. Files
 * no entry points to any more are removed after each load.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { MarkdownHeading } from '@astrojs/markdown-remark';
import { codeFingerprint, digest, fileDigest } from '../compendium/cache-key.ts';
import { contentPaths } from '../content/paths.ts';
import { loadSiteConfig } from '../content/site-config.ts';
import { SCRIPTS, type Script } from '../../schemas/script.ts';
import { renderBody } from './render-body.ts';
import { removeInBackground } from '../files/remove-in-background.ts';
import { writeFileAtomicallyInBackground } from '../files/write-atomically.ts';

/** What a body rendered in the content layer keeps in `rendered.metadata`. */
export interface RenderedBodyMetadata {
	headings: MarkdownHeading[];
	/** The body's HTML files without the script: `<bodyFile>.<script>.html` ({@link bodyFileOf}). */
	bodyFile: string;
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
	return metadata?.bodyFile && metadata.renderedWith ? (metadata as RenderedBodyMetadata) : undefined;
}

/** The file holding a rendered body's HTML in one script. */
export function bodyFileOf(metadata: RenderedBodyMetadata, script: Script): string {
	return `${metadata.bodyFile}.${script}.html`;
}

/** The body's HTML in `script` when the content layer rendered it, or undefined for a body that stays a module. */
export function renderedBodyHtml(entry: Parameters<typeof renderedBody>[0], script: Script): string | undefined {
	const metadata = renderedBody(entry);
	return metadata && readFileSync(bodyFileOf(metadata, script), 'utf8');
}

/** Removes the body files in `dir` that no stored entry points to (edited, removed or re-rendered bodies). */
function pruneBodyFiles(dir: string, kept: Iterable<StoredEntry>): void {
	const live = new Set<string>();
	for (const entry of kept) {
		const metadata = renderedBody(entry);
		if (metadata) for (const script of SCRIPTS) live.add(path.basename(bodyFileOf(metadata, script)));
	}
	for (const name of readdirSync(dir)) if (!live.has(name)) rmSync(path.join(dir, name), { force: true });
}

/** What a folder of another pipeline's renderings is renamed to before it is removed. */
const STALE = '.stale-';

/**
 * The folder of the bodies rendered with `fingerprint` under `root`, made if missing. The
 * other pipelines' folders there hold only stale renderings (a change to the code, site.yaml
 * or the glossary makes every body stale): they are renamed aside, so a later build with
 * their fingerprint starts afresh, and removed in the background, not file by file
 * (10,000 cases leave 20,000 files).
 */
function bodyDir(root: string, fingerprint: string): string {
	mkdirSync(root, { recursive: true });
	const stale: string[] = [];
	for (const name of readdirSync(root)) {
		if (name === fingerprint) continue;
		const aside = name.startsWith(STALE) ? path.join(root, name) : path.join(root, `${STALE}${process.pid}-${Date.now()}-${name}`);
		if (!name.startsWith(STALE)) renameSync(path.join(root, name), aside);
		stale.push(aside);
	}
	removeInBackground(stale);
	const dir = path.join(root, fingerprint);
	mkdirSync(dir, { recursive: true });
	return dir;
}

/** `loader` (a glob loader of .mdx files) with bodies rendered to HTML for both scripts unless the site trusts MDX. */
export function renderedBodies(loader: Loader): Loader {
	return {
		...loader,
		load: async (context: LoaderContext) => {
			const trusted = loadSiteConfig().trustedMdx === true;
			const fingerprint = renderFingerprint();
			const target = context.store;
			const dir = bodyDir(path.join(fileURLToPath(context.config.cacheDir), 'rendered-bodies', context.collection), fingerprint);
			// The body files there now (listed once, not checked one by one), and those written since.
			const present = new Set(readdirSync(dir).map((name) => path.join(dir, name)));
			const pending = new Set<Promise<unknown>>();
			const current = (entry: StoredEntry | undefined) => {
				if (!entry) return entry;
				const rendered = renderedBody(entry);
				// A stale rendering, or one the site no longer wants: the loader reads the file again.
				if (rendered && (trusted || rendered.renderedWith !== fingerprint)) return undefined;
				// Its files are gone (a cleared cache beside a kept data store): rendered again.
				if (rendered && !SCRIPTS.every((script) => present.has(bodyFileOf(rendered, script)))) return undefined;
				if (!rendered && !trusted && entry.deferredRender) return undefined;
				return entry;
			};
			// The last set or delete of each id. In dev the glob loader sets an entry on every change
			// event, often two for one save, and renders run side by side: a slower render of an
			// earlier version must not land after a later one (the page would show an undone edit).
			const latest = new Map<string, object>();
			const claim = (id: string) => {
				const token = {};
				latest.set(id, token);
				return () => latest.get(id) === token;
			};
			const render = async (entry: StoredEntry, isLatest: () => boolean) => {
				const frontmatter = entry.data as Record<string, unknown>;
				const file = path.resolve(fileURLToPath(context.config.root), entry.filePath!);
				let rendered;
				try {
					rendered = await renderBody(entry.body ?? '', frontmatter, file, { trustedMdx: false });
				} catch {
					// The MDX compiler reports it, located, when the page imports the module.
					rendered = undefined;
				}
				if (!rendered) return isLatest() && replace(entry);
				const { deferredRender: _module, ...rest } = entry;
				const bodyFile = path.join(dir, digest(entry.id, entry.digest ?? entry.body ?? '', fingerprint));
				const metadata: RenderedBodyMetadata = { headings: rendered.headings, bodyFile, renderedWith: fingerprint };
				// Written by the thread pool while the loader reads and renders the next files.
				await Promise.all(SCRIPTS.map((script) => writeFileAtomicallyInBackground(bodyFileOf(metadata, script), rendered.html[script])));
				for (const script of SCRIPTS) present.add(bodyFileOf(metadata, script));
				// `rendered.html` stays empty: only Body.astro prints these bodies, from their files.
				return isLatest() && replace({ ...rest, rendered: { html: '', metadata: metadata as unknown as Record<string, unknown> } });
			};
			/** Stores `entry` in place of the one there (the store skips a set whose digest it already holds). */
			const replace = (entry: StoredEntry) => {
				if (target.has(entry.id)) target.delete(entry.id);
				return target.set(entry);
			};
			const store = new Proxy(target, {
				get(object, key, receiver) {
					if (key === 'get') return (id: string) => current(object.get(id));
					if (key === 'set')
						return (entry: StoredEntry) => {
							const isLatest = claim(entry.id);
							if (trusted || !entry.deferredRender || !entry.filePath) return object.set(entry);
							const job = render(entry, isLatest).finally(() => pending.delete(job));
							pending.add(job);
							return true;
						};
					if (key === 'delete')
						return (id: string) => {
							claim(id);
							return object.delete(id);
						};
					const value = Reflect.get(object, key, receiver);
					return typeof value === 'function' ? value.bind(object) : value;
				},
			});
			await loader.load({ ...context, store });
			// Entries the loader set are stored before the content layer saves the store.
			await Promise.all(pending);
			pruneBodyFiles(dir, target.values());
		},
	};
}
