// Renders prerendered pages again in Swedish and English (heka_app/language_pages.py runs
// it in the build's web directory, after React Router's own prerender in Finnish).
// It does what React Router's prerender does (a data request, then the HTML request to the
// server build's handler), after globalThis.hekaServe (assets/heka_lang.js) has put the
// language in the state's compiled default and loaded its tables: the same step the
// browser takes before it hydrates such a page.
//
// stdin: {"state": ..., "field": ..., "languages": [...], "pages": [{"path", "spa", "out"}]}
// where "out" holds "{lang}"; stdout: one line per page written.
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "react-router";

const job = JSON.parse(await new Promise((resolve) => {
  let text = "";
  process.stdin.on("data", (chunk) => (text += chunk));
  process.stdin.on("end", () => resolve(text));
}));
const build = await import(pathToFileURL(process.cwd() + "/build/server/index.js").href);
const handler = createRequestHandler(build, "production");

async function render(page) {
  if (page.spa) {
    const headers = { "X-React-Router-SPA-Mode": "yes" };
    return handler(new Request("http://localhost/", { headers }));
  }
  const data = await (await handler(new Request(`http://localhost${page.path}.data`))).text();
  const headers = new Headers();
  // React Router's prerender passes the loader data along the same way.
  if (data.length < 8 * 1024) headers.set("X-React-Router-Prerender-Data", encodeURI(data));
  return handler(new Request(`http://localhost${page.path.replace(/\/$/, "")}/`, { headers }));
}

if (typeof globalThis.hekaServe !== "function") {
  throw new Error("the server build did not define globalThis.hekaServe (assets/heka_lang.js)");
}
for (const lang of job.languages) {
  await globalThis.hekaServe(lang, job.state, job.field);
  for (const page of job.pages) {
    const response = await render(page);
    if (response.status !== 200) throw new Error(`${page.path}: status ${response.status}`);
    const out = page.out.replace("{lang}", lang);
    writeFileSync(out, await response.text());
    process.stdout.write(`${out}\n`);
  }
}
