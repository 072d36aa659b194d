/** Messages of `npm run new` (a new draft case) and `npm run new-issue` (a new 期). */
import { defineMessages } from './define.ts';

export const newMessages = defineMessages({
	// npm run new: questions
	intro: () => ({ zh: '新建案例草稿', en: 'New draft case' }),
	askTitle: () => ({ zh: '标题（不含单位）', en: 'Title (without the unit)' }),
	askSubtitle: () => ({ zh: '副标题（没有就直接回车）', en: 'Subtitle (Enter for none)' }),
	askUnit: () => ({ zh: '报送单位（照原文写，如 常山县委组织部）', en: 'Reporting unit (as written, e.g. 常山县委组织部)' }),
	confirmRegion: (name: string, code: string) => ({ zh: `地区：${name}（${code}），对吗？`, en: `Region: ${name} (${code}). Correct?` }),
	regionFound: (name: string, code: string) => ({ zh: `地区：${name}（${code}），由报送单位得出`, en: `Region: ${name} (${code}), from the unit` }),
	yes: () => ({ zh: '是', en: 'Yes' }),
	no: () => ({ zh: '否', en: 'No' }),
	askRegion: () => ({ zh: '地区（输入县、市或省名，或行政区划代码）', en: 'Region (type a county, city or province name, or a code)' }),
	askTownship: () => ({ zh: '乡镇（街道）（没有就直接回车）', en: 'Township or street (Enter for none)' }),
	askDate: () => ({ zh: '日期（YYYY-MM-DD，如 2024-06-30）', en: 'Date (YYYY-MM-DD, e.g. 2024-06-30)' }),
	askMethods: () => ({ zh: '方法（可多选）', en: 'Methods (choose one or more)' }),
	askSummary: () => ({ zh: '摘要，一两句话（暂时没有就直接回车，稍后补）', en: 'Summary, one or two sentences (Enter to fill in later)' }),
	askScript: () => ({ zh: '正文用字（↑/↓ 选择，回车确认）', en: 'Script of the text (↑/↓, Enter)' }),
	askSlug: () => ({
		zh: '文件名（也是网址的一部分，只用小写字母、数字和连字符）',
		en: 'File name (also the URL: lowercase letters, digits, hyphens)',
	}),
	scriptHans: () => ({ zh: '简体（hans）', en: 'simplified (hans)' }),
	scriptHant: () => ({ zh: '繁體（hant）', en: 'traditional (hant)' }),
	required: (what: string) => ({ zh: `请填写${what}`, en: `${what} is required` }),
	whatTitle: () => ({ zh: '标题', en: 'the title' }),
	whatUnit: () => ({ zh: '报送单位', en: 'the unit' }),
	badDateAnswer: (value: string) => ({ zh: `“${value}”不是有效日期，请写成 2024-06-30`, en: `"${value}" is not a date; write it as 2024-06-30` }),
	badSlugAnswer: () => ({
		zh: '只能用小写字母、数字和连字符，如 changshan-cunqing',
		en: 'use lowercase letters, digits and hyphens only, e.g. changshan-cunqing',
	}),
	slugTaken: (file: string) => ({ zh: `${file} 已存在，请换一个文件名`, en: `${file} already exists; choose another name` }),
	cancelled: () => ({ zh: '已取消，未写入任何文件。', en: 'Cancelled; nothing was written.' }),

	// searchable multiselect
	searchLabel: () => ({ zh: '搜索：', en: 'Search:' }),
	searchPlaceholder: () => ({ zh: '输入文字筛选', en: 'type to filter' }),
	matches: (count: number) => ({ zh: `（${count} 项符合）`, en: ` (${count} match${count === 1 ? '' : 'es'})` }),
	noMatches: () => ({ zh: '没有符合的项', en: 'No matches' }),
	multiselectHelp: () => ({
		zh: '↑/↓ 移动 · 空格 选中/取消 · 回车 确认 · 输入文字 筛选',
		en: '↑/↓ move · Space select · Enter confirm · type to filter',
	}),
	selectHelp: () => ({ zh: '↑/↓ 移动 · 回车 确认 · 输入文字 筛选', en: '↑/↓ move · Enter confirm · type to filter' }),
	selectedCount: (count: number) => ({ zh: `已选 ${count} 项`, en: `${count} selected` }),
	chooseAtLeastOne: () => ({ zh: '请至少选一项（空格选中）', en: 'choose at least one (Space selects)' }),

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
	noMethods: () => ({ zh: '--methods 至少给一个方法（中文名称或 slug）', en: '--methods: give at least one method (Chinese name or slug)' }),
	fileExists: (file: string, free: string) => ({
		zh: `${file} 已存在，不会覆盖。请用 --slug 另取文件名，如 --slug ${free}`,
		en: `${file} already exists and is never overwritten; choose another name, e.g. --slug ${free}`,
	}),
	wrote: (file: string) => ({ zh: `已写入 ${file}`, en: `Wrote ${file}` }),
	preview: (url: string) => ({ zh: `运行 npm run dev 后在浏览器打开预览：${url}`, en: `Preview after npm run dev at: ${url}` }),
	nextSteps: () => ({
		zh: '下一步：在文件中写正文，补齐 review 列出的各项，然后运行 npm run check。',
		en: 'Next: write the text in the file, fill in the fields listed under review, then run npm run check.',
	}),

	// scaffold problems
	problemTitle: () => ({ zh: 'title（标题）：不能为空', en: 'title: expected the headline, found nothing' }),
	problemUnit: () => ({
		zh: 'unit（报送单位）：不能为空，照原文写，如 县委组织部',
		en: 'unit: expected the reporting unit as written, e.g. 县委组织部, found nothing',
	}),
	problemRegion: (value: string) => ({
		zh: `region（地区）：应为县级及以上行政区划代码，收到“${value}”`,
		en: `region: expected a GB/T 2260 county-level-or-above code, found "${value}"`,
	}),
	problemNoMethods: () => ({ zh: 'methods（方法）：至少选一个', en: 'methods: expected at least one method' }),
	problemMethod: (slug: string) => ({
		zh: `methods（方法）：content/methods.yaml 中没有“${slug}”`,
		en: `methods: unknown method "${slug}": not in content/methods.yaml`,
	}),
	problemSlug: (value: string) => ({
		zh: `文件名：只能用小写字母、数字和连字符（它会成为网址），收到“${value}”`,
		en: `slug: expected lowercase letters, digits and hyphens (it becomes the URL), found "${value}"`,
	}),
	problemDate: (value: string) => ({ zh: `date（日期）：应为 YYYY-MM-DD，收到“${value}”`, en: `date: expected YYYY-MM-DD, found "${value}"` }),
	reviewComment: () => ({
		zh: '由 npm run new 留下：逐项补齐或核对后，把它从此列表中删去',
		en: 'left for you by `npm run new`: fill these in, then remove them from this list',
	}),
});
