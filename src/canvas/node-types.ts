import type { NodeTypes } from '@xyflow/react';
import { ApiCard } from './cards/api-card';
import { BackendCard } from './cards/backend-card';
import { DomainCard } from './cards/domain-card';

/** Declared once at module level: a new object per render would make React Flow remount every node. */
export const nodeTypes = {
  resource: ApiCard,
  routes: ApiCard,
  integration: BackendCard,
  authorizer: BackendCard,
  domain: DomainCard,
} satisfies NodeTypes;
