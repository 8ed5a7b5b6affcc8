import type { Plugin } from 'vite';

/**
 * `main.tsx` loads the app (`startApp.tsx`) with a dynamic import, after it has started the board
 * connection. This has the browser fetch that chunk and its stylesheet right away, with the entry
 * (`modulepreload` / `preload`), instead of only once the entry has run: fetched in parallel,
 * run in order.
 */
export function appPreload(entry: string): Plugin {
  return {
    name: 'interplay-app-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const chunk = Object.values(bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.facadeModuleId?.endsWith(entry) === true,
        );
        if (!chunk || chunk.type !== 'chunk') throw new Error(`appPreload: no chunk for ${entry}`);
        const css = [...(chunk.viteMetadata?.importedCss ?? [])];
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${chunk.fileName}` },
            injectTo: 'head',
          },
          ...css.map((file) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `/${file}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}
