/** Messages of `npm run check` and of the build's content validation: problems, advice, summary. */
import { defineMessages } from './define.ts';

const list = (items: readonly string[]) => items.join('、');
const listEn = (items: readonly string[]) => items.join(', ');

export const checkMessages = defineMessages({
	// Safe MDX: what was found and how to write it instead.
	unsafeHeading: (count: number) => ({
		zh: `正文中有 ${count} 处不允许的 MDX 写法（正文只能用 Markdown、表格和本项目的组件）：`,
		en: `${count} construct(s) not allowed in a body (only Markdown, tables and the project's components are):`,
	}),
	unsafeFound: (found: string) => ({ zh: `发现“${found}”：`, en: `found "${found}":` }),
	adviceEsm: () => ({
		zh: '正文不能有 import/export 语句（它们会在构建时执行代码），请删除这一行；若这是正文文字，请换个开头重写这一行。',
		en: 'a body may not hold import/export statements (they run code at build time); delete the line, or reword it if it is prose.',
	}),
	adviceExpression: () => ({
		zh: '花括号 { } 在 MDX 里会被当作代码执行；正文里的花括号请写成 \\{试行\\}，或改用全角括号（试行）。',
		en: 'curly braces run code in MDX; write literal braces as \\{试行\\} or use full-width brackets （试行）.',
	}),
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
	adviceUrl: () => ({
		zh: '链接只能以 http://、https://、mailto: 或 tel: 开头（javascript:、data:、vbscript: 等会在读者的浏览器里执行）；请改成网页地址或删除链接。',
		en: "links may only use http://, https://, mailto: or tel: (javascript:, data:, vbscript: run in the reader's browser); use a web address or remove the link.",
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
	ambiguousFence: () => ({
		zh: '这一行以 --- 开头但不只是 ---：构建会把它当作 frontmatter 的结束。请缩进这一行，或给值加引号（如 title: "---标题"）。',
		en: 'this line starts with --- but is not just ---: the build would end the frontmatter here. Indent it or quote the value (title: "---标题").',
	}),
});
