// Parses Terraform files with @cdktf/hcl2json (no terraform binary needed) and prints one JSON
// object {"<file name>": <parsed HCL>, ...}. A file that does not parse exits 1 with the
// parser's message (file:line:col) on stderr.
// Usage: node hcl2json.cjs <file.tf> [file.tf ...]
const fs = require("fs");
const path = require("path");
const { parse } = require("@cdktf/hcl2json");

(async () => {
  const result = {};
  for (const file of process.argv.slice(2)) {
    try {
      result[path.basename(file)] = await parse(file, fs.readFileSync(file, "utf8"));
    } catch (error) {
      console.error(`${file}: ${error && error.message ? error.message : error}`);
      process.exit(1);
    }
  }
  process.stdout.write(JSON.stringify(result));
})();
