/**
 * Imported first by main.ts, before cdktf: turns off the source maps tsx turns on. With them on,
 * Node parses the inline source map of every module it loads (cdktf ships one in each file), and
 * cdktf records a full stack trace for every token it creates, which Node then maps frame by frame:
 * together a fifth of a small synth's CPU, for traces no user is shown (problems are reported in one
 * line). Asked for explicitly (`--enable-source-maps`), they stay on.
 */
const asked = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)].includes(
  "--enable-source-maps",
);
if (!asked) process.setSourceMapsEnabled(false);
