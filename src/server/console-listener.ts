import type { RequestListener } from 'node:http';
import { getRequestListener } from '@hono/node-server';

/** Serves a fetch-style app (the console) on node:http; the node request is handed on as `c.env.incoming`. */
export function consoleListener(app: { fetch: (request: Request, env: never) => Response | Promise<Response> }): RequestListener {
  return getRequestListener(app.fetch as never);
}
