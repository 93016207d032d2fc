import type { NodeTypes } from '@xyflow/react';
import { AuthorizerNode } from './nodes/authorizer-node';
import { IntegrationNode } from './nodes/integration-node';
import { MethodNode } from './nodes/method-node';
import { ResourceNode } from './nodes/resource-node';
import { RouteNode } from './nodes/route-node';

/** Declared once at module level: a new object per render would make React Flow remount every node. */
export const nodeTypes = {
  resource: ResourceNode,
  method: MethodNode,
  route: RouteNode,
  authorizer: AuthorizerNode,
  integration: IntegrationNode,
} satisfies NodeTypes;
