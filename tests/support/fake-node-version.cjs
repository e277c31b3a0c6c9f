// Loaded with `node --require`: makes process.version read FAKE_NODE_VERSION, so the version gate can be tried as an
// old Node would run it on a machine that has no old Node installed.
if (process.env.FAKE_NODE_VERSION) Object.defineProperty(process, "version", { value: process.env.FAKE_NODE_VERSION });
