import {
  addIntegration,
  addMethod,
  addResource,
  addStage,
  autoLayout,
  connectIntegration,
  type Design,
  emptyDesign,
  ROOT_RESOURCE_ID,
  updateApi,
  updateBinding,
  updateMethod,
} from '../model';
import { build, ids, jsonResponse, pathParameter } from './build';

/**
 * A REST API answered entirely by mock integrations: nothing to deploy behind it, so it is the place to
 * learn how a method request, a mapping template and an integration response fit together.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-mock-integration.html
 */
export function mockTeachingApi(): Design {
  const answer = (statusCode: string, template: string, selectionPattern = 'default') => ({
    selectionPattern,
    statusCode,
    responseParameters: {},
    responseTemplates: { 'application/json': template },
  });
  return autoLayout(
    build(
      emptyDesign('REST', 'Hello mock'),
      (d) =>
        updateApi(d, { description: 'Mock integrations only: try the mapping templates without a backend.', endpointType: 'REGIONAL' }),
      (d) => addResource(d, { parentId: ROOT_RESOURCE_ID, pathPart: 'hello', id: ids.res('hello') }),
      (d) => addResource(d, { parentId: ROOT_RESOURCE_ID, pathPart: 'greetings', id: ids.res('greetings') }),
      (d) => addResource(d, { parentId: ids.res('greetings'), pathPart: '{name}', id: ids.res('greeting') }),
      (d) => addMethod(d, { resourceId: ids.res('hello'), httpMethod: 'GET', id: ids.mth('hello') }),
      (d) => addMethod(d, { resourceId: ids.res('greeting'), httpMethod: 'GET', id: ids.mth('greet') }),
      (d) =>
        updateMethod(d, ids.mth('hello'), {
          operationName: 'sayHello',
          summary: 'A fixed answer',
          responses: [jsonResponse('200', 'Hello')],
        }),
      (d) =>
        updateMethod(d, ids.mth('greet'), {
          operationName: 'greet',
          summary: 'An answer built from the path',
          parameters: [pathParameter('name', 'Who to greet; "nobody" answers 404.')],
          responses: [jsonResponse('200', 'A greeting'), jsonResponse('404', 'Nobody to greet')],
        }),
      (d) => addIntegration(d, { kind: 'MOCK', id: ids.int('hello'), name: 'Fixed answer' }),
      (d) => addIntegration(d, { kind: 'MOCK', id: ids.int('greet'), name: 'Greeting' }),
      (d) => connectIntegration(d, ids.mth('hello'), ids.int('hello')),
      (d) => connectIntegration(d, ids.mth('greet'), ids.int('greet')),
      (d) => updateBinding(d, ids.mth('hello'), { responses: [answer('200', '{"message": "Hello, world"}')] }),
      (d) =>
        updateBinding(d, ids.mth('greet'), {
          // A mock chooses its status code from the request template; the response template reads the path.
          requestTemplates: {
            'application/json': '#if($input.params(\'name\') == "nobody")\n{"statusCode": 404}\n#else\n{"statusCode": 200}\n#end',
          },
          responses: [
            answer('200', '{"message": "Hello, $util.escapeJavaScript($input.params(\'name\'))"}'),
            answer('404', '{"message": "Nobody is here."}', '404'),
          ],
        }),
      (d) => addStage(d, { name: 'dev', id: ids.stg('dev') }),
    ),
  );
}
