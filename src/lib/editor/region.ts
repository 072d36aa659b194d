/**
 * The region of a new case, read from its unit (and title) by the importer's own resolver
 * (src/lib/import/metadata.ts over places.ts), so `npm run new` and `npm run import` agree:
 * 常山县委组织部 → 330822; 递铺街道党工委 alone names no county and is asked for.
 */
import { guessRegion } from '../import/metadata.ts';
import { divisionFromFlag } from '../import/places.ts';
import type { Division } from '../regions.ts';

/** What `regionFromUnit` reads from a unit's name, for `npm run new` to use or ask about. */
export interface UnitRegion {
	/** The division code, when the unit or title names one. */
	code?: string;
	/** True when one county-level division is clearly meant (no question needed). */
	certain: boolean;
	/** A township, town or street named in the unit (递铺街道). */
	township?: string;
}

/** The region the unit and title point at. */
export function regionFromUnit(unit: string, title = ''): UnitRegion {
	const found = guessRegion({ unit, title, text: '' });
	return { ...(found.code ? { code: found.code } : {}), certain: found.certain, ...(found.township ? { township: found.township } : {}) };
}

/** A `--region` value (code or name) → one division, several (ambiguous) or none. */
export function regionFromFlag(value: string): Division | Division[] | undefined {
	return divisionFromFlag(value.trim());
}
