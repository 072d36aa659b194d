/**
 * The compendium's collections. Shapes come from src/schemas/ (the single source of
 * truth, shared with `npm run check` and the importer); content lives in content/.
 * Case and issue bodies are rendered to HTML for both scripts in the content layer unless
 * the site trusts MDX (src/lib/markdown/rendered-bodies.ts), so they never become modules.
 * In `astro dev` an entry with errors is left out rather than stopping the server: the
 * integration shows the error in the browser until it is fixed (src/lib/build/dev-content*.ts).
 * Cases and issues come from Astro's glob loader, which here does not parse a file whose
 * bytes are those of its stored entry (src/lib/content/unchanged-files.ts), and Astro saves
 * its data store once, after they have loaded (src/lib/content/save-after-load.ts). Cases
 * are stored without their raw MDX (src/lib/content/without-body.ts): pages show the
 * rendered body, and issue pages still read an issue's body to see whether it has a note.
 */
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { z } from 'astro/zod';
import { parse } from 'yaml';
import { CaseSchema } from './schemas/case.ts';
import { IssueSchema } from './schemas/issue.ts';
import { MethodSchema } from './schemas/method.ts';
import { keepServingInDev } from './lib/build/dev-content-loader.ts';
import { renderedBodies } from './lib/markdown/rendered-bodies.ts';
import { contentPaths } from './lib/content/paths.ts';
import { globKeepingUnchanged } from './lib/content/unchanged-files.ts';
import { saveAfterLoad } from './lib/content/save-after-load.ts';
import { withoutBody } from './lib/content/without-body.ts';

export const collections = {
	cases: defineCollection({
		loader: saveAfterLoad(keepServingInDev(withoutBody(renderedBodies(globKeepingUnchanged({ base: contentPaths.cases(), pattern: '**/*.mdx' }))))),
		schema: CaseSchema,
	}),
	issues: defineCollection({
		loader: saveAfterLoad(keepServingInDev(renderedBodies(globKeepingUnchanged({ base: contentPaths.issues(), pattern: '**/*.mdx' })))),
		schema: IssueSchema,
	}),
	methods: defineCollection({
		loader: keepServingInDev(
			file(contentPaths.methods(), {
				parser: (text) => (parse(text) as Array<{ slug: string }>).map((m) => ({ id: m.slug, ...m })),
			}),
		),
		schema: MethodSchema.extend({ id: z.string() }),
	}),
};
