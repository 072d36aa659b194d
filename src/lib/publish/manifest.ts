/**
 * The web app manifest of each edition: its name in its own script, its home as the
 * start page, the site's own icon. No install prompt is wanted; this names the site
 * properly when a reader pins it to a phone's home screen.
 */
import type { Site } from '../../schemas/site.ts';
import type { Script } from '../../schemas/script.ts';
import { SCRIPT_LANG } from '../i18n/scripts.ts';
import { toScript } from '../i18n/script-text.ts';
import { pagePath, withBase } from '../routes.ts';

/** The header's red and the page background (src/styles/global.css). */
export const THEME_COLOR = '#a3111a';
const BACKGROUND_COLOR = '#fbfaf7';

/** The manifest of one edition (served as manifest.webmanifest under its script's folder). */
export function webManifest(site: Pick<Site, 'title' | 'description' | 'base'>, script: Script) {
	const base = withBase(site.base);
	const start = pagePath(base, script, { kind: 'home' });
	return {
		name: toScript(site.title, 'hans', script),
		short_name: toScript(site.title, 'hans', script),
		description: toScript(site.description, 'hans', script),
		lang: SCRIPT_LANG[script],
		dir: 'ltr',
		start_url: start,
		scope: start,
		display: 'minimal-ui',
		theme_color: THEME_COLOR,
		background_color: BACKGROUND_COLOR,
		icons: [{ src: `${base}favicon.svg`, sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
	};
}
