import type { Design } from '../model';
import { ProgramContext } from './context';
import { resourceTree } from './rest-resources';

/**
 * A quick lower bound of the CloudFormation resources a REST API written as constructs needs: the API,
 * one `AWS::ApiGateway::Resource` per path part and one `AWS::ApiGateway::Method` per method the program
 * writes. When even this is over the limit, the auto strategy need not write the constructs program to
 * count exactly.
 */
export function constructsLowerBound(design: Design): number {
  const tree = resourceTree(new ProgramContext(design), design);
  if (!tree) return 1;
  return 1 + (tree.order.length - 1) + tree.written.length;
}
