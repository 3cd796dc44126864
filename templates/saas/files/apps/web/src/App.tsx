import { browserTokenStore, createHttpClient, type HttpClient } from "@{{ project.name }}/api-client";
import { matchPage, pages } from "./pages.ts";
import { Link, usePathname } from "./router.tsx";

const defaultHttp = createHttpClient({ tokens: browserTokenStore() });

export interface AppProps {
  /** The path to render first (the browser's, or a test's). */
  initialPath: string;
  http?: HttpClient;
}

export function App({ initialPath, http = defaultHttp }: AppProps) {
  const pathname = usePathname(initialPath);
  const page = matchPage(pathname);
  return (
    <div className="layout">
      <header>
        <strong>{ {{ project.displayName | json }} }</strong>
        <nav>
          {pages.map((entry) => (
            <Link key={entry.path} to={entry.path} active={entry === page}>
              {entry.title}
            </Link>
          ))}
        </nav>
      </header>
      <main>{page ? <page.component http={http} /> : <p>Page not found.</p>}</main>
    </div>
  );
}
