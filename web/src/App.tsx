import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import type { User } from "firebase/auth";
import { createApi } from "./lib/api";
import type { ClientConfig } from "./lib/config";
import { logOut, onUser, token, type Session } from "./lib/firebase";
import { Ctx } from "./context";
import { parseRoute, titleOf, type Route } from "./route";
import { SignIn, ResetPassword } from "./pages/SignIn";
import { Home } from "./pages/Home";

// Pages past the first load come in their own chunks (the charts library only with the profile).
const RecordPage = lazy(() => import("./pages/Record").then((m) => ({ default: m.RecordPage })));
const VideoPage = lazy(() => import("./pages/Video").then((m) => ({ default: m.VideoPage })));
const Plans = lazy(() => import("./pages/Plans").then((m) => ({ default: m.Plans })));
const ProfilePage = lazy(() => import("./pages/Profile").then((m) => ({ default: m.ProfilePage })));
const SamplePage = lazy(() => import("./pages/Sample").then((m) => ({ default: m.SamplePage })));
const Welcome = lazy(() => import("./pages/Sample").then((m) => ({ default: m.Welcome })));

export function App({ config, session }: { config: ClientConfig; session: Session }) {
  const [user, setUser] = useState<User | null>(session.auth.currentUser);
  const [route, setRoute] = useState<Route>(parseRoute(location.hash));
  const [videoTitle, setVideoTitle] = useState<string | undefined>();
  const api = useMemo(() => createApi(config.apiBase, () => token(session)), [config, session]);

  useEffect(() => onUser(session, setUser), [session]);
  useEffect(() => {
    const onHash = () => { setRoute(parseRoute(location.hash)); window.scrollTo(0, 0); };
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  useEffect(() => { document.title = titleOf(route, !!user, videoTitle); }, [route, user, videoTitle]);
  useEffect(() => { document.body.dataset.user = user ? "signed-in" : "signed-out"; }, [user]);

  let page;
  if (route.page === "sample") page = <SamplePage />;
  else if (route.page === "welcome") page = <Welcome />;
  else if (route.page === "reset") page = <ResetPassword />;
  else if (!user) page = <SignIn />;
  else if (route.page === "record") page = <RecordPage />;
  else if (route.page === "video") page = <VideoPage key={route.videoId} videoId={route.videoId} onTitle={setVideoTitle} />;
  else if (route.page === "plans") page = <Plans />;
  else if (route.page === "profile") page = <ProfilePage />;
  else page = <Home />;

  const here = (p: Route["page"]) => (route.page === p ? "page" : undefined);
  return (
    <Ctx.Provider value={{ config, session, api, user }}>
      <a className="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById("main")?.focus(); }}>Skip to content</a>
      <header className="topbar">
        <a className="brand" href="#/">Coherence</a>
        {user ? (
          <nav aria-label="Main">
            <a href="#/" aria-current={here("home")}>Talks</a>
            <a href="#/record" aria-current={here("record")}>Record</a>
            <a href="#/plans" aria-current={here("plans")}>Plans</a>
            <a href="#/profile" aria-current={here("profile")}>Profile</a>
            <button type="button" className="link" data-testid="sign-out"
              onClick={async () => { await logOut(session); location.hash = "#/"; }}>Sign out</button>
          </nav>
        ) : (
          <nav aria-label="Main"><a href="#/sample" aria-current={here("sample")}>Sample report</a><a href="#/">Sign in</a></nav>
        )}
      </header>
      <main id="main" tabIndex={-1}><Suspense fallback={<p className="muted" role="status">Loading…</p>}>{page}</Suspense></main>
    </Ctx.Provider>
  );
}
