/** Messages of `npm run new` (a new draft case) and `npm run new-issue` (a new 期). */
import { defineMessages } from './define.ts';
import texts from './new.json' with { type: 'json' };

/** The questions, answers and errors of `npm run new` and `npm run new-issue`. */
export const newMessages = defineMessages({
	// npm run new: questions
	confirmRegion: (name: string, code: string) => ({ zh: `地区：${name}（${code}），对吗？`, en: `Region: ${name} (${code}). Correct?` }),
	regionFound: (name: string, code: string) => ({ zh: `地区：${name}（${code}），由报送单位得出`, en: `Region: ${name} (${code}), from the unit` }),
	required: (what: string) => ({ zh: `请填写${what}`, en: `${what} is required` }),
	badDateAnswer: (value: string) => ({ zh: `“${value}”不是有效日期，请写成 2024-06-30`, en: `"${value}" is not a date; write it as 2024-06-30` }),
	slugTaken: (file: string) => ({ zh: `${file} 已存在，请换一个文件名`, en: `${file} already exists; choose another name` }),

	// searchable multiselect
	matches: (count: number) => ({ zh: `（${count} 项符合）`, en: ` (${count} match${count === 1 ? '' : 'es'})` }),
	selectedCount: (count: number) => ({ zh: `已选 ${count} 项`, en: `${count} selected` }),

	// npm run new: errors and result
	noTerminal: (flags: string) => ({ zh: `没有终端可供提问：请用选项给出 ${flags}`, en: `no terminal to ask in: pass ${flags}` }),
	badScript: (value: string) => ({
		zh: `--script 只能是 hans（简体）或 hant（繁體），收到“${value}”`,
		en: `--script: expected hans or hant, found "${value}"`,
	}),
	badDate: (flag: string, value: string) => ({
		zh: `${flag} 应为日期，如 2024-06-30，收到“${value}”`,
		en: `${flag}: expected a date such as 2024-06-30, found "${value}"`,
	}),
	badSlug: (value: string, suggestion: string) => ({
		zh: `--slug 只能用小写字母、数字和连字符（它会成为网址），收到“${value}”；可以用 ${suggestion}`,
		en: `--slug: expected lowercase letters, digits and hyphens (it becomes the URL), found "${value}"; try ${suggestion}`,
	}),
	regionNotFound: (value: string) => ({
		zh: `--region：找不到“${value}”，请写行政区划代码（如 330822）或县市名称（如 常山县）`,
		en: `--region: no division "${value}"; give a code such as 330822 or a name such as 常山县`,
	}),
	regionAmbiguous: (value: string, options: string) => ({
		zh: `--region：“${value}”有多个：${options}；请写代码`,
		en: `--region: "${value}" is ambiguous: ${options}; pass the code`,
	}),
	regionUnknown: (unit: string) => ({
		zh: `无法从报送单位“${unit}”看出所在县市：请用 --region 给出，如 --region 常山县 或 --region 330822`,
		en: `cannot tell the county from the unit "${unit}": pass --region, e.g. --region 常山县 or --region 330822`,
	}),
	unknownMethod: (given: string, suggestions: string[]) => ({
		zh: `--methods：没有名为“${given}”的方法${suggestions.length ? `；您是不是要找 ${suggestions.join(' 或 ')}？` : '；可选的方法见 content/methods.yaml'}`,
		en: `--methods: no method called "${given}"${suggestions.length ? `; did you mean ${suggestions.join(' or ')}?` : '; see content/methods.yaml for the list'}`,
	}),
	fileExists: (file: string, free: string) => ({
		zh: `${file} 已存在，不会覆盖。请用 --slug 另取文件名，如 --slug ${free}`,
		en: `${file} already exists and is never overwritten; choose another name, e.g. --slug ${free}`,
	}),
	wrote: (file: string) => ({ zh: `已写入 ${file}`, en: `Wrote ${file}` }),
	preview: (url: string) => ({ zh: `运行 npm run dev 后在浏览器打开预览：${url}`, en: `Preview after npm run dev at: ${url}` }),

	// scaffold problems
	problemRegion: (value: string) => ({
		zh: `region（地区）：应为县级及以上行政区划代码，收到“${value}”`,
		en: `region: expected a GB/T 2260 county-level-or-above code, found "${value}"`,
	}),
	problemMethod: (slug: string) => ({
		zh: `methods（方法）：content/methods.yaml 中没有“${slug}”`,
		en: `methods: unknown method "${slug}": not in content/methods.yaml`,
	}),
	problemSlug: (value: string) => ({
		zh: `文件名：只能用小写字母、数字和连字符（它会成为网址），收到“${value}”`,
		en: `slug: expected lowercase letters, digits and hyphens (it becomes the URL), found "${value}"`,
	}),
	problemDate: (value: string) => ({ zh: `date（日期）：应为 YYYY-MM-DD，收到“${value}”`, en: `date: expected YYYY-MM-DD, found "${value}"` }),

	// npm run new-issue
	seriesHint: (count: number, last: number) => ({ zh: `已有 ${count} 期，最近为第 ${last} 期`, en: `${count} issue(s), latest no. ${last}` }),
	badNumberAnswer: (value: string) => ({ zh: `“${value}”不是正整数期号`, en: `"${value}" is not a whole number above 0` }),
	numberTaken: (number: number, file: string) => ({ zh: `第 ${number} 期已有：${file}`, en: `no. ${number} exists already: ${file}` }),
	caseHint: (id: string, date: string, draft: boolean) => ({
		zh: `${id} · ${date}${draft ? ' · 草稿' : ''}`,
		en: `${id} · ${date}${draft ? ' · draft' : ''}`,
	}),
	noteInEditor: (editor: string) => ({ zh: `用编辑器 ${editor} 写（可以写多段）`, en: `in the editor ${editor} (several paragraphs)` }),
	openingEditor: (editor: string) => ({ zh: `正在打开编辑器 ${editor} 写编者按……`, en: `Opening ${editor} for the editor's note…` }),
	editorFailed: (editor: string, detail: string) => ({
		zh: `无法用编辑器 ${editor} 写编者按（${detail}）：请检查 EDITOR 环境变量，或用 --note / --note-file 给出`,
		en: `could not run the editor ${editor} (${detail}): check the EDITOR variable, or pass --note / --note-file`,
	}),
	noteFileUnreadable: (file: string) => ({ zh: `--note-file：读不到文件 ${file}`, en: `--note-file: cannot read ${file}` }),
	issueNoTerminal: (flags: string) => ({ zh: `没有终端可供提问：请用选项给出 ${flags}`, en: `no terminal to ask in: pass ${flags}` }),
	newSeriesNeedsOrganization: (series: string) => ({
		zh: `“${series}”是新系列，请用 --organization 给出编印单位`,
		en: `"${series}" is a new series: pass --organization`,
	}),
	badNumber: (value: string) => ({
		zh: `--number 应为正整数期号，收到“${value}”`,
		en: `--number: expected a whole number above 0, found "${value}"`,
	}),
	badTotalNumber: (value: string) => ({
		zh: `--total-number 应为正整数，收到“${value}”`,
		en: `--total-number: expected a whole number above 0, found "${value}"`,
	}),
	issueExists: (series: string, number: number, file: string) => ({
		zh: `“${series}”第 ${number} 期已有：${file}。要改它请直接编辑该文件；要新建请换一个期号`,
		en: `"${series}" no. ${number} exists already: ${file}. Edit that file, or choose another number`,
	}),
	unknownCase: (given: string, suggestions: string[]) => ({
		zh: `--cases：没有案例“${given}”${suggestions.length ? `；您是不是要找 ${suggestions.join(' 或 ')}？` : '；案例文件在 content/cases，写文件名（不带 .mdx）'}`,
		en: `--cases: no case "${given}"${suggestions.length ? `; did you mean ${suggestions.join(' or ')}?` : '; give the file name under content/cases without .mdx'}`,
	}),
	noCasesYet: (dir: string) => ({
		zh: `${dir} 里还没有案例：先用 npm run import 或 npm run new 添加`,
		en: `no cases in ${dir} yet: add some with npm run import or npm run new`,
	}),
	issueProblems: (problems: string) => ({ zh: `本期内容不完整：\n${problems}`, en: `the issue is incomplete:\n${problems}` }),
	issuePreview: (url: string) => ({ zh: `运行 npm run dev 后在浏览器打开预览：${url}`, en: `Preview after npm run dev at: ${url}` }),
	// The fixed texts, without values: new.json.
	...texts,
});
