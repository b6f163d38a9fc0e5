import type { Template } from '../../../../src/model/templates.js';
import { tableTitle } from '../../lib/layout.js';
import type { ReportTables as Tables, TableId } from '../../types.js';
import { ActiveTable } from './ActiveTable.js';
import { AppealsTable } from './AppealsTable.js';
import { CellViewContext, type CellView } from './CellContext.js';
import { RequestsTable } from './RequestsTable.js';

/** The three statistical tables of a report, in the official layout each was read with. */
export function ReportTables({ tables, templateOf, view }: { tables: Tables | null | undefined; templateOf: (t: TableId) => Template; view: CellView }) {
  return (
    <CellViewContext.Provider value={view}>
      <section className="form-block" aria-labelledby="t-active">
        <h3 id="t-active">{tableTitle('active')}</h3>
        <ActiveTable spec={templateOf('active').tables.active} data={tables?.active} />
      </section>
      <section className="form-block" aria-labelledby="t-requests">
        <h3 id="t-requests">{tableTitle('requests')}</h3>
        <div className="table-scroll">
          <RequestsTable spec={templateOf('requests').tables.requests} data={tables?.requests} />
        </div>
      </section>
      <section className="form-block" aria-labelledby="t-appeals">
        <h3 id="t-appeals">{tableTitle('appeals')}</h3>
        <AppealsTable spec={templateOf('appeals').tables.appeals} data={tables?.appeals} />
      </section>
    </CellViewContext.Provider>
  );
}
