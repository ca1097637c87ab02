// Hash routes (#/, #/videos/{id}, ...): the same build works behind local/ and Firebase Hosting
// without server-side fallbacks. Pure; tested in test/route.test.ts.

export type Route =
  | { page: "home" } | { page: "record" } | { page: "video"; videoId: string } | { page: "plans" }
  | { page: "profile" } | { page: "sample" } | { page: "welcome" } | { page: "reset" };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "") || "/";
  const video = /^\/videos\/([^/?]+)$/.exec(path);
  if (video) return { page: "video", videoId: decodeURIComponent(video[1]) };
  switch (path.split("?")[0]) {
    case "/record": return { page: "record" };
    case "/plans": return { page: "plans" };
    case "/profile": return { page: "profile" };
    case "/sample": return { page: "sample" };
    case "/welcome": return { page: "welcome" };
    case "/reset": return { page: "reset" };
    default: return { page: "home" };
  }
}

/** The page title per route (the browser tab and screen readers announce it). */
export function titleOf(route: Route, signedIn: boolean, videoTitle?: string): string {
  const suffix = " · Coherence";
  if (!signedIn && !["sample", "welcome", "reset"].includes(route.page)) return "Sign in" + suffix;
  switch (route.page) {
    case "home": return "Your talks" + suffix;
    case "record": return "Record a talk" + suffix;
    case "video": return (videoTitle ? `${videoTitle} — report` : "Report") + suffix;
    case "plans": return "Plans and usage" + suffix;
    case "profile": return "Profile" + suffix;
    case "sample": return "Sample report" + suffix;
    case "welcome": return "Welcome" + suffix;
    case "reset": return "Reset your password" + suffix;
  }
}
