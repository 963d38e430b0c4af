import type { JSX } from "preact";
import { usePageTitle } from "../components/status.js";
import { useI18n } from "../i18n/i18n.js";
import { Link } from "../router.js";

export function NotFoundPage(): JSX.Element {
  const { t } = useI18n();
  usePageTitle(t("page.notFound"));
  return (
    <section class="page">
      <h1>{t("page.notFound")}</h1>
      <p>
        <Link href="/">{t("nav.map")}</Link>
      </p>
    </section>
  );
}
