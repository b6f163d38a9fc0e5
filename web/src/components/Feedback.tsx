/** Loading, error and empty states, worded for the user. */
import type { ReactNode } from 'react';

export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {text}
    </div>
  );
}

export function ErrorMessage({ error, onRetry }: { error: Error | string; onRetry?: () => void }) {
  const text = typeof error === 'string' ? error : error.message;
  return (
    <div className="error-box" role="alert">
      <span>{text || '出现错误'}</span>
      {onRetry && (
        <button type="button" className="link-button" onClick={onRetry}>
          重试
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children && <div className="empty-body">{children}</div>}
    </div>
  );
}
