/**
 * The one script every page loads (from Base.astro): the 简/繁 switch keeps the query,
 * the 大字 toggle, the 对比 buttons, and 打印/复制链接 on case pages. Small on purpose: the case page's whole
 * JavaScript stays under 5 KB gzip (tests/build/reader.test.ts measures it).
 */
import { enhanceCaseTools } from './case-tools.ts';
import { enhanceCompareButtons } from './compare-buttons.ts';
import { enhanceReadingToggle } from './reading-mode.ts';
import { enhanceScriptSwitch } from './script-switch.ts';

/** Wires every page's shared controls: script switch, reading mode, 对比 buttons and case tools. */
export function enhanceSite(doc: Document): void {
	enhanceScriptSwitch(doc);
	enhanceReadingToggle(doc);
	enhanceCompareButtons(doc);
	enhanceCaseTools(doc);
}
