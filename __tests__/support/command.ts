import { format } from "node:util";

/** What a command said and the exit code it gave, as a run in a process of its own reports them. */
export interface CommandResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a tool's command in this process with `args` and `env` set over process.env, and collects
 * what it prints to the console or writes to stdout and stderr. Each tool's test still starts the
 * tool once in a process of its own, which is where the exit code reaches the shell; every other
 * case costs no process start (a Node with tsx and the app's modules: about a CPU-second).
 */
export async function runCommand(
  command: (args: readonly string[]) => Promise<number>,
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<CommandResult> {
  let stdout = "";
  let stderr = "";
  const toStdout = (...data: unknown[]) => void (stdout += `${format(...data)}\n`);
  const toStderr = (...data: unknown[]) => void (stderr += `${format(...data)}\n`);
  /** A spy on `stream.write` that hands what is written to `add` and calls the write's callback. */
  const spyOnWrite = (stream: NodeJS.WriteStream, add: (text: string) => void) =>
    jest.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array, ...rest) => {
      add(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      const done = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
      done?.();
      return true;
    });
  const spies = [
    jest.spyOn(console, "log").mockImplementation(toStdout),
    jest.spyOn(console, "info").mockImplementation(toStdout),
    jest.spyOn(console, "error").mockImplementation(toStderr),
    jest.spyOn(console, "warn").mockImplementation(toStderr),
    spyOnWrite(process.stdout, (text) => (stdout += text)),
    spyOnWrite(process.stderr, (text) => (stderr += text)),
  ];
  const restore = setEnv(env);
  try {
    const status = await command(args);
    return { status, stdout, stderr };
  } finally {
    restore();
    for (const spy of spies) spy.mockRestore();
  }
}

/** Runs `run` with `env` set over process.env (undefined unsets), and puts process.env back after. */
export function withEnv<T>(env: Readonly<Record<string, string | undefined>>, run: () => T): T {
  const restore = setEnv(env);
  try {
    return run();
  } finally {
    restore();
  }
}

function setEnv(env: Readonly<Record<string, string | undefined>>): () => void {
  const set = (values: Readonly<Record<string, string | undefined>>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    }
  };
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  set(env);
  return () => set(saved);
}
