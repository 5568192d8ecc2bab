/* feedback-widget.js: the one script a host page includes, configured by its data-* attributes.
 * The build bundles it with the loader's body (www/loader.js) into one minified classic script,
 * which must stay within 1 KB brotli. The stylesheet and the glue are beside it, and the wasm
 * beside the glue. */
import { embed } from "./loader.js";

embed(document.currentScript);
