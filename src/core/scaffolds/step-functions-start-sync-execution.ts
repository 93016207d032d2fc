import { jsonText } from './common';
import { stateMachineScaffold } from './state-machine';

/**
 * Step Functions StartSyncExecution (Express state machines only): waits for the execution and answers
 * with its output. StartSyncExecution answers 200 even when the execution fails ("the status code in the
 * API response doesn't reflect function errors"), so the 200 response turns a status other than
 * SUCCEEDED into a 500 with the execution's error.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartSyncExecution.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/tutorial-api-gateway.html
 */
export const stepFunctionsStartSyncExecution = stateMachineScaffold({
  id: 'step-functions-start-sync-execution',
  action: 'StartSyncExecution',
  stateMachineHint:
    'An Express state machine (Standard ones cannot run synchronously); it must finish within the integration timeout (29 s by default).',
  success: 'The execution’s output.',
  response: `#set($status = $input.path('$.status'))
#if($status == "SUCCEEDED")
$input.path('$.output')
#else
#set($context.responseOverride.status = 500)
{"message": "The execution ended with status ${'$'}status.", "error": "${jsonText("$input.path('$.error')")}", "requestId": "$context.requestId"}
#end`,
  docs: [
    'https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartSyncExecution.html',
    'https://docs.aws.amazon.com/step-functions/latest/dg/tutorial-api-gateway.html',
  ],
});
