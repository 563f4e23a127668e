import { PATH_ECHO_LENGTH } from './display-name.js';
import { UsageError } from './io.js';
import type { ServerAddress } from './kernel/index.js';
import { redactUrl } from './redact.js';
import { userText } from '../format/index.js';

/**
 * A Jupyter server's address from `--lab`/`--server URL` and `--token`. The
 * URL may be the one Jupyter prints (`http://127.0.0.1:8888/lab?token=…`):
 * its page (`/lab`, `/tree`, …), query and fragment go, and its `token` is
 * the token when `--token` is not given. A user name and password in it are
 * refused (Jupyter takes a token), without echoing them.
 */
export function serverAddress(option: string, text: string, token: string | undefined): ServerAddress {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(
      `${option} "${userText(redactUrl(text), PATH_ECHO_LENGTH)}" is not a URL: give the address Jupyter prints, such as http://127.0.0.1:8888/lab?token=…`
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`${option} "${userText(redactUrl(text), PATH_ECHO_LENGTH)}" is not an http:// or https:// URL`);
  }
  if (url.username || url.password) {
    throw new UsageError(
      `${option} "${userText(redactUrl(text), PATH_ECHO_LENGTH)}" has a user name or password in it, which Jupyter does not take: give the server's token with --token (or as ?token=… in the URL)`
    );
  }
  const fromUrl = url.searchParams.get('token') ?? undefined;
  const path = url.pathname.replace(/\/(lab|tree|notebooks|edit|doc|voila)(\/.*)?$/, '').replace(/\/+$/, '');
  return { url: `${url.origin}${path}`, token: token ?? fromUrl ?? '' };
}
