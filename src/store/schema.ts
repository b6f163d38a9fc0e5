/**
 * Table shapes, as Kysely sees them. One declaration serves SQLite and PostgreSQL: JSON is kept
 * as text and timestamps as ISO-8601 text so that both dialects read back the same values.
 */
import type { Generated } from 'kysely';

export type AgencyLevel = 'province' | 'city' | 'county' | 'department' | 'township';
export const AGENCY_LEVELS: readonly AgencyLevel[] = ['province', 'city', 'county', 'department', 'township'];

export type Role = 'admin' | 'reviewer' | 'editor';
export const ROLES: readonly Role[] = ['admin', 'reviewer', 'editor'];

/** Stored status of a report's current version. */
export type ReportStatus = 'unmatched' | 'clean' | 'warnings' | 'errors';

export interface AgencyTable {
  id: Generated<number>;
  parent_id: number | null;
  level: AgencyLevel;
  name: string;
  /** Materialised path of ids, "/1/5/23/": a region's subtree is one prefix match. */
  path: string;
  created_at: string;
}

export interface AgencyAliasTable {
  id: Generated<number>;
  agency_id: number;
  /** Normalised (NFKC, no whitespace) so that matching is an equality test. */
  alias: string;
}

export interface FileTable {
  sha256: string;
  name: string;
  size: number;
  format: string;
  content: Uint8Array;
  created_at: string;
}

export interface ReportTable {
  id: Generated<number>;
  agency_id: number | null;
  year: number | null;
  /** The agency name as the report prints it, kept for matching and display. */
  agency_name: string | null;
  title: string | null;
  template: string | null;
  current_version: number;
  status: ReportStatus;
  error_count: number;
  warning_count: number;
  info_count: number;
  /** JSON: how the agency was (or was not) matched, with candidates. */
  agency_match: string;
  uploaded_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ReportVersionTable {
  id: Generated<number>;
  report_id: number;
  version: number;
  kind: 'import' | 'reimport' | 'correction';
  file_sha256: string | null;
  /** JSON of the full `report/v1` document of this version. */
  report_json: string;
  /** JSON list of the cells changed by a correction. */
  changes: string | null;
  reason: string | null;
  created_by: number | null;
  created_at: string;
}

export interface FindingTable {
  id: Generated<number>;
  report_id: number;
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** JSON: CellRef[]. */
  cells: string;
  /** JSON: SourceLocation | null. */
  loc: string | null;
  /** JSON: extra values. */
  data: string | null;
}

/** Every (table, row, column) ever seen, so that the cell rows are three integers wide. */
export interface CellKeyTable {
  id: Generated<number>;
  tbl: string;
  row_key: string;
  col_key: string;
}

export interface CellTable {
  report_id: number;
  cell_id: number;
  value: number | null;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  role: Role;
  /** Reviewer: the region (agency subtree) it reviews. Editor: its own agency. */
  agency_id: number | null;
  display_name: string | null;
  created_at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie token: a leaked database does not leak live sessions. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface Database {
  agencies: AgencyTable;
  agency_aliases: AgencyAliasTable;
  files: FileTable;
  reports: ReportTable;
  report_versions: ReportVersionTable;
  findings: FindingTable;
  cell_keys: CellKeyTable;
  cells: CellTable;
  users: UserTable;
  sessions: SessionTable;
}
