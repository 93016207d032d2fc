import type { Design } from '../model';
import type { Findings } from './findings';

/** What every check reads: the two designs, and where it writes its findings. */
export interface DiffContext {
  base: Design;
  revision: Design;
  findings: Findings;
}
