/**
 * Taiwan phrasing introduced by automatic simplified→traditional conversion (OpenCC's
 * "tw phrases" and browser converters rewrite 项目 as 專案, 通过 as 透過, 网络 as 網路,
 * 发布 as 釋出). Case texts are mainland texts, so these are reverted to the mainland
 * words — in the document's own script — and every change is reported.
 *
 * Only words that a mainland text would not contain are listed, each with the contexts
 * where the Taiwan word is also good mainland usage (专案组, 透过现象看本质).
 */
import * as OpenCC from 'opencc-js';

interface PhraseRule {
	/** Taiwan phrasing, traditional characters. */
	taiwan: string;
	/** The mainland word, traditional characters. */
	mainland: string;
	/** Text right after the match that makes the Taiwan word legitimate mainland usage. */
	unlessFollowedBy?: RegExp;
	unlessPrecededBy?: RegExp;
}

const RULES: PhraseRule[] = [
	{ taiwan: '網際網路', mainland: '互聯網' },
	{ taiwan: '專案', mainland: '項目', unlessFollowedBy: /^(?:組|小組|調查|審查|偵查|班子|工作組)/u },
	{ taiwan: '透過', mainland: '通過', unlessFollowedBy: /^(?:現象|表象|窗|玻璃|縫|雲|霧|樹|鏡|薄|紗|螢幕|屏幕|眼鏡|門縫|水面|層層)/u },
	{ taiwan: '網路', mainland: '網絡' },
	{ taiwan: '釋出', mainland: '發布', unlessFollowedBy: /^(?:善意|誠意|信號|訊號)/u },
	{ taiwan: '軟體', mainland: '軟件' },
	{ taiwan: '硬體', mainland: '硬件' },
	{ taiwan: '數位', mainland: '數字' },
	{ taiwan: '資訊化', mainland: '信息化' },
	{ taiwan: '資訊科技', mainland: '信息技術' },
	{ taiwan: '資訊系統', mainland: '信息系統' },
	{ taiwan: '資訊平臺', mainland: '信息平臺' },
	{ taiwan: '資訊平台', mainland: '信息平台' },
	{ taiwan: '訊息', mainland: '信息' },
	{ taiwan: '伺服器', mainland: '服務器' },
	{ taiwan: '滑鼠', mainland: '鼠標' },
	{ taiwan: '印表機', mainland: '打印機' },
	{ taiwan: '記憶體', mainland: '內存' },
	{ taiwan: '雷射', mainland: '激光' },
	{ taiwan: '部落格', mainland: '博客' },
	{ taiwan: '簡訊', mainland: '短信' },
	{ taiwan: '視訊', mainland: '視頻' },
	{ taiwan: '影音', mainland: '音視頻' },
	{ taiwan: '寬頻', mainland: '寬帶' },
	{ taiwan: '行銷', mainland: '營銷' },
	{ taiwan: '資料庫', mainland: '數據庫' },
	{ taiwan: '程式', mainland: '程序', unlessFollowedBy: /^化/u },
	{ taiwan: '預設', mainland: '默認', unlessFollowedBy: /^(?:立場|目標|條件)/u },
	{ taiwan: '介面', mainland: '界面' },
	{ taiwan: '螢幕', mainland: '屏幕' },
	{ taiwan: '列印', mainland: '打印' },
	{ taiwan: '搜尋', mainland: '搜索' },
	{ taiwan: '點選', mainland: '點擊' },
	{ taiwan: '晶片', mainland: '芯片' },
	{ taiwan: '行動支付', mainland: '移動支付' },
	{ taiwan: '行動通訊', mainland: '移動通信' },
	{ taiwan: '行動裝置', mainland: '移動設備' },
	{ taiwan: '版權宣告', mainland: '版權聲明' },
	{ taiwan: '免責宣告', mainland: '免責聲明' },
	{ taiwan: '連結', mainland: '鏈接', unlessFollowedBy: /^(?:起來|在一起|成)/u },
];

/** One Taiwan word replaced by its mainland word. */
export interface PhraseChange {
	/** Offset of the change in the original text. */
	index: number;
	from: string;
	to: string;
}

/** The text with mainland wording, and each change made (for the warning). */
export interface PhrasingResult {
	text: string;
	changes: PhraseChange[];
}

interface CompiledRule {
	from: string;
	to: string;
	unlessFollowedBy?: RegExp;
	unlessPrecededBy?: RegExp;
}

let compiled: { hant: CompiledRule[]; hans: CompiledRule[]; pattern: { hant: RegExp; hans: RegExp } } | undefined;

function rules() {
	if (compiled) return compiled;
	const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
	const hant: CompiledRule[] = RULES.map((r) => ({
		from: r.taiwan,
		to: r.mainland,
		...(r.unlessFollowedBy ? { unlessFollowedBy: r.unlessFollowedBy } : {}),
		...(r.unlessPrecededBy ? { unlessPrecededBy: r.unlessPrecededBy } : {}),
	}));
	const hans: CompiledRule[] = RULES.map((r) => ({
		from: charwise(toSimplified, r.taiwan),
		to: charwise(toSimplified, r.mainland),
		...(r.unlessFollowedBy ? { unlessFollowedBy: simplifyPattern(toSimplified, r.unlessFollowedBy) } : {}),
		...(r.unlessPrecededBy ? { unlessPrecededBy: simplifyPattern(toSimplified, r.unlessPrecededBy) } : {}),
	})).filter((r) => r.from !== r.to);
	const alternation = (list: CompiledRule[]) =>
		new RegExp(
			[...list]
				.sort((a, b) => b.from.length - a.from.length)
				.map((r) => r.from)
				.join('|'),
			'gu',
		);
	compiled = { hant, hans, pattern: { hant: alternation(hant), hans: alternation(hans) } };
	return compiled;
}

/** Character-by-character conversion: phrase tables must not rewrite the Taiwan word itself. */
function charwise(convert: (s: string) => string, text: string): string {
	return [...text].map((c) => convert(c)).join('');
}

function simplifyPattern(convert: (s: string) => string, pattern: RegExp): RegExp {
	return new RegExp(charwise(convert, pattern.source), pattern.flags);
}

/** Reverts Taiwan phrasing in a paragraph written in `script`. */
export function revertTaiwanPhrasing(text: string, script: 'hans' | 'hant'): PhrasingResult {
	const { pattern } = rules();
	const list = rules()[script];
	const changes: PhraseChange[] = [];
	const regex = new RegExp(pattern[script].source, 'gu');
	const result = text.replace(regex, (match, offset: number) => {
		const rule = list.find((r) => r.from === match);
		if (!rule) return match;
		const after = text.slice(offset + match.length, offset + match.length + 12);
		const before = text.slice(Math.max(0, offset - 12), offset);
		if (rule.unlessFollowedBy?.test(after)) return match;
		if (rule.unlessPrecededBy?.test(before)) return match;
		changes.push({ index: offset, from: match, to: rule.to });
		return rule.to;
	});
	return { text: result, changes };
}
