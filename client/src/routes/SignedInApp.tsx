import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { createHashRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import type { Shell_MeFragment } from '../gql/graphql';
import type { ProviderSignOut } from '../lib/single-sign-on';
import { ForbiddenPage, NotFoundPage } from './RouteProblemPages';
import { Shell } from './Shell';
import { PAGES } from './pages';
import { useSignedIn, ViewerContext } from './viewer-context';

function PageLoadFailed() {
  return (
    <section>
      <h1>無法載入這個頁面</h1>
      <p role="alert">網路可能中斷了，請重新整理頁面再試一次。</p>
    </section>
  );
}

/** The browser tab and history name the page, as its address does. */
function Titled({ label, children }: { label: string; children: ReactNode }) {
  useEffect(() => {
    document.title = `${label}｜學生學習歷程檔案平臺`;
  }, [label]);
  return children;
}

/**
 * The signed-in client: one route per page, each page's code fetched when first opened, a page this person may not
 * open answered by 「您沒有權限開啟這個頁面」 and an unknown address by 「找不到這個頁面」. Addresses live after `#`, so a
 * link opened in a fresh browser lands on its page after signing in.
 */
function routesFor(): RouteObject[] {
  const pages: RouteObject[] = PAGES.map((page) => ({
    ...(page.path === '/' ? { index: true as const } : { path: page.path.slice(1) }),
    lazy: async () => {
      const Page = await page.load();
      // Who may open it is read at each render, from the signed-in person as they are now.
      return {
        Component: () => (
          <Titled label={page.label}>{page.visible(useSignedIn().viewer) ? <Page /> : <ForbiddenPage />}</Titled>
        ),
      };
    },
  }));
  return [
    {
      path: '/',
      Component: Shell,
      HydrateFallback: () => <p className="centered">載入中…</p>,
      children: [{ errorElement: <PageLoadFailed />, children: [...pages, { path: '*', Component: NotFoundPage }] }],
    },
  ];
}

export function SignedInApp({
  viewer,
  onLoggedOut,
}: {
  viewer: Shell_MeFragment;
  onLoggedOut: (signedOutOf?: ProviderSignOut | null) => void;
}) {
  // One router for the whole sign-in: a refreshed viewer (after a password change) must not reset the page.
  const [router] = useState(() => createHashRouter(routesFor()));
  const signedIn = useMemo(() => ({ viewer, onLoggedOut }), [viewer, onLoggedOut]);
  return (
    <ViewerContext.Provider value={signedIn}>
      <RouterProvider router={router} />
    </ViewerContext.Provider>
  );
}
