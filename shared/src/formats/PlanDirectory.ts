import type { PlanRef } from './importPlan.ts';

/** Names match case-insensitively and ignore surrounding spaces. */
export const nameKey = (name: string): string => name.trim().toLowerCase();

/** Names and ids of the entities of one kind, on the board and in the file, to resolve references. */
export class PlanDirectory {
  private readonly byName = new Map<string, Set<PlanRef>>();
  private readonly ids = new Set<PlanRef>();
  private readonly fileIds = new Map<string, PlanRef>();

  addName(name: string, ref: PlanRef): void {
    const key = nameKey(name);
    const refs = this.byName.get(key) ?? new Set<PlanRef>();
    refs.add(ref);
    this.byName.set(key, refs);
  }
  addId(id: string): void {
    this.ids.add(id);
  }
  /** An id used in the file for an entity that gets another ref (new key, or a board entity matched by name). */
  addFileId(fileId: string, ref: PlanRef): void {
    this.fileIds.set(fileId, ref);
  }
  byId(id: string): PlanRef | undefined {
    return this.fileIds.get(id) ?? (this.ids.has(id) ? id : undefined);
  }
  named(name: string): ReadonlySet<PlanRef> {
    return this.byName.get(nameKey(name)) ?? new Set();
  }
}
