import type { Route } from '../lib/router.js';
import type { User } from '../types.js';

const ITEMS: { path: string; label: string }[] = [
  { path: 'overview', label: '总览' },
  { path: 'upload', label: '上传' },
  { path: 'reports', label: '报告' },
  { path: 'rollup', label: '汇总' },
  { path: 'compare', label: '年度对比' },
];

const ROLE_NAMES: Record<string, string> = { admin: '管理员', reviewer: '审核员', editor: '填报员' };

export function NavBar({ route, user, onLogout }: { route: Route; user: User; onLogout: () => void }) {
  const current = route.segments[0] ?? 'overview';
  return (
    <header className="topbar no-print">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        跳到主要内容
      </a>
      <span className="brand">政府信息公开年报 · 审核工作台</span>
      <nav aria-label="主导航">
        <ul>
          {ITEMS.map((it) => (
            <li key={it.path}>
              <a href={`#/${it.path}`} aria-current={current === it.path ? 'page' : undefined}>
                {it.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <span className="user">
        {user.username}
        {ROLE_NAMES[user.role] ? `（${ROLE_NAMES[user.role]}）` : ''}
        <button type="button" className="link-button" onClick={onLogout}>
          退出
        </button>
      </span>
    </header>
  );
}
