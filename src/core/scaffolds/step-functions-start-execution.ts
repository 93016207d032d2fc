import { stateMachineScaffold } from './state-machine';

/**
 * Step Functions StartExecution: starts an execution with the client's body as its input and answers at
 * once with the execution's ARN (the workflow runs on; Standard and Express state machines alike).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/tutorial-api-gateway.html
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html
 */
export const stepFunctionsStartExecution = stateMachineScaffold({
  id: 'step-functions-start-execution',
  action: 'StartExecution',
  stateMachineHint: 'A Standard or Express state machine; the API answers as soon as the execution starts.',
  success: 'The execution started.',
  response: `{"executionArn": "$input.path('$.executionArn')"}`,
  docs: [
    'https://docs.aws.amazon.com/step-functions/latest/dg/tutorial-api-gateway.html',
    'https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html',
  ],
});
