// Copies the pinned front-end libraries from node_modules into wwwroot/lib (committed; nothing loads from a CDN).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

const files = [
  ["bootstrap/dist/css/bootstrap.min.css", "bootstrap/css/bootstrap.min.css"],
  ["bootstrap/dist/js/bootstrap.bundle.min.js", "bootstrap/js/bootstrap.bundle.min.js"],
  ["bootstrap/LICENSE", "bootstrap/LICENSE"],
  ["chart.js/dist/chart.umd.min.js", "chart.js/chart.umd.min.js"],
  ["chart.js/LICENSE.md", "chart.js/LICENSE.md"],
];
for (const [from, to] of files) {
  const target = `wwwroot/lib/${to}`;
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(`node_modules/${from}`, target);
  if (target.endsWith(".js") || target.endsWith(".css")) {
    // Source maps are not shipped; drop the reference so browsers do not ask for them.
    writeFileSync(target, readFileSync(target, "utf8").replace(/\/[*/]# sourceMappingURL=.*$/m, ""));
  }
}
console.log(`vendored ${files.length} files`);
