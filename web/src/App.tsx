import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { logout, me, onUnauthorized } from './api.js';
import { ErrorMessage, Loading } from './components/Feedback.js';
import { NavBar } from './components/NavBar.js';
import { SessionContext } from './lib/session.js';
import { navigate, useRoute } from './lib/router.js';
import { LoginPage } from './pages/LoginPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { OverviewPage } from './pages/OverviewPage.js';
import { ReportPage } from './pages/ReportPage.js';
import { ReportsPage } from './pages/ReportsPage.js';
import { RollupPage } from './pages/RollupPage.js';
import { SendBackPage } from './pages/SendBackPage.js';
import { UploadPage } from './pages/UploadPage.js';
import type { Session } from './types.js';

// The charts (ECharts) are most of the bundle and only this page needs them.
const ComparePage = lazy(() => import('./pages/ComparePage.js').then((m) => ({ default: m.ComparePage })));

export function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [bootError, setBootError] = useState<Error>();
  const route = useRoute();

  const check = useCallback(() => {
    setBootError(undefined);
    me().then(setSession, (e: Error) => setBootError(e));
  }, []);
  useEffect(check, [check]);
  useEffect(() => onUnauthorized(() => setSession(null)), []);

  if (bootError) return <ErrorMessage error={bootError} onRetry={check} />;
  if (session === undefined) return <Loading text="正在连接服务器…" />;
  if (session === null) return <LoginPage onLogin={setSession} />;

  const signOut = () => {
    logout().finally(() => {
      setSession(null);
      navigate('/');
    });
  };
  return (
    <SessionContext.Provider value={session}>
      <NavBar route={route} user={session.user} onLogout={signOut} />
      <main id="main" className="page" tabIndex={-1}>
        <Page segments={route.segments} params={route.params} />
      </main>
    </SessionContext.Provider>
  );
}

function Page({ segments, params }: { segments: string[]; params: URLSearchParams }) {
  const [first, second, third] = segments;
  switch (first) {
    case undefined:
    case 'overview':
      return <OverviewPage params={params} />;
    case 'upload':
      return <UploadPage />;
    case 'reports':
      if (!second) return <ReportsPage params={params} />;
      if (third === 'sendback') return <SendBackPage id={second} />;
      return <ReportPage id={second} params={params} />;
    case 'rollup':
      return <RollupPage params={params} />;
    case 'compare':
      return (
        <Suspense fallback={<Loading />}>
          <ComparePage params={params} />
        </Suspense>
      );
    default:
      return <NotFoundPage />;
  }
}
