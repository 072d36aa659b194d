/**
 * The message catalogue's one mechanism: every command-line message is written once in
 * Chinese and once in English, next to each other, and read in the current language.
 *
 * An area's catalogue is two files side by side. `<area>.json` holds the fixed texts, plain data
 * a translator edits without reading code: `{ "errorLabel": { "zh": "错误", "en": "error" } }`.
 * `<area>.ts` holds the messages built from values, as functions whose texts are template
 * strings (so the compiler checks every value a caller passes), and spreads the JSON in last:
 *
 *   import texts from './check.json' with { type: 'json' };
 *   export const checkMessages = defineMessages({
 *     summary: (errors: number) => ({ zh: `${errors} 个错误`, en: `${errors} error(s)` }),
 *     ...texts,
 *   });
 *   console.log(checkMessages.errorLabel(), checkMessages.summary(3));
 *
 * The JSON's keys are typed, so a misspelt key at a call site fails the type check; a key in
 * both files fails it too (TS2783, the spread would overwrite it), which is why the spread is last.
 */
import { messageLanguage } from './language.ts';

/** One message in both languages. */
export interface Bilingual {
	zh: string;
	en: string;
}

type MessageTable = Record<string, Bilingual | ((...args: never[]) => Bilingual)>;

/** The table's messages as functions that return the text in the current language. */
export type Messages<T extends MessageTable> = {
	[K in keyof T]: T[K] extends (...args: infer A) => Bilingual ? (...args: A) => string : () => string;
};

/** Wraps a table of bilingual messages so each call returns the current language's text. */
export function defineMessages<T extends MessageTable>(table: T): Messages<T> {
	const out = {} as Record<string, (...args: never[]) => string>;
	for (const [key, message] of Object.entries(table)) {
		out[key] = typeof message === 'function' ? (...args: never[]) => message(...args)[messageLanguage()] : () => message[messageLanguage()];
	}
	return out as Messages<T>;
}

/** Picks the current language's text of one bilingual pair (for text built elsewhere). */
export function localized(text: Bilingual): string {
	return text[messageLanguage()];
}
