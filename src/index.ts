export { parseReport, type ParseOptions } from './parse.js';
export { extractReport } from './extract/extract.js';
export { readDocument, registerReader, type ReadOptions } from './read/read.js';
export type { NeutralDocument, Block, TableBlock, TableCell, ParagraphBlock } from './read/document.js';
export * from './model/report.js';
export * from './model/templates.js';
export { relationsFor, type Relation } from './model/relations.js';
export { GongkaiError, isGongkaiError, type ErrorCode } from './errors.js';
