/**
 * Where the player finds the files it ships with (its stylesheet, its
 * catalogs): beside the bundle. The one-file build (`notecast html`) puts
 * another module in this one's place that answers with the files themselves,
 * as `data:` URLs, so that a page saved as one file needs nothing beside it.
 */

/** The URL of `name` (`notecast-player.css`, `locale/fr_FR.json`), a file shipped with the player. */
export function assetUrl(name: string): string {
  return new URL(name, import.meta.url).href;
}
