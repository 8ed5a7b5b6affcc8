/**
 * Applies the threads, scores, give-and-take (and, when asked, settings) of an
 * import plan. Called inside `applyImportPlan`'s one transaction, after the
 * entities, so that `id` maps the plan's `new:…` keys to the board's ids.
 */
import type * as Y from 'yjs';
import { addThread, replyToThread, resolveThread } from '../board/commands/annotations.ts';
import { setGiveTake } from '../board/commands/giveTake.ts';
import { clearHealthScore, scoreHealth } from '../board/commands/health.ts';
import { updateSettings } from '../board/commands/settings.ts';
import { HEALTH_DIMENSIONS } from '../board/types.ts';
import type { OrganisationId, RelationshipId } from '../board/types.ts';
import type { ImportPlan, PlannedMessage, PlanRef } from './importPlan.ts';

const reply = (m: PlannedMessage) => ({
  ...(m.id === undefined ? {} : { id: m.id }),
  author: m.author,
  text: m.text,
  at: m.createdAt,
});

export function applyBoardExtras(
  doc: Y.Doc,
  plan: ImportPlan,
  id: (ref: PlanRef) => string,
  applySettings: boolean,
): void {
  const isLive = (ref: PlanRef): boolean => !id(ref).startsWith('new:');
  for (const t of plan.annotations.add) {
    // A relationship the board could not create (connect refused it) takes its threads and scores along.
    if (t.target !== null && !isLive(t.target)) continue;
    const anchor = t.target === null ? { position: t.position ?? { x: 0, y: 0 } } : { target: id(t.target) };
    const threadId = addThread(doc, {
      ...anchor,
      ...(t.id === undefined ? {} : { id: t.id }),
      ...(t.first.id === undefined ? {} : { messageId: t.first.id }),
      author: t.author,
      text: t.first.text,
      at: t.createdAt,
    });
    for (const m of t.replies) replyToThread(doc, threadId, reply(m));
    if (t.resolved) resolveThread(doc, threadId, t.resolved.by, t.resolved.at);
  }
  for (const u of plan.annotations.update) for (const m of u.addMessages) replyToThread(doc, u.id, reply(m));
  for (const score of plan.health.update) {
    clearHealthScore(doc, score.relationship as RelationshipId, score.scorer.id);
  }
  for (const score of [...plan.health.add, ...plan.health.update]) {
    if (!isLive(score.relationship)) continue;
    for (const dimension of HEALTH_DIMENSIONS) {
      const value = score.scores[dimension];
      if (value === undefined) continue;
      scoreHealth(
        doc,
        id(score.relationship) as RelationshipId,
        score.scorer,
        dimension,
        value,
        score.updatedAt,
      );
    }
  }
  for (const g of [...plan.giveTake.add, ...plan.giveTake.update]) {
    if (!isLive(g.organisation)) continue;
    for (const c of g.changes)
      setGiveTake(doc, id(g.organisation) as OrganisationId, c.resource, c.side, c.level);
  }
  if (applySettings && plan.settings !== null) updateSettings(doc, plan.settings);
}
