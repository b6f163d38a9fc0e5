/** Loading a report the user may see; anything else is a 404 that does not reveal it exists. */
import { GongkaiError } from '../errors.js';
import type { Store } from '../store/db.js';
import { getCurrentReport } from '../store/reports.js';
import { seesReport, type Scope } from '../store/scope.js';

export async function visibleReport(store: Store, scope: Scope, id: number) {
  const cur = await getCurrentReport(store, id);
  const uploadedBy = cur ? (await store.db.selectFrom('reports').select('uploaded_by').where('id', '=', id).executeTakeFirst())?.uploaded_by ?? null : null;
  if (!cur || !seesReport(scope, { agencyId: cur.summary.agencyId, path: cur.path, uploadedBy })) {
    throw new GongkaiError('NOT_FOUND', `报告 ${id} 不存在或不在您的权限范围内`);
  }
  return cur;
}
