/**
 * Shapes of the HTTP API (src/server). The report itself is the project's own `report/v1` type,
 * imported, never re-declared, so the UI follows the model when it changes.
 */
import type { CellValue, Finding, Report, ReportTables } from '../../src/model/report.js';
import type { TableId } from '../../src/model/templates.js';

export type { CellRef, CellSource, CellValue, Finding, Report, ReportTables, Section, Severity, TableData } from '../../src/model/report.js';
export type { TableId, TemplateId } from '../../src/model/templates.js';

export type Id = number | string;

export interface User {
  id: Id;
  username: string;
  role: string;
  agencyId: Id | null;
  regionId: Id | null;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface AgencyCandidate {
  id: Id;
  name: string;
  score: number;
}

export interface AgencyMatch {
  agencyId: Id | null;
  candidates: AgencyCandidate[];
}

export interface UploadResult {
  id: Id;
  report: Report;
  findings: Finding[];
  agencyMatch: AgencyMatch;
}

export interface ReportListItem {
  id: Id;
  agencyId: Id | null;
  agencyName: string | null;
  year: number | null;
  status: string;
  errorCount: number;
  warningCount: number;
}

export interface ReportList {
  items: ReportListItem[];
  total: number;
}

export interface Version {
  id: Id;
  createdAt: string;
  createdBy: string | Id | null;
  reason: string | null;
}

export interface ReportDetail {
  id: Id;
  agencyId: Id | null;
  agencyName: string | null;
  year: number | null;
  status: string;
  report: Report;
  findings: Finding[];
  versions: Version[];
}

export interface CorrectionCell {
  table: TableId;
  row: string;
  column: string;
  value: CellValue;
}

export interface CorrectionResult {
  report: Report;
  findings: Finding[];
  versions: Version[];
}

export type OverviewStatus = 'ok' | 'error' | 'warning' | 'missing';

export interface OverviewAgency {
  id: Id;
  name: string;
  level: string;
  status: OverviewStatus;
  reportId: Id | null;
  errorCount: number;
  warningCount: number;
}

export interface Overview {
  agencies: OverviewAgency[];
  ruleCounts: Record<string, number>;
  missing: { id: Id; name: string }[];
}

export interface Contribution {
  reportId: Id;
  agencyName: string;
  value: CellValue;
}

export interface Rollup {
  tables: ReportTables;
  /** table → row → column → the reports that contributed to the sum (null: the report left it blank). */
  contributions: Record<string, Record<string, Record<string, Contribution[]>>>;
  /** The reports summed. */
  reports: { id: Id; agencyName: string }[];
  /** Agencies chosen that have no report for the year: the sum lacks them. */
  missingAgencies: { id: Id; name: string }[];
}

export interface CompareYear {
  year: number;
  reportId: Id | null;
  template: string | null;
  tables: ReportTables | null;
  findings: Finding[];
}

export interface Comparison {
  agency: { id: Id; name: string } | null;
  years: CompareYear[];
}

export interface AgencyNode {
  id: Id;
  name: string;
  level: string;
  children: AgencyNode[];
}
