/**
 * Secrets in URLs kept out of messages. Jupyter prints its address with the
 * token in it (`http://127.0.0.1:8888/lab?token=…`), which is what users
 * paste; a proxy may take `user:password@`. Every message the command line
 * prints goes through `redactUrls`, so no message, ours or a library's, shows
 * them.
 */

/** Query (or fragment) parameters whose value is a credential. */
const SECRET_PARAMETER =
  /^(token|_xsrf|xsrf|xsrf_token|csrf|csrf_token|access_token|id_token|refresh_token|auth|authorization|api_key|apikey|key|password|passwd|pwd|secret|client_secret|session|session_id|sessionid|sig|signature|code)$/i;

/** Text that is a URL with a scheme, up to the first space or quote. */
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;

/** What stands for a removed secret. */
export const REDACTED = '***';

/** The URL with its user name and password, and every secret parameter's value, replaced by `***`. */
export function redactUrl(url: string): string {
  const withoutUser = url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, `$1${REDACTED}@`);
  const query = withoutUser.search(/[?#]/);
  if (query < 0) {
    return withoutUser;
  }
  const rest = withoutUser
    .slice(query)
    .replace(/([?#&;])([^=?#&;]*)=([^?#&;]*)/g, (whole, separator: string, name: string) =>
      SECRET_PARAMETER.test(safeDecode(name)) ? `${separator}${name}=${REDACTED}` : whole
    );
  return withoutUser.slice(0, query) + rest;
}

/** `text` with every URL in it redacted. */
export function redactUrls(text: string): string {
  return text.replace(URL_IN_TEXT, redactUrl);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
