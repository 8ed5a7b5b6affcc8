import type { Sector } from '@interplay/shared';

/**
 * Sector colours: twelve hues that stay apart on a washed-out projector and
 * keep white icons legible (every colour has at least 4.5:1 against white).
 */
export const SECTOR_COLOURS: Readonly<Record<Sector, string>> = {
  municipality: '#1f5fae',
  housing: '#b3541e',
  care: '#c0305a',
  mentalHealth: '#7b3fa8',
  welfare: '#2f7d32',
  education: '#b07800',
  health: '#0b7a7a',
  business: '#4a5560',
  residents: '#a3367e',
  government: '#243a73',
  knowledge: '#5b6b12',
  other: '#6b5e4e',
};

/** A light tint of the sector colour for card backgrounds (dark text stays at full contrast). */
export const SECTOR_TINTS: Readonly<Record<Sector, string>> = {
  municipality: '#e6eef8',
  housing: '#f8ece4',
  care: '#f9e7ec',
  mentalHealth: '#f1e9f7',
  welfare: '#e8f3e8',
  education: '#f8f0dc',
  health: '#e0f2f2',
  business: '#eceef0',
  residents: '#f7e7f2',
  government: '#e6e9f3',
  knowledge: '#eff2dc',
  other: '#f1eeea',
};

/**
 * Simple stroke icons (24×24 viewBox, drawn with `stroke="currentColor"`, no fill)
 * so each sector is recognisable without relying on colour alone.
 */
export const SECTOR_ICON_PATHS: Readonly<Record<Sector, string>> = {
  // Town hall: pediment, three columns, base.
  municipality: 'M3 9.5 12 4l9 5.5M5 10.5v7M10 10.5v7M14 10.5v7M19 10.5v7M3 20h18',
  // House with a door.
  housing: 'M3 11.5 12 4l9 7.5M5.5 9.5V20h13V9.5M10 20v-5.5h4V20',
  // Heart.
  care: 'M12 20s-7.5-4.6-7.5-10A4.2 4.2 0 0 1 12 7.3 4.2 4.2 0 0 1 19.5 10c0 5.4-7.5 10-7.5 10z',
  // Head in profile with a small heart-shaped thought.
  mentalHealth:
    'M15 20v-3h2.5a1.5 1.5 0 0 0 1.5-1.5V13l1.5-.8-1.6-3A7 7 0 0 0 5 10.5c0 2.3 1 3.9 2.5 5V20M10.5 9.2a1.2 1.2 0 0 1 2 0 1.2 1.2 0 0 1 2 0c0 1.4-2 2.6-2 2.6s-2-1.2-2-2.6z',
  // Hand holding a sprout: care for wellbeing.
  welfare:
    'M12 13V7M12 9c0-2.5 2-4 4.5-4 0 2.5-2 4-4.5 4zM12 10c0-2-1.6-3.4-3.8-3.4 0 2 1.6 3.4 3.8 3.4zM3 15h3l3 1.5h4.5a1.5 1.5 0 0 1 0 3H9M13.5 18.5l5-2.5a1.5 1.5 0 0 1 1.5 2.6L14 21H6l-3-1.5',
  // Mortarboard.
  education: 'M2.5 9 12 4.5 21.5 9 12 13.5zM6.5 11v4.5c0 1.5 2.5 3 5.5 3s5.5-1.5 5.5-3V11M21.5 9v5.5',
  // Medical cross.
  health: 'M9.5 3.5h5v6h6v5h-6v6h-5v-6h-6v-5h6z',
  // Briefcase.
  business: 'M3.5 7.5h17v12h-17zM9 7.5V5h6v2.5M3.5 12.5h17',
  // Three people.
  residents:
    'M12 11a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM6 12.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM18 12.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM7.5 19.5a4.5 4.5 0 0 1 9 0M2.5 19a3.5 3.5 0 0 1 4.2-3.4M21.5 19a3.5 3.5 0 0 0-4.2-3.4',
  // Flag on a pole.
  government: 'M5.5 21V3.5M5.5 4.5h12l-2.5 4 2.5 4h-12',
  // Open book.
  knowledge:
    'M12 6.5C10.5 5 8 4.5 3.5 4.5v14c4.5 0 7 .5 8.5 2 1.5-1.5 4-2 8.5-2v-14c-4.5 0-7 .5-8.5 2zM12 6.5v14',
  // Three dots in a circle.
  other: 'M12 20.5a8.5 8.5 0 1 0 0-17 8.5 8.5 0 0 0 0 17zM8 12h.01M12 12h.01M16 12h.01',
};
