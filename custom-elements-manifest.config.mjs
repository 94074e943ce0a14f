// Custom-elements manifest settings shared by every package (run from the package folder with --config ../../<this file>).

/**
 * Tandem elements register through `TandemX.define('tandem-x')` (it tolerates a second copy on the page), which the
 * analyzer does not know; this records such calls as custom-element definitions, just like `customElements.define`.
 */
function tandemDefineCalls() {
  return {
    name: 'tandem-define-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return;
      const { expression: owner, name } = node.expression;
      // One argument only: `customElements.define(tag, Class)` is the analyzer's own business.
      const [tag, ...rest] = node.arguments;
      if (name.text !== 'define' || rest.length || !ts.isIdentifier(owner) || !tag || !ts.isStringLiteral(tag) || !tag.text.includes('-'))
        return;
      moduleDoc.exports ??= [];
      // The class usually lives in a sibling module; the module is filled in once every module is known.
      moduleDoc.exports.push({ kind: 'custom-element-definition', name: tag.text, declaration: { name: owner.text } });
    },
    packageLinkPhase({ customElementsManifest }) {
      const classes = new Map();
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? [])
          if (declaration.kind === 'class') classes.set(declaration.name, { mod, declaration });
      }
      for (const mod of customElementsManifest.modules) {
        // `customElements.define(tag, this)` inside define() itself reads to the analyzer as a definition of a tag named "tag".
        mod.exports = mod.exports?.filter((e) => e.kind !== 'custom-element-definition' || e.name.includes('-'));
        for (const exported of mod.exports ?? []) {
          if (exported.kind !== 'custom-element-definition' || exported.declaration.module) continue;
          const found = classes.get(exported.declaration.name);
          if (!found) continue;
          exported.declaration.module = found.mod.path;
          found.declaration.tagName ??= exported.name;
          found.declaration.customElement = true;
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  // Generated locale tables and test helpers are not part of any element's public API.
  exclude: ['src/generated/**', 'src/testing/**', 'src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [tandemDefineCalls()],
};
