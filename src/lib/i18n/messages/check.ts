/** Messages of `npm run check` and of the build's content validation: problems, advice, summary. */
import { defineMessages } from './define.ts';
import texts from './check.json' with { type: 'json' };

const list = (items: readonly string[]) => items.join('、');
const listEn = (items: readonly string[]) => items.join(', ');

/** Content problems, the advice on unsafe MDX and the check's summary. */
export const checkMessages = defineMessages({
	// Safe MDX: what was found and how to write it instead.
	unsafeHeading: (count: number) => ({
		zh: `正文中有 ${count} 处不允许的 MDX 写法（正文只能用 Markdown、表格和本项目的组件）：`,
		en: `${count} construct(s) not allowed in a body (only Markdown, tables and the project's components are):`,
	}),
	unsafeFound: (found: string) => ({ zh: `发现“${found}”：`, en: `found "${found}":` }),
	adviceElement: (name: string, components: readonly string[]) => ({
		zh: `“<${name}”被当作 HTML/组件标签；正文只能用组件 ${list(components.map((c) => `<${c}>`))}。普通文字里的小于号请写成 &lt; 或全角“＜”，需要的格式请用 Markdown（**加粗**、表格、[链接](https://…)）。`,
		en: `"<${name}" is read as an HTML/component tag; only ${listEn(components.map((c) => `<${c}>`))} may be used. Write a literal less-than sign as &lt; or the full-width ＜, and use Markdown for formatting.`,
	}),
	adviceAttribute: (name: string, allowed: readonly string[]) => ({
		zh: `<${name}> 只接受属性 ${list(allowed)}；请删除其他属性。`,
		en: `<${name}> accepts only ${listEn(allowed)}; remove the other attributes.`,
	}),
	adviceAttributeExpression: (attribute: string) => ({
		zh: `属性值不能是 {表达式}，请写成带引号的文字：${attribute}="…"。`,
		en: `an attribute value may not be an {expression}; write ${attribute}="…".`,
	}),
	// MDX compiler errors, explained.
	parseLessThan: (detail: string) => ({
		zh: `这里的“<”被当作 HTML/组件标签的开头，但后面不是合法的标签，无法编译。普通文字里的小于号请写成 &lt; 或全角“＜”（如 满意度&lt;90% 或 满意度＜90%）。（编译器原文：${detail}）`,
		en: `"<" here starts an HTML/component tag, but what follows is not one. Write a literal less-than sign as &lt; or the full-width ＜ (满意度&lt;90%). (compiler: ${detail})`,
	}),
	parseBrace: (detail: string) => ({
		zh: `花括号 { } 在 MDX 里表示代码，这里无法编译。正文里的花括号请写成 \\{试行\\}，或改用全角括号（试行）。（编译器原文：${detail}）`,
		en: `curly braces mark code in MDX and this cannot compile. Write literal braces as \\{试行\\} or use full-width brackets （试行）. (compiler: ${detail})`,
	}),
	parseEsm: (detail: string) => ({
		zh: `以 import 或 export 开头的行在 MDX 里是代码语句，这里无法编译；请改写这一行的开头。（编译器原文：${detail}）`,
		en: `a line starting with import or export is a code statement in MDX and cannot compile here; reword its start. (compiler: ${detail})`,
	}),
	parseOther: (detail: string) => ({ zh: `正文无法按 MDX 编译：${detail}`, en: `the body does not compile as MDX: ${detail}` }),
	summary: (cases: number, issues: number, methods: number, errors: number, warnings: number) => ({
		zh: `${cases} 个案例、${issues} 期、${methods} 个方法：${errors} 个错误，${warnings} 个警告`,
		en: `${cases} cases, ${issues} issues, ${methods} methods: ${errors} error(s), ${warnings} warning(s)`,
	}),
	// Files and references.
	invalidYaml: (detail: string) => ({ zh: `YAML 格式有误：${detail}`, en: `invalid YAML: ${detail}` }),
	invalidSiteConfig: (file: string, problems: readonly string[]) => ({
		zh: `网站设置 ${file} 有误：${problems.join('；')}。请改正后再运行（npm run check 会列出行号）`,
		en: `the site settings in ${file} are invalid: ${problems.join('; ')}. Correct them and run again (npm run check gives the lines)`,
	}),
	notMdx: (name: string, renamed: string) => ({
		zh: `只读取 .mdx 文件（扩展名小写），“${name}”会被构建忽略；若它是案例或期，请改名为 ${renamed}，否则请移出 content/`,
		en: `only .mdx files are read (lower-case extension) and "${name}" would be ignored; rename it to ${renamed}, or move it out of content/`,
	}),
	strayFile: (name: string) => ({
		zh: `“${name}”不在 cases/ 或 issues/ 里，构建不会读取它；案例请放进 content/cases/（.mdx），期放进 content/issues/，其他文件请移出 content/`,
		en: `"${name}" is not in cases/ or issues/ and the build ignores it; put cases in content/cases/ (.mdx), issues in content/issues/, anything else outside content/`,
	}),
	badFileName: (id: string) => ({
		zh: `文件名会成为网址，只能用小写字母、数字和连字符（如 changning-yangquan），现在是“${id}”；请改名`,
		en: `expected a file name of lowercase letters, digits and hyphens (it becomes the URL), found "${id}"`,
	}),
	duplicateId: (id: string, first: string, second: string) => ({
		zh: `两个文件的网址相同（“${id}”）：${first} 和 ${second}，后者会覆盖前者；请删除或改名其中一个`,
		en: `duplicate id "${id}": ${first} and ${second} have the same URL and one would replace the other; delete or rename one`,
	}),
	duplicateMethod: (slug: string) => ({
		zh: `方法 slug “${slug}”重复，每个 slug 只能出现一次`,
		en: `duplicate method slug "${slug}": each slug must be unique`,
	}),
	unknownMethod: (slug: string, hint: string) => ({
		zh: `未知的方法“${slug}”：content/methods.yaml 中没有${hint}`,
		en: `unknown method "${slug}": not in content/methods.yaml${hint}`,
	}),
	duplicateIssue: (clash: string, series: string, number: number) => ({
		zh: `期号重复：${clash} 已经是 ${series} 第${number}期`,
		en: `duplicate issue: ${clash} is already ${series} 第${number}期`,
	}),
	unknownCase: (ref: string, hint: string) => ({
		zh: `未知的案例“${ref}”：没有 content/cases/${ref}.mdx${hint}`,
		en: `unknown case "${ref}": no file content/cases/${ref}.mdx${hint}`,
	}),
	caseListedTwice: (ref: string) => ({ zh: `案例“${ref}”在本期列了两次`, en: `case "${ref}" is listed twice in this issue` }),
	issueWithoutPublished: (series: string, number: number) => ({
		zh: `${series} 第${number}期所列的案例都是草稿（status: draft），这一期不会出现在网站和 PDF 中；请把至少一个案例改为 status: published，或在本期文件的 frontmatter 写 status: draft（草稿期不发布）`,
		en: `every case of ${series} 第${number}期 is a draft (status: draft), so the issue would not appear on the site or in PDFs; publish at least one case (status: published), or mark the issue itself status: draft (not published)`,
	}),
	reviewPending: (items: readonly string[]) => ({
		zh: `已发布的案例还有 ${items.length} 项待编辑确认（review 列表），请逐项核对原文，确认一项就从 review 列表中删除一项（全部确认后删除 review 这一行），或把 status 改回 draft：${items.map((item, i) => `\n    ${i + 1}. ${item}`).join('')}`,
		en: `a published case still has ${items.length} item(s) to confirm (review list); check each against the source and remove it from the list once confirmed (delete the review line when empty), or set status back to draft:${items.map((item, i) => `\n    ${i + 1}. ${item}`).join('')}`,
	}),
	// Conversion risks (warnings): what the converter chose and the exact text to write.
	conversionRisk: (r: {
		char: string;
		chosen: string;
		alternatives: readonly string[];
		context: string;
		keep: string;
		fixes: readonly string[];
	}) => ({
		zh: `“${r.char}”在这里转换为“${r.chosen}”，也可能应为“${list(r.alternatives)}”（${r.context}）。请对照原文：若“${r.chosen}”正确，把【】里的字写成 ${r.keep}（确认后不再提示）；否则写成 ${r.fixes.join(' 或 ')}。同一个词反复出现时，也可以在 content/glossary.yaml 加一条词语（如 - hans: 征迁 / hant: 徵遷）`,
		en: `${r.char} converts to ${r.chosen} here, but may need ${listEn(r.alternatives)} (${r.context}); if ${r.chosen} is right write the character as ${r.keep} (the warning goes away), otherwise as ${r.fixes.join(' or ')}; for a word that recurs, add it to content/glossary.yaml (e.g. - hans: 征迁 / hant: 徵遷)`,
	}),
	unknownFields: (keys: readonly string[]) => ({
		zh: `未知字段 ${keys.map((k) => `"${k}"`).join('、')}：请对照字段说明检查拼写`,
		en: `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}; check the spelling against the schema`,
	}),
	missingField: (detail: string) => ({ zh: `缺少必填字段（${detail}）`, en: `required field is missing (${detail})` }),
	glossaryNoHant: (entry: number, hans: string, converted: string) => ({
		zh: `第 ${entry} 条（${hans}）没有写 hant，繁體页面会原样印出简体的“${hans}”，但其中的字通常要转换（OpenCC：${converted}）；请在这一条下面加一行 hant: ${converted}（OpenCC 有误的字请改正）`,
		en: `entry ${entry} (${hans}) has no hant, so 繁體 pages print "${hans}" unchanged, but its characters would normally convert (OpenCC: ${converted}); add hant with the right traditional form, e.g. "hant: ${converted}" corrected where OpenCC is wrong`,
	}),
	// The fixed texts, without values: check.json.
	...texts,
});
