import type { Sector } from '@interplay/shared';
/**
 * Sector colours: twelve hues that stay apart on a washed-out projector and
 * keep white icons legible (every colour has at least 4.5:1 against white).
 */
export declare const SECTOR_COLOURS: Readonly<Record<Sector, string>>;
/** A light tint of the sector colour for card backgrounds (dark text stays at full contrast). */
export declare const SECTOR_TINTS: Readonly<Record<Sector, string>>;
/**
 * Simple stroke icons (24×24 viewBox, drawn with `stroke="currentColor"`, no fill)
 * so each sector is recognisable without relying on colour alone.
 */
export declare const SECTOR_ICON_PATHS: Readonly<Record<Sector, string>>;
