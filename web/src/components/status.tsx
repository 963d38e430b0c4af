// The few ways a page says where it stands: loading, an error from the server, nothing to show.
import type { JSX } from "preact";
import { useEffect } from "preact/hooks";
import type { ApiError } from "../api/client.js";
import { useI18n } from "../i18n/i18n.js";
import { hrefWith, Link } from "../router.js";

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Truce`;
  }, [title]);
}

export function Loading(): JSX.Element {
  const { t } = useI18n();
  return (
    <p class="loading" role="status">
      {t("common.loading")}
    </p>
  );
}

export function ErrorMessage({ error }: { error: ApiError }): JSX.Element {
  const { t } = useI18n();
  const signIn =
    error.status === 401 ? (
      <>
        {" "}
        <Link href={hrefWith("/login", { next: window.location.pathname + window.location.search })}>
          {t("nav.signIn")}
        </Link>
      </>
    ) : null;
  return (
    <div class="notice notice-error" role="alert">
      <p>
        {error.status === 0 ? t("error.network") : error.message}
        {signIn}
      </p>
      <p class="error-code">{error.code}</p>
    </div>
  );
}

/** A page only some roles use: the reason and a way to sign in, instead of a wall of 403s. */
export function NotForYou({ why }: { why: string }): JSX.Element {
  const { t } = useI18n();
  return (
    <div class="notice" role="status">
      <p>{why}</p>
      <p>
        <Link href={hrefWith("/login", { next: window.location.pathname + window.location.search })}>
          {t("nav.signInAs")}
        </Link>
      </p>
    </div>
  );
}
