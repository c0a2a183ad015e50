import type { RequestListener } from 'node:http';
import { getRequestListener } from '@hono/node-server';

/** Serves a fetch-style app (the console) on node:http; the node request is handed on as `c.env.incoming`. */
export function consoleListener(app: {
  fetch: (request: Request, env: never) => Response | Promise<Response>;
}): RequestListener {
  const listener = getRequestListener(app.fetch as never);
  // The listener answers its own errors (500), so node:http may drop the promise it returns.
  return (req, res) => void listener(req, res);
}
