export { backendsOfRow, elkGraphOf, elkLayoutOptions, outlinePositions } from './elk-graph';
export { layoutInputOf } from './layout-input';
export { countCrossings, type LayoutMeasure, measureLayout } from './layout-measure';
export { type ElkLayouter, type ElkLayoutSettings, layoutWithElk } from './layout-with-elk';
export { type ColumnItem, placeColumn } from './place-column';
