import { settleLayout } from './card-layout';
import type { Design } from './design';
import { OperationError } from './errors';

export type ApplyResult = { ok: true; design: Design } | { ok: false; error: OperationError };

/**
 * Runs an operation; a refusal comes back as a value, the design untouched. Other errors are bugs and
 * propagate. Every change leaves the canvas readable: what the operation added, grew or moved is placed
 * so that no card covers another (`settleLayout`), in the same step.
 */
export function applyOperation(design: Design, operation: (design: Design) => Design): ApplyResult {
  try {
    const next = operation(design);
    return { ok: true, design: next === design ? design : settleLayout(next, design) };
  } catch (error) {
    if (error instanceof OperationError) return { ok: false, error };
    throw error;
  }
}
