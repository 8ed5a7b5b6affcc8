import type { Sector, Strength } from '@interplay/shared';
import { SectorIcon } from '../canvas/nodes/SectorIcon.tsx';
import { useT } from '../i18n/index.ts';
import { strengthWidth } from '../theme/relationshipStyle.ts';
import { SECTOR_COLOURS } from '../theme/sectors.ts';
import { LegendLine } from './LegendLine.tsx';

/** A sector in a legend list: its colour with its icon, and its name. */
export function SectorItem({ sector }: { sector: Sector }) {
  const t = useT();
  return (
    <li>
      <span className="ip-legend__sector" style={{ background: SECTOR_COLOURS[sector] }}>
        <SectorIcon sector={sector} size={16} />
      </span>
      {t(`sector.${sector}`)}
    </li>
  );
}

/** Sample lines of the given strengths, thin to thick, each with its number. */
export function StrengthItems({
  strengths,
  className,
}: {
  strengths: readonly Strength[];
  className: string;
}) {
  return (
    <ul className={className}>
      {strengths.map((strength) => (
        <li key={strength}>
          <LegendLine colour="#334155" width={strengthWidth(strength)} />
          {strength}
        </li>
      ))}
    </ul>
  );
}
