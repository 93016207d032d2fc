import type { Design } from '../model';
import { httpApiWithJwt } from './http-api-jwt';
import { mockTeachingApi } from './mock-teaching';
import { privateRestApi } from './private-rest-api';
import { restApi2026 } from './rest-api-2026';
import { restPetStore } from './rest-pet-store';
import { sqsIngestion } from './sqs-ingestion';
import { webSocketChat } from './websocket-chat';

export { httpApiWithJwt } from './http-api-jwt';
export { mockTeachingApi } from './mock-teaching';
export { privateRestApi } from './private-rest-api';
export { restApi2026 } from './rest-api-2026';
export { firstStartDesign, restPetStore } from './rest-pet-store';
export { sqsIngestion } from './sqs-ingestion';
export { type SyntheticOptions, syntheticDesign } from './synthetic';
export { webSocketChat } from './websocket-chat';

export interface Example {
  id: string;
  title: string;
  description: string;
  build(): Design;
}

/** The gallery, in the order it is shown. */
export const examples: readonly Example[] = [
  {
    id: 'rest-pet-store',
    title: 'REST pet store',
    description: 'Lambda proxy, Cognito authorizer, a mock health check, a cached prod stage, a usage plan with an API key.',
    build: restPetStore,
  },
  {
    id: 'rest-api-2026',
    title: 'REST API, 2026 features',
    description:
      'A JWT authorizer on a REST API, dual-stack with TLS 1.3, a custom domain routing x-api-version 2* to beta, a streamed Lambda response.',
    build: restApi2026,
  },
  {
    id: 'http-api-jwt',
    title: 'HTTP API with JWT and CORS',
    description: 'Lambda proxy routes for a browser app, a JWT authorizer on the writes, CORS answered by API Gateway.',
    build: httpApiWithJwt,
  },
  {
    id: 'websocket-chat',
    title: 'WebSocket chat',
    description: '$connect behind a Lambda REQUEST authorizer, $disconnect, $default and a sendMessage route.',
    build: webSocketChat,
  },
  {
    id: 'sqs-ingestion',
    title: 'SQS ingestion',
    description: 'POST straight into an SQS queue: AWS service integration, mapping template, integration responses.',
    build: sqsIngestion,
  },
  {
    id: 'private-rest-api',
    title: 'Private REST API',
    description: 'A PRIVATE endpoint with a resource policy on aws:SourceVpce, and a backend behind a VPC link.',
    build: privateRestApi,
  },
  {
    id: 'mock-teaching',
    title: 'Mock-only API',
    description: 'Mock integrations only: learn method requests, mapping templates and integration responses.',
    build: mockTeachingApi,
  },
];
