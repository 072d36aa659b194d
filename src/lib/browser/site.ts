/**
 * The one script every page loads (from Base.astro): the 简/繁 switch keeps the query,
 * the 大字 toggle, and the 对比 buttons. Small on purpose: the case page's whole
 * JavaScript stays under 5 KB gzip (tests/build/reader.test.ts measures it).
 */
import { enhanceCompareButtons } from './compare-buttons.ts';
import { enhanceReadingToggle } from './reading-mode.ts';
import { enhanceScriptSwitch } from './script-switch.ts';

export function enhanceSite(doc: Document): void {
	enhanceScriptSwitch(doc);
	enhanceReadingToggle(doc);
	enhanceCompareButtons(doc);
}
