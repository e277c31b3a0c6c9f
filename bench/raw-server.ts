// Benchmark baseline: plain node:http answering the same constant, the machine's ceiling. Prints its port.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { constantAnswer } from "./constant-answers";

const server = createServer((req, res) => {
  let data = "";
  req.on("data", (chunk: Buffer) => (data += chunk));
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(constantAnswer(JSON.parse(data || "{}"))));
  });
});
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => console.log(`PORT=${(server.address() as AddressInfo).port}`));
