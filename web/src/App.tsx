/** Two pages: the shop (/) and the store manager's dashboard (/dashboard, loaded on demand). */
import { lazy, Suspense } from "react";
import { Shop } from "./components/Shop";

const Dashboard = lazy(() => import("./dashboard/Dashboard"));

export function App({ path = window.location.pathname }: { path?: string }) {
  const onDashboard = path === "/dashboard" || path.startsWith("/dashboard/");
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <a className="brand" href="/">
          <span aria-hidden="true">◆</span> Contoso
        </a>
        <nav aria-label="Pages">
          <a href="/" aria-current={onDashboard ? undefined : "page"}>
            Shop
          </a>
          <a href="/dashboard" aria-current={onDashboard ? "page" : undefined}>
            Dashboard
          </a>
        </nav>
      </header>
      {onDashboard ? (
        <Suspense fallback={<p role="status" className="page-loading">Loading the dashboard…</p>}>
          <Dashboard />
        </Suspense>
      ) : (
        <Shop />
      )}
    </>
  );
}
