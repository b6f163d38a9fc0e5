/**
 * What every value cell of the three tables needs to know — its findings, whether it is selected
 * or highlighted, what to do on click — shared through context so the table components only
 * describe the printed layout.
 */
import { createContext, useContext } from 'react';
import type { CellFindings, CellKey } from '../../lib/cells.js';
import type { CellRef, CellValue } from '../../types.js';

export interface CellView {
  findings: ReadonlyMap<CellKey, CellFindings>;
  selected: CellKey | null;
  highlighted: ReadonlySet<CellKey>;
  /** Cells changed since the version on screen was loaded (corrections), or in a comparison. */
  changed?: ReadonlySet<CellKey>;
  /** What the source printed, when the value is empty or not a number ("—", "无"). */
  rawOf?: (ref: CellRef) => string | undefined;
  /** A value to show instead of the table's (e.g. a year-on-year difference). */
  display?: (ref: CellRef, value: CellValue | undefined) => string | undefined;
  describe: (ref: CellRef) => string;
  onSelect?: (ref: CellRef) => void;
}

export const CellViewContext = createContext<CellView | null>(null);

export function useCellView(): CellView {
  const v = useContext(CellViewContext);
  if (!v) throw new Error('CellViewContext missing');
  return v;
}
