/**
 * What a user may see: an administrator everything, a reviewer the agencies under its region,
 * an editor its own agency. Every query that lists or reads reports goes through `scopeOf`.
 */
import { GongkaiError } from '../errors.js';
import { getAgency } from './agencies.js';
import type { Store } from './db.js';
import type { User } from './users.js';

export type Scope =
  | { kind: 'all'; userId: number | null }
  | { kind: 'region'; userId: number; path: string; agencyId: number }
  | { kind: 'agency'; userId: number; agencyId: number; path: string };

export async function scopeOf(store: Store, user: User): Promise<Scope> {
  if (user.role === 'admin') return { kind: 'all', userId: user.id };
  if (user.agencyId == null) throw new GongkaiError('USAGE', '账户未设置所属机关或地区，请联系管理员');
  const a = await getAgency(store, user.agencyId);
  if (!a) throw new GongkaiError('NOT_FOUND', '账户所属机关已不存在，请联系管理员');
  return user.role === 'reviewer' ? { kind: 'region', userId: user.id, path: a.path, agencyId: a.id } : { kind: 'agency', userId: user.id, agencyId: a.id, path: a.path };
}

/** Whether an agency (by its path) is visible. */
export function seesAgency(scope: Scope, agency: { id: number; path: string }): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'region') return agency.path.startsWith(scope.path);
  return agency.id === scope.agencyId;
}

/**
 * Whether a report is visible: by its agency; a report not yet matched to an agency only to
 * administrators and to whoever uploaded it.
 */
export function seesReport(scope: Scope, r: { agencyId: number | null; path: string | null; uploadedBy: number | null }): boolean {
  if (scope.kind === 'all') return true;
  if (r.agencyId == null || r.path == null) return r.uploadedBy === scope.userId;
  return seesAgency(scope, { id: r.agencyId, path: r.path });
}

/** The path prefix that bounds a scope's agencies ('' for everything). */
export function scopePath(scope: Scope): string {
  return scope.kind === 'all' ? '' : scope.path;
}
