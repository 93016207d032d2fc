import { routeKeyProblem } from '../../model';
import { guide, isRoute } from '../describe';
import { defineOperationRule } from '../rule';

/**
 * HTTP route keys are `VERB /path` or `$default`; WebSocket route keys are `$connect`, `$disconnect`,
 * `$default` or a message value. The operations and `checkDesign` refuse other keys (a WebSocket key on an
 * HTTP API, `{proxy+}` before the end of a path); this rule names one that arrives in data built outside them.
 */
export const routeKeyInvalid = defineOperationRule({
  id: 'route-key-invalid',
  severity: 'error',
  title: 'Route key API Gateway would refuse',
  why: 'An HTTP API matches a request on its method and path (`GET /pets/{id}`, a greedy `{proxy+}` only at the end), with `$default` as the catch-all. A WebSocket API matches each message on the value its route selection expression picks (`sendMessage`), plus the special $connect, $disconnect and $default routes. A key of one kind means nothing to the other.',
  docsUrl: guide('http-api-develop-routes'),
  check(owner, context, report) {
    if (!isRoute(owner) || context.apiType === 'REST') return;
    const problem = routeKeyProblem(owner.routeKey, context.apiType);
    if (problem) report({ message: `Route ${owner.routeKey}: ${problem}`, target: { kind: 'route', id: owner.id } });
  },
});
