/**
 * Pictures of feature graphs: fold big graphs, write DOT, lay out SVG with Graphviz in WebAssembly.
 */
export { graphPicture, graphDot, graphSvg, type PictureOptions } from './picture';
export { renderSvg, graphvizVersion } from './render-svg';
export { collapse, type CollapseOptions, type CollapseMode, type CollapsedGraph, type Box, type BoxEdge } from './collapse';
export { toDot, type DotOptions, type BoxDecoration } from './dot';
export { graphFromNodeInfo, upstreamOf, type GraphNode, type NodeKind, type NodeInfoLike, type GraphSource } from './model';
