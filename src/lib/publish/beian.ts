/**
 * The footer's filing numbers. Mainland rules want the ICP备案号 to link to MIIT's
 * filing system and the 公安备案号 to its record on the MPS filing site, where a reader
 * can check them; these are links a reader follows, never requests the page makes.
 */
import type { Site } from '../../schemas/site.ts';

/** MIIT's ICP filing system, where an ICP备案号 is checked. */
export const MIIT_BEIAN_URL = 'https://beian.miit.gov.cn/';
/** The MPS filing site's lookup, where a 公安备案号 is checked. */
export const MPS_BEIAN_URL = 'https://beian.mps.gov.cn/#/query/webSearch';

/** A filing number as shown in the footer and where it links. */
export interface BeianLink {
	text: string;
	href: string;
}

/** The footer's filing links for the numbers the site configures (none when it has none). */
export function beianLinks(site: Pick<Site, 'icp' | 'publicSecurity'>): BeianLink[] {
	const links: BeianLink[] = [];
	if (site.icp) links.push({ text: site.icp, href: MIIT_BEIAN_URL });
	if (site.publicSecurity) {
		// The MPS record is looked up by the number's digits: 京公网安备11010502000001号 → 11010502000001.
		const code = site.publicSecurity.replace(/\D/g, '');
		links.push({ text: site.publicSecurity, href: code ? `${MPS_BEIAN_URL}?code=${code}` : MPS_BEIAN_URL });
	}
	return links;
}
