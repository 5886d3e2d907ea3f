// Starts s3rver (an S3-compatible server) on 127.0.0.1 for the tests, prints
// "listening <address>:<port>" once it accepts connections, and stops when its stdin closes,
// so the server dies with the test process that started it.
// Usage: node s3rver-launcher.cjs <data dir> <port, 0 = any free> [bucket ...]
const S3rver = require("s3rver");
const [dir, port = "0", ...buckets] = process.argv.slice(2);
const server = new S3rver({
  address: "127.0.0.1",
  port: Number(port),
  directory: dir,
  silent: true,
  configureBuckets: buckets.map((name) => ({ name })),
});
server
  .run()
  .then(({ address, port }) => console.log(`listening ${address}:${port}`))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
process.stdin.on("end", () => server.close().finally(() => process.exit(0)));
process.stdin.resume();
