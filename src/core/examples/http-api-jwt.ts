import {
  addAuthorizer,
  addIntegration,
  addRoute,
  addStage,
  autoLayout,
  connectAuthorizer,
  connectIntegration,
  type Design,
  emptyDesign,
  setRouteOverride,
  updateApi,
  updateAuthorizer,
  updateIntegration,
  updateRoute,
} from '../model';
import { build, ids, jsonResponse, pathParameter } from './build';

/**
 * An HTTP API for a browser app: Lambda proxy routes, a JWT authorizer (a Cognito user pool as issuer)
 * on the writes, and CORS answered by API Gateway itself, so no OPTIONS route is needed.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html
 */
export function httpApiWithJwt(): Design {
  return autoLayout(
    build(
      emptyDesign('HTTP', 'Notes'),
      (d) =>
        updateApi(d, {
          description: 'Notes for a single-page app: read openly, write with a signed-in user token.',
          cors: {
            allowOrigins: ['https://app.example.com'],
            allowMethods: ['GET', 'POST', 'DELETE'],
            allowHeaders: ['authorization', 'content-type'],
            exposeHeaders: [],
            allowCredentials: true,
            maxAgeSeconds: 3600,
          },
        }),
      (d) => addRoute(d, { routeKey: 'GET /notes', id: ids.rte('list') }),
      (d) => addRoute(d, { routeKey: 'POST /notes', id: ids.rte('create') }),
      (d) => addRoute(d, { routeKey: 'GET /notes/{noteId}', id: ids.rte('get') }),
      (d) => addRoute(d, { routeKey: 'DELETE /notes/{noteId}', id: ids.rte('delete') }),
      (d) =>
        updateRoute(d, ids.rte('list'), {
          operationName: 'listNotes',
          summary: 'List notes',
          responses: [jsonResponse('200', 'The notes')],
        }),
      (d) =>
        updateRoute(d, ids.rte('create'), {
          operationName: 'createNote',
          summary: 'Write a note',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { type: 'object', required: ['text'], properties: { text: { type: 'string' } } } } },
          },
          responses: [jsonResponse('201', 'The note was saved')],
        }),
      (d) =>
        updateRoute(d, ids.rte('get'), {
          operationName: 'getNote',
          summary: 'Read a note',
          parameters: [pathParameter('noteId', 'The id of the note.')],
          responses: [jsonResponse('200', 'The note'), jsonResponse('404', 'No note has this id')],
        }),
      (d) =>
        updateRoute(d, ids.rte('delete'), {
          operationName: 'deleteNote',
          summary: 'Delete a note',
          parameters: [pathParameter('noteId', 'The id of the note.')],
          responses: [jsonResponse('204', 'The note was deleted')],
        }),
      (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('notes'), name: 'Notes function' }),
      (d) => updateIntegration(d, ids.int('notes'), { functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:notes' }),
      (d) => addAuthorizer(d, { kind: 'JWT', id: ids.auth('jwt'), name: 'UserPoolJwt' }),
      (d) =>
        updateAuthorizer(d, ids.auth('jwt'), {
          jwtIssuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_NotesUsers',
          jwtAudience: ['notes-web-client'],
        }),
      (d) => connectIntegration(d, ids.rte('list'), ids.int('notes')),
      (d) => connectIntegration(d, ids.rte('create'), ids.int('notes')),
      (d) => connectIntegration(d, ids.rte('get'), ids.int('notes')),
      (d) => connectIntegration(d, ids.rte('delete'), ids.int('notes')),
      (d) => connectAuthorizer(d, ids.rte('create'), ids.auth('jwt')),
      (d) => connectAuthorizer(d, ids.rte('delete'), ids.auth('jwt')),
      (d) => updateRoute(d, ids.rte('create'), { authorizationScopes: ['notes/write'] }),
      (d) => updateRoute(d, ids.rte('delete'), { authorizationScopes: ['notes/write'] }),
      (d) => addStage(d, { name: '$default', id: ids.stg('default') }),
      (d) => setRouteOverride(d, ids.stg('default'), ids.rte('create'), { throttlingRateLimit: 20, throttlingBurstLimit: 40 }),
    ),
  );
}
