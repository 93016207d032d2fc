/**
 * A refused operation: the design is left as it was and the message tells the user why and what to do.
 * Operations throw it; `applyOperation` turns it into a value for the UI.
 */
export type OperationErrorCode = 'not-found' | 'duplicate' | 'invalid-value' | 'wrong-api-type' | 'not-allowed' | 'in-use';

export class OperationError extends Error {
  readonly code: OperationErrorCode;
  constructor(code: OperationErrorCode, message: string) {
    super(message);
    this.name = 'OperationError';
    this.code = code;
  }
}

export function refuse(code: OperationErrorCode, message: string): never {
  throw new OperationError(code, message);
}
