import { useMemo } from 'react';
import { createHashRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import type { Shell_MeFragment } from '../gql/graphql';
import { ForbiddenPage, NotFoundPage } from './RouteProblemPages';
import { Shell } from './Shell';
import { PAGES } from './pages';
import { ViewerContext } from './viewer-context';

function PageLoadFailed() {
  return (
    <section>
      <h2>無法載入這個頁面</h2>
      <p role="alert">網路可能中斷了，請重新整理頁面再試一次。</p>
    </section>
  );
}

/**
 * The signed-in client: one route per page, each page's code fetched when first opened, a page this person may not
 * open answered by 「您沒有權限開啟這個頁面」 and an unknown address by 「找不到這個頁面」. Addresses live after `#`, so a
 * link opened in a fresh browser lands on its page after signing in.
 */
function routesFor(viewer: Shell_MeFragment): RouteObject[] {
  const pages: RouteObject[] = PAGES.map((page) => {
    const where = page.path === '/' ? { index: true as const } : { path: page.path.slice(1) };
    if (!page.visible(viewer)) return { ...where, Component: ForbiddenPage };
    return { ...where, lazy: async () => ({ Component: await page.load() }) };
  });
  return [
    {
      path: '/',
      Component: Shell,
      HydrateFallback: () => <p className="centered">載入中…</p>,
      children: [{ errorElement: <PageLoadFailed />, children: [...pages, { path: '*', Component: NotFoundPage }] }],
    },
  ];
}

export function SignedInApp({ viewer, onLoggedOut }: { viewer: Shell_MeFragment; onLoggedOut: () => void }) {
  const router = useMemo(() => createHashRouter(routesFor(viewer)), [viewer]);
  const signedIn = useMemo(() => ({ viewer, onLoggedOut }), [viewer, onLoggedOut]);
  return (
    <ViewerContext.Provider value={signedIn}>
      <RouterProvider router={router} />
    </ViewerContext.Provider>
  );
}
