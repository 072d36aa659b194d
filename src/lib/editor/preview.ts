/**
 * The address at which `npm run dev` shows a page, printed after `npm run new` and
 * `npm run new-issue` so the editor can open what was just written.
 */
import type { Script } from '../../schemas/script.ts';
import { pageUrl, type PageRef } from '../routes.ts';

/** Astro's dev server address unless told otherwise. */
export const DEV_ORIGIN = 'http://localhost:4321';

/** The dev-server URL of a page: http://localhost:4321/zh-hans/cases/<id>/. */
export function previewUrl(ref: PageRef, base: string, script: Script = 'hans', origin: string = DEV_ORIGIN): string {
	return pageUrl(origin, base, script, ref);
}
