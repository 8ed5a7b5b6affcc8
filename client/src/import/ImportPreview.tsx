import type { BoardSnapshot } from '@interplay/shared';
import { summariseImportPlan } from '@interplay/shared/formats/index';
import type { ImportPlan } from '@interplay/shared/formats/index';
import { useT } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/index.ts';

const KINDS = ['organisations', 'people', 'projects', 'relationships'] as const;
const KIND_LABEL: Record<(typeof KINDS)[number], MessageKey> = {
  organisations: 'import.kind.organisations',
  people: 'import.kind.people',
  projects: 'import.kind.projects',
  relationships: 'import.kind.relationships',
};
/** Counted only: comments (messages), health scores (per scorer and relationship), give-and-take (organisations). */
const COUNTED = ['comments', 'scores', 'giveTake'] as const;
const COUNTED_LABEL: Record<(typeof COUNTED)[number], MessageKey> = {
  comments: 'import.kind.comments',
  scores: 'import.kind.scores',
  giveTake: 'import.kind.giveTake',
};
/** Names listed per kind and action; the rest is summed up as "…". */
const LISTED = 12;

function namesOf(
  plan: ImportPlan,
  snapshot: BoardSnapshot,
): Record<(typeof KINDS)[number], { add: string[]; update: string[] }> {
  const nameOfRef = new Map<string, string>();
  for (const o of plan.organisations.add) nameOfRef.set(o.key, o.name);
  for (const p of plan.people.add) nameOfRef.set(p.key, p.name);
  const name = (ref: string): string =>
    nameOfRef.get(ref) ??
    snapshot.organisations.get(ref as never)?.name ??
    snapshot.people.get(ref as never)?.name ??
    ref;
  return {
    organisations: {
      add: plan.organisations.add.map((o) => o.name),
      update: plan.organisations.update.map((u) => u.label),
    },
    people: { add: plan.people.add.map((p) => p.name), update: plan.people.update.map((u) => u.label) },
    projects: { add: plan.projects.add.map((p) => p.name), update: plan.projects.update.map((u) => u.label) },
    relationships: {
      add: plan.relationships.add.map((r) => `${name(r.source)} – ${name(r.target)}`),
      update: plan.relationships.update.map((u) => u.label),
    },
  };
}

function NameList({ names }: { names: readonly string[] }) {
  if (names.length === 0) return null;
  const shown = names.slice(0, LISTED);
  return (
    <ul className="ip-import__names">
      {shown.map((n, i) => (
        <li key={i}>{n}</li>
      ))}
      {names.length > LISTED && <li>… (+{names.length - LISTED})</li>}
    </ul>
  );
}

/** The preview table: per kind how many are added and updated, with their names. */
export function ImportPreview({ plan, snapshot }: { plan: ImportPlan; snapshot: BoardSnapshot }) {
  const t = useT();
  const counts = summariseImportPlan(plan);
  const names = namesOf(plan, snapshot);
  const laidOut = plan.organisations.add.some((o) => o.laidOut) || plan.people.add.some((p) => p.laidOut);
  return (
    <div data-testid="import-preview">
      <h3 className="ip-import__subheading">{t('import.previewHeading')}</h3>
      <p>{t('import.previewIntro')}</p>
      <dl className="ip-import__summary">
        {KINDS.filter((kind) => counts[kind].add + counts[kind].update > 0).map((kind) => (
          <div key={kind} className="ip-import__kind" data-testid={`import-count-${kind}`}>
            <dt>{t(KIND_LABEL[kind])}</dt>
            <dd>
              <span data-testid={`import-add-${kind}`}>{t('import.add', { count: counts[kind].add })}</span>
              <NameList names={names[kind].add} />
            </dd>
            {counts[kind].update > 0 && (
              <dd>
                <span data-testid={`import-update-${kind}`}>
                  {t('import.update', { count: counts[kind].update })}
                </span>
                <NameList names={names[kind].update} />
              </dd>
            )}
          </div>
        ))}
        {COUNTED.filter((kind) => counts[kind].add + counts[kind].update > 0).map((kind) => (
          <div key={kind} className="ip-import__kind" data-testid={`import-count-${kind}`}>
            <dt>{t(COUNTED_LABEL[kind])}</dt>
            <dd>
              <span data-testid={`import-add-${kind}`}>{t('import.add', { count: counts[kind].add })}</span>
            </dd>
            {counts[kind].update > 0 && (
              <dd>
                <span data-testid={`import-update-${kind}`}>
                  {t('import.update', { count: counts[kind].update })}
                </span>
              </dd>
            )}
          </div>
        ))}
      </dl>
      {laidOut && <p>{t('import.laidOut')}</p>}
      {plan.ignoredColumns.length > 0 && (
        <ul className="ip-import__warnings" data-testid="import-warnings">
          {plan.ignoredColumns.map(({ file, column }) => (
            <li key={`${file}\u0000${column}`}>{t('import.ignoredColumn', { file, column })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
