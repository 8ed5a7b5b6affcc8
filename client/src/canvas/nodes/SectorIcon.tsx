import { memo } from 'react';
import type { Sector } from '@interplay/shared';
import { SECTOR_ICON_PATHS } from '../../theme/sectors.ts';

/** A sector's stroke icon in `currentColor`; decorative (the sector is also named in text). */
export const SectorIcon = memo(function SectorIcon({ sector, size = 22 }: { sector: Sector; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={SECTOR_ICON_PATHS[sector]} />
    </svg>
  );
});
