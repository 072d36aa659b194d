/**
 * The content schemas' own messages (src/schemas): what a field expects, with an example.
 * Zod calls them when it reports a problem, so they speak the language of the moment.
 */
import { defineMessages } from './define.ts';

const found = (value: unknown) => JSON.stringify(value);

/** What each schema field expects, for zod to report. */
export const schemaMessages = defineMessages({
	caseTitle: { zh: '案例需要标题（title）', en: 'a case needs a title' },
	caseUnit: { zh: '需要填写报送单位，照原文写，如 县委组织部', en: 'a case needs the reporting unit as written, e.g. 县委组织部' },
	methodSlug: { zh: '应为方法的 slug（小写字母、数字和连字符），如 party-building', en: 'expected a method slug such as party-building' },
	methodsMin: { zh: '至少列一个 content/methods.yaml 中的方法 slug', en: 'list at least one method slug from content/methods.yaml' },
	summary: { zh: '案例需要一两句话的摘要（summary）', en: 'a case needs a one- or two-sentence summary' },
	status: (input: unknown) => ({
		zh: `应为 "draft" 或 "published"，现在是 ${found(input)}`,
		en: `expected "draft" or "published", found ${found(input)}`,
	}),
	qualifier: (choices: string, input: unknown) => ({
		zh: `应为 ${choices} 之一（准确数字请不写 qualifier），现在是 ${found(input)}`,
		en: `expected one of ${choices} (or leave qualifier out for an exact figure), found ${found(input)}`,
	}),
	metricLabel: { zh: '指标需要说明统计的是什么（label），如 群众好评率', en: 'a metric needs a label saying what is counted, e.g. 群众好评率' },
	metricValue: {
		zh: '应为数字，如“1.2万人次”写 12000（不加引号、不带单位）',
		en: 'expected a number, e.g. 12000 for "1.2万人次" (no quotes, no unit)',
	},
	metricUnit: { zh: '指标需要单位，如 件、人次、元 或 %', en: 'a metric needs a unit, e.g. 件, 人次, 元 or %' },
	metricText: { zh: '指标需要照原文写的数字（text），如 "1.2万人次"', en: 'a metric needs the figure exactly as written, e.g. "1.2万人次"' },
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
	publisher: { zh: '需要填写发布单位，如 中共湖南省委组织部', en: 'name the publisher, e.g. 中共湖南省委组织部' },
	url: (input: unknown) => ({
		zh: `应为以 http:// 或 https:// 开头的完整网址，现在是 ${found(input)}`,
		en: `expected a full URL starting with http:// or https://, found ${found(input)}`,
	}),
	series: { zh: '期需要系列名称（series），如 典型经验做法摘编', en: 'an issue needs its series name, e.g. 典型经验做法摘编' },
	issueNumber: { zh: '期号应为整数，如 3', en: 'expected the issue number as a whole number, e.g. 3' },
	organization: { zh: '期需要编印单位（organization）', en: 'an issue needs its compiling organisation (编印单位)' },
	issueCases: { zh: '一期至少列一个案例', en: 'an issue lists at least one case' },
	regionCodeType: {
		zh: '应为带引号的 6 位 GB/T 2260 行政区划代码，如 "330822"',
		en: 'expected a 6-digit GB/T 2260 division code as a quoted string, e.g. "330822"',
	},
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
	slug: { zh: '只能用小写字母、数字和连字符，如 party-building', en: 'expected lowercase letters, digits and hyphens, e.g. party-building' },
	script: (input: unknown) => ({
		zh: `应为 "hans"（简体）或 "hant"（繁體），现在是 ${found(input)}`,
		en: `expected "hans" (简体) or "hant" (繁體), found ${found(input)}`,
	}),
	siteUrl: (input: unknown) => ({
		zh: `网站地址应以 http:// 或 https:// 开头，现在是 ${found(input)}`,
		en: `expected the site's address starting with http:// or https://, found ${found(input)}`,
	}),
});
