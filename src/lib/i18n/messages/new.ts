/** Messages of `npm run new` (a new draft case) and `npm run new-issue` (a new 期). */
import { defineMessages } from './define.ts';

/** The questions, answers and errors of `npm run new` and `npm run new-issue`. */
export const newMessages = defineMessages({
	// npm run new: questions
	intro: { zh: '新建案例草稿', en: 'New draft case' },
	askTitle: { zh: '标题（不含单位）', en: 'Title (without the unit)' },
	askSubtitle: { zh: '副标题（没有就直接回车）', en: 'Subtitle (Enter for none)' },
	askUnit: { zh: '报送单位（照原文写，如 常山县委组织部）', en: 'Reporting unit (as written, e.g. 常山县委组织部)' },
	confirmRegion: (name: string, code: string) => ({ zh: `地区：${name}（${code}），对吗？`, en: `Region: ${name} (${code}). Correct?` }),
	regionFound: (name: string, code: string) => ({ zh: `地区：${name}（${code}），由报送单位得出`, en: `Region: ${name} (${code}), from the unit` }),
	yes: { zh: '是', en: 'Yes' },
	no: { zh: '否', en: 'No' },
	askRegion: { zh: '地区（输入县、市或省名，或行政区划代码）', en: 'Region (type a county, city or province name, or a code)' },
	askTownship: { zh: '乡镇（街道）（没有就直接回车）', en: 'Township or street (Enter for none)' },
	askDate: { zh: '日期（YYYY-MM-DD，如 2024-06-30）', en: 'Date (YYYY-MM-DD, e.g. 2024-06-30)' },
	askMethods: { zh: '方法（可多选）', en: 'Methods (choose one or more)' },
	askSummary: { zh: '摘要，一两句话（暂时没有就直接回车，稍后补）', en: 'Summary, one or two sentences (Enter to fill in later)' },
	askScript: { zh: '正文用字（↑/↓ 选择，回车确认）', en: 'Script of the text (↑/↓, Enter)' },
	askSlug: { zh: '文件名（也是网址的一部分，只用小写字母、数字和连字符）', en: 'File name (also the URL: lowercase letters, digits, hyphens)' },
	scriptHans: { zh: '简体（hans）', en: 'simplified (hans)' },
	scriptHant: { zh: '繁體（hant）', en: 'traditional (hant)' },
	required: (what: string) => ({ zh: `请填写${what}`, en: `${what} is required` }),
	whatTitle: { zh: '标题', en: 'the title' },
	whatUnit: { zh: '报送单位', en: 'the unit' },
	badDateAnswer: (value: string) => ({ zh: `“${value}”不是有效日期，请写成 2024-06-30`, en: `"${value}" is not a date; write it as 2024-06-30` }),
	badSlugAnswer: {
		zh: '只能用小写字母、数字和连字符，如 changshan-cunqing',
		en: 'use lowercase letters, digits and hyphens only, e.g. changshan-cunqing',
	},
	slugTaken: (file: string) => ({ zh: `${file} 已存在，请换一个文件名`, en: `${file} already exists; choose another name` }),
	cancelled: { zh: '已取消，未写入任何文件。', en: 'Cancelled; nothing was written.' },

	// searchable multiselect
	searchLabel: { zh: '搜索：', en: 'Search:' },
	searchPlaceholder: { zh: '输入文字筛选', en: 'type to filter' },
	matches: (count: number) => ({ zh: `（${count} 项符合）`, en: ` (${count} match${count === 1 ? '' : 'es'})` }),
	noMatches: { zh: '没有符合的项', en: 'No matches' },
	multiselectHelp: { zh: '↑/↓ 移动 · 空格 选中/取消 · 回车 确认 · 输入文字 筛选', en: '↑/↓ move · Space select · Enter confirm · type to filter' },
	selectHelp: { zh: '↑/↓ 移动 · 回车 确认 · 输入文字 筛选', en: '↑/↓ move · Enter confirm · type to filter' },
	selectedCount: (count: number) => ({ zh: `已选 ${count} 项`, en: `${count} selected` }),
	chooseAtLeastOne: { zh: '请至少选一项（空格选中）', en: 'choose at least one (Space selects)' },

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
	noMethods: { zh: '--methods 至少给一个方法（中文名称或 slug）', en: '--methods: give at least one method (Chinese name or slug)' },
	fileExists: (file: string, free: string) => ({
		zh: `${file} 已存在，不会覆盖。请用 --slug 另取文件名，如 --slug ${free}`,
		en: `${file} already exists and is never overwritten; choose another name, e.g. --slug ${free}`,
	}),
	wrote: (file: string) => ({ zh: `已写入 ${file}`, en: `Wrote ${file}` }),
	preview: (url: string) => ({ zh: `运行 npm run dev 后在浏览器打开预览：${url}`, en: `Preview after npm run dev at: ${url}` }),
	nextSteps: {
		zh: '下一步：在文件中写正文，补齐 review 列出的各项，然后运行 npm run check。',
		en: 'Next: write the text in the file, fill in the fields listed under review, then run npm run check.',
	},

	// scaffold problems
	problemTitle: { zh: 'title（标题）：不能为空', en: 'title: expected the headline, found nothing' },
	problemUnit: {
		zh: 'unit（报送单位）：不能为空，照原文写，如 县委组织部',
		en: 'unit: expected the reporting unit as written, e.g. 县委组织部, found nothing',
	},
	problemRegion: (value: string) => ({
		zh: `region（地区）：应为县级及以上行政区划代码，收到“${value}”`,
		en: `region: expected a GB/T 2260 county-level-or-above code, found "${value}"`,
	}),
	problemNoMethods: { zh: 'methods（方法）：至少选一个', en: 'methods: expected at least one method' },
	problemMethod: (slug: string) => ({
		zh: `methods（方法）：content/methods.yaml 中没有“${slug}”`,
		en: `methods: unknown method "${slug}": not in content/methods.yaml`,
	}),
	problemSlug: (value: string) => ({
		zh: `文件名：只能用小写字母、数字和连字符（它会成为网址），收到“${value}”`,
		en: `slug: expected lowercase letters, digits and hyphens (it becomes the URL), found "${value}"`,
	}),
	problemDate: (value: string) => ({ zh: `date（日期）：应为 YYYY-MM-DD，收到“${value}”`, en: `date: expected YYYY-MM-DD, found "${value}"` }),
	reviewComment: {
		zh: '由 npm run new 留下：逐项补齐或核对后，把它从此列表中删去',
		en: 'left for you by `npm run new`: fill these in, then remove them from this list',
	},

	// npm run new-issue
	issueIntro: { zh: '新建一期', en: 'New issue' },
	askSeries: { zh: '系列（刊名），可输入文字筛选', en: 'Series (type to filter)' },
	newSeries: { zh: '（新系列：自己输入名称）', en: '(new series: type its name)' },
	seriesHint: (count: number, last: number) => ({ zh: `已有 ${count} 期，最近为第 ${last} 期`, en: `${count} issue(s), latest no. ${last}` }),
	askNewSeries: { zh: '新系列的名称，如 典型经验做法摘编', en: 'Name of the new series, e.g. 典型经验做法摘编' },
	whatSeries: { zh: '系列名称', en: 'the series name' },
	askNumber: { zh: '期号（第几期）', en: 'Issue number' },
	badNumberAnswer: (value: string) => ({ zh: `“${value}”不是正整数期号`, en: `"${value}" is not a whole number above 0` }),
	numberTaken: (number: number, file: string) => ({ zh: `第 ${number} 期已有：${file}`, en: `no. ${number} exists already: ${file}` }),
	askIssueDate: { zh: '印发日期（YYYY-MM-DD）', en: 'Date of issue (YYYY-MM-DD)' },
	askOrganization: { zh: '编印单位（印在报头左下方）', en: 'Compiling organisation (编印单位, printed in the masthead)' },
	whatOrganization: { zh: '编印单位', en: 'the compiling organisation' },
	askInternal: { zh: '印“内部资料 注意保存”吗？', en: 'Print the 内部资料 注意保存 mark?' },
	askCases: {
		zh: '本期案例（按选中顺序排印；输入标题、单位或文件名筛选）',
		en: 'Cases of this issue (printed in the order ticked; type a title, unit or id to filter)',
	},
	caseHint: (id: string, date: string, draft: boolean) => ({
		zh: `${id} · ${date}${draft ? ' · 草稿' : ''}`,
		en: `${id} · ${date}${draft ? ' · draft' : ''}`,
	}),
	noteHow: { zh: '编者按怎么写？', en: "How do you want to write the editor's note?" },
	noteInline: { zh: '在这里直接输入（一段话）', en: 'type it here (one paragraph)' },
	noteInEditor: (editor: string) => ({ zh: `用编辑器 ${editor} 写（可以写多段）`, en: `in the editor ${editor} (several paragraphs)` }),
	askNote: { zh: '编者按（一段话；没有就直接回车）', en: "Editor's note (one paragraph; Enter for none)" },
	noteTemplate: {
		zh: '// 在下面写本期的编者按，段与段之间空一行。写完保存并关闭编辑器。\n// 以 // 开头的行不会写入文件；全部留空则不写编者按。\n',
		en: "// Write the issue's editor's note below, a blank line between paragraphs. Save and close the editor when done.\n// Lines starting with // are left out; leave it empty for no note.\n",
	},
	openingEditor: (editor: string) => ({ zh: `正在打开编辑器 ${editor} 写编者按……`, en: `Opening ${editor} for the editor's note…` }),
	editorFailed: (editor: string, detail: string) => ({
		zh: `无法用编辑器 ${editor} 写编者按（${detail}）：请检查 EDITOR 环境变量，或用 --note / --note-file 给出`,
		en: `could not run the editor ${editor} (${detail}): check the EDITOR variable, or pass --note / --note-file`,
	}),
	noteFileUnreadable: (file: string) => ({ zh: `--note-file：读不到文件 ${file}`, en: `--note-file: cannot read ${file}` }),
	noteBoth: { zh: '--note 和 --note-file 只能用一个', en: 'give --note or --note-file, not both' },
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
	noCases: { zh: '--cases 至少给一篇案例（文件名，不带 .mdx）', en: '--cases: give at least one case (its file name without .mdx)' },
	noCasesYet: (dir: string) => ({
		zh: `${dir} 里还没有案例：先用 npm run import 或 npm run new 添加`,
		en: `no cases in ${dir} yet: add some with npm run import or npm run new`,
	}),
	issueProblems: (problems: string) => ({ zh: `本期内容不完整：\n${problems}`, en: `the issue is incomplete:\n${problems}` }),
	allDraftsIssueDraft: {
		zh: '注意：所选案例都还是草稿，本期也先写为草稿（status: draft）。其中至少一篇发布（status: published）后，把本期文件里的 status 也改为 published，本期才会出现在网站和 PDF 中。',
		en: 'Note: every chosen case is still a draft, so the issue is written as a draft too (status: draft). Once at least one case is published, change the issue’s status to published for it to appear on the site and in the PDF.',
	},
	allDrafts: {
		zh: '注意：所选案例都还是草稿（status: draft）。本期要等其中至少一篇改为 status: published 后才会出现在网站和 PDF 中；npm run check 会报告此事。',
		en: 'Note: every chosen case is still a draft. The issue appears on the site and in the PDF once at least one is published; npm run check reports it.',
	},
	issuePreview: (url: string) => ({ zh: `运行 npm run dev 后在浏览器打开预览：${url}`, en: `Preview after npm run dev at: ${url}` }),
	issueNext: {
		zh: '下一步：npm run check 检查，npm run build 生成网站和 PDF（在 dist/pdf/ 下）。',
		en: 'Next: npm run check, then npm run build for the site and the PDF (under dist/pdf/).',
	},
});
