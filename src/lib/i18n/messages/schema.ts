/**
 * The content schemas' own messages (src/schemas): what a field expects, with an example.
 * Zod calls them when it reports a problem, so they speak the language of the moment.
 */
import { defineMessages } from './define.ts';
import texts from './schema.json' with { type: 'json' };

const found = (value: unknown) => JSON.stringify(value);

/** What each schema field expects, for zod to report. */
export const schemaMessages = defineMessages({
	status: (input: unknown) => ({
		zh: `应为 "draft" 或 "published"，现在是 ${found(input)}`,
		en: `expected "draft" or "published", found ${found(input)}`,
	}),
	qualifier: (choices: string, input: unknown) => ({
		zh: `应为 ${choices} 之一（准确数字请不写 qualifier），现在是 ${found(input)}`,
		en: `expected one of ${choices} (or leave qualifier out for an exact figure), found ${found(input)}`,
	}),
	metricValueMismatch: (expected: number, text: string, value: number) => ({
		zh: `应为 ${expected}（“${text}”的数值），现在是 ${value}`,
		en: `expected ${expected} (the value of "${text}"), found ${value}`,
	}),
	metricUnitMismatch: (expected: string, text: string, unit: string) => ({
		zh: `应为 "${expected}"（“${text}”的单位），现在是 "${unit}"`,
		en: `expected "${expected}" (the unit of "${text}"), found "${unit}"`,
	}),
	metricQualifierMismatch: (expected: string, text: string, qualifier: string | undefined) => ({
		zh: `应为 "${expected}"（“${text}”是约数），现在${qualifier === undefined ? '没有填写' : `是 "${qualifier}"`}`,
		en: `expected "${expected}" (the text "${text}" is approximate), found ${qualifier === undefined ? 'none' : `"${qualifier}"`}`,
	}),
	url: (input: unknown) => ({
		zh: `应为以 http:// 或 https:// 开头的完整网址，现在是 ${found(input)}`,
		en: `expected a full URL starting with http:// or https://, found ${found(input)}`,
	}),
	regionCodeFormat: (code: string) => ({
		zh: `应为 6 位 GB/T 2260 行政区划代码，如 "330822"，现在是 ${found(code)}`,
		en: `expected a 6-digit GB/T 2260 division code, e.g. "330822", found ${found(code)}`,
	}),
	regionCodeUnknown: (code: string, suggestions: readonly string[]) => ({
		zh: `未知的行政区划代码 "${code}"：不是 GB/T 2260 中县级及以上的区划${suggestions.length ? `；是不是 ${suggestions.join(' 或 ')}？` : ''}`,
		en: `unknown division code "${code}": not a county-level-or-above division in GB/T 2260${suggestions.length ? `; did you mean ${suggestions.join(' or ')}?` : ''}`,
	}),
	date: (input: unknown) => ({
		zh:
			input === undefined
				? '应为 YYYY-MM-DD 格式的日期'
				: `应为 YYYY-MM-DD 格式的日期，现在是 ${input instanceof Date ? '不存在的日期' : found(input)}`,
		en:
			input === undefined
				? 'expected a date as YYYY-MM-DD'
				: `expected a date as YYYY-MM-DD, found ${found(input instanceof Date ? 'an invalid date' : input)}`,
	}),
	script: (input: unknown) => ({
		zh: `应为 "hans"（简体）或 "hant"（繁體），现在是 ${found(input)}`,
		en: `expected "hans" (简体) or "hant" (繁體), found ${found(input)}`,
	}),
	siteUrl: (input: unknown) => ({
		zh: `网站地址应以 http:// 或 https:// 开头，现在是 ${found(input)}`,
		en: `expected the site's address starting with http:// or https://, found ${found(input)}`,
	}),
	// The fixed texts, without values: schema.json.
	...texts,
});
