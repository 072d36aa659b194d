/** How an issue names itself in the page's script: series and 第N期 (or its own label such as （一）). */
import type { Issue } from '../../schemas/issue.ts';
import type { Script } from '../../schemas/script.ts';
import { toScript } from '../i18n/script-text.ts';
import { ui } from '../i18n/ui.ts';

/** The issue's series, number and compiling organisation, converted to `script`, for mastheads and links. */
export function issueLabel(issue: Issue, script: Script): { series: string; number: string; organization: string } {
	const tx = (text: string) => toScript(text, issue.script, script);
	return {
		series: tx(issue.series),
		number: issue.numberLabel ? tx(issue.numberLabel) : ui(script).issueNumber(issue.number),
		organization: tx(issue.organization),
	};
}
