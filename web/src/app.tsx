// The page frame: skip link, navigation by role, the locale switch, the signed-in account, and the routes.
import type { JSX } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { User } from "./api/types.js";
import { ErrorMessage } from "./components/status.js";
import { I18nProvider, useI18n } from "./i18n/i18n.js";
import { type LocaleCode, localeCodes, locales } from "./i18n/locales.js";
import { BulletinsPage } from "./pages/bulletins-page.js";
import { ComplaintPage } from "./pages/complaint-page.js";
import { DashboardPage } from "./pages/dashboard-page.js";
import { IncidentPage } from "./pages/incident/incident-page.js";
import { LoginPage } from "./pages/login-page.js";
import { MapPage } from "./pages/map-page.js";
import { NotFoundPage } from "./pages/not-found-page.js";
import { QueuePage } from "./pages/queue-page.js";
import { Link, matchPath, navigate, useLocation } from "./router.js";
import { SessionProvider, useSession } from "./session.js";

interface NavItem {
  readonly href: string;
  readonly key: "nav.map" | "nav.queue" | "nav.complaint" | "nav.dashboard" | "nav.bulletins";
  readonly shown: (user: User | null) => boolean;
}

const navItems: readonly NavItem[] = [
  { href: "/", key: "nav.map", shown: () => true },
  { href: "/queue", key: "nav.queue", shown: (u) => u?.role === "guarantor" || u?.role === "admin" },
  {
    href: "/complaints/new",
    key: "nav.complaint",
    shown: (u) => u?.role === "party" || u?.role === "guarantor",
  },
  { href: "/dashboard", key: "nav.dashboard", shown: () => true },
  { href: "/bulletins", key: "nav.bulletins", shown: () => true },
];

function Route({ path }: { path: string }): JSX.Element {
  const incident = matchPath("/incidents/:id", path);
  if (incident !== null) return <IncidentPage id={incident.id as string} />;
  switch (path) {
    case "/":
      return <MapPage />;
    case "/queue":
      return <QueuePage />;
    case "/complaints/new":
      return <ComplaintPage />;
    case "/dashboard":
      return <DashboardPage />;
    case "/bulletins":
      return <BulletinsPage />;
    case "/login":
      return <LoginPage />;
    default:
      return <NotFoundPage />;
  }
}

function LocaleSwitch(): JSX.Element {
  const { t, locale, setLocale } = useI18n();
  return (
    <div class="locale-switch">
      <label for="locale">{t("nav.language")}</label>
      <select id="locale" value={locale} onChange={(e) => setLocale(e.currentTarget.value as LocaleCode)}>
        {localeCodes.map((code) => (
          <option key={code} value={code} lang={code}>
            {locales[code].name}
          </option>
        ))}
      </select>
    </div>
  );
}

function Account(): JSX.Element {
  const { t, label, actor } = useI18n();
  const { session, signOut } = useSession();
  const user = session?.user ?? null;
  if (user === null) {
    return (
      <Link href="/login" class="account-link">
        {t("nav.signIn")}
      </Link>
    );
  }
  const bound = user.party ?? user.guarantor;
  return (
    <div class="account">
      <span class="account-name">
        {user.username}
        <span class="account-role">
          {label("role", user.role)}
          {bound !== null && ` · ${actor(bound)}`}
        </span>
      </span>
      <button
        type="button"
        class="button-secondary button-small"
        onClick={() => void signOut().then(() => navigate("/"))}
      >
        {t("nav.signOut")}
      </button>
    </div>
  );
}

function Shell(): JSX.Element {
  const { t } = useI18n();
  const { session, problem } = useSession();
  const { path } = useLocation();
  const user = session?.user ?? null;
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  useEffect(() => {
    // After a navigation, focus moves to the new page (not on the first load, where it starts at the top).
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [path]);

  return (
    <>
      <a class="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header class="site-header">
        <Link href="/" class="brand">
          Truce
        </Link>
        <nav aria-label={t("nav.label")}>
          <ul class="nav-list">
            {navItems
              .filter((item) => item.shown(user))
              .map((item) => (
                <li key={item.href}>
                  <Link href={item.href} aria-current={path === item.href ? "page" : undefined}>
                    {t(item.key)}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
        <div class="header-tools">
          <LocaleSwitch />
          <Account />
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {problem !== null && <ErrorMessage error={problem} />}
        <Route path={path} />
      </main>
      <footer class="site-footer">
        <p>{t("footer.openData")}</p>
        <ul class="footer-links">
          <li>
            <a href="/api/export/geojson">GeoJSON</a>
          </li>
          <li>
            <a href="/api/export/acled">{t("footer.acled")}</a>
          </li>
          <li>
            <a href="/api/export/hxl">{t("footer.hxl")}</a>
          </li>
          <li>
            <a href="/api/export/atom">{t("footer.atom")}</a>
          </li>
          <li>
            <a href="/openapi.json">{t("footer.api")}</a>
          </li>
        </ul>
      </footer>
    </>
  );
}

export function App(): JSX.Element {
  return (
    <I18nProvider>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </I18nProvider>
  );
}
