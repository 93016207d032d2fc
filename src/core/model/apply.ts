import type { Design } from './design';
import { OperationError } from './errors';

export type ApplyResult = { ok: true; design: Design } | { ok: false; error: OperationError };

/** Runs an operation; a refusal comes back as a value, the design untouched. Other errors are bugs and propagate. */
export function applyOperation(design: Design, operation: (design: Design) => Design): ApplyResult {
  try {
    return { ok: true, design: operation(design) };
  } catch (error) {
    if (error instanceof OperationError) return { ok: false, error };
    throw error;
  }
}
