import { checkDefinition } from './catalogue';
import { type ChangeFinding, levelRank } from './finding';

/** Collects findings; each check names its id, and the catalogue gives the level and the reason. */
export class Findings {
  private readonly list: ChangeFinding[] = [];

  add(id: string, message: string, operation: string | undefined, where: string): void {
    const { level, why } = checkDefinition(id);
    this.list.push({ id, level, message, ...(operation === undefined ? {} : { operation }), where, why });
  }

  /** Most severe first, then by operation and place, so that reports are stable. */
  sorted(): ChangeFinding[] {
    return [...this.list].sort(
      (a, b) =>
        levelRank(a.level) - levelRank(b.level) ||
        (a.operation ?? '').localeCompare(b.operation ?? '') ||
        a.where.localeCompare(b.where) ||
        a.id.localeCompare(b.id),
    );
  }
}
