import { createRoot } from "react-dom/client";
import { App } from "./App";
import { loadConfig } from "./lib/config";
import { openSession } from "./lib/firebase";
import "./styles.css";

async function start() {
  const config = await loadConfig();
  const session = await openSession(config);
  createRoot(document.getElementById("root")!).render(<App config={config} session={session} />);
}

start().catch(() => {
  document.getElementById("root")!.innerHTML =
    '<main><h1>Coherence could not start</h1><p>Check your connection and <a href="">reload the page</a>.</p></main>';
});
