export {
  type CostComparison,
  type CostEstimate,
  type CostInputs,
  type CostLine,
  estimateCost,
  lostFeatures,
  meteredUnits,
} from './estimate-cost';
export { type PriceTier, prices } from './prices';
