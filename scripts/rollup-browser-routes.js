// Rollup plugin for the browser bundles: the shared route table (@tandem/protocol's `routes`) shrinks to the
// routes browser code calls, without their `summary` texts (those are for the server's OpenAPI document).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The compiled JS files of a package's dist/ folder, recursively. */
function distFiles(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return distFiles(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

/**
 * Route names referenced as `routes.<name>` anywhere in the browser packages' compiled code. A reference the
 * scan cannot see (`routes[name]`, a renamed import) fails the build rather than losing a route at runtime.
 */
export function routesUsedBy(packageDirs) {
  const used = new Set();
  for (const file of packageDirs.flatMap((dir) => distFiles(join(dir, 'dist')))) {
    const code = readFileSync(file, 'utf8');
    if (/\broutes\s*\[|\broutes as\b|\{\s*routes\s*\}\s*=/.test(code)) {
      throw new Error(`${file} reads the route table in a way the browser-routes plugin cannot follow; use routes.<name>`);
    }
    for (const match of code.matchAll(/\broutes\.([A-Za-z_$][\w$]*)/g)) used.add(match[1]);
  }
  return used;
}

const keyName = (property) => property.key.name ?? property.key.value;

/** `packageDirs`: the workspace packages whose code runs in the browser. */
export function browserRoutes(packageDirs) {
  let used;
  return {
    name: 'tandem-browser-routes',
    buildStart() {
      used = routesUsedBy(packageDirs);
    },
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('/protocol/dist/routes.js')) return null;
      let table;
      for (const node of this.parse(code).body) {
        const declaration = node.type === 'ExportNamedDeclaration' ? node.declaration : node;
        for (const declarator of declaration?.declarations ?? []) {
          if (declarator.id.name === 'routes' && declarator.init?.type === 'ObjectExpression') table = declarator.init;
        }
      }
      if (!table) this.error('protocol/dist/routes.js has no `export const routes = { … }` table');
      const known = new Set(table.properties.map(keyName));
      const missing = [...used].filter((name) => !known.has(name));
      if (missing.length) this.error(`browser code calls routes the table does not have: ${missing.join(', ')}`);
      const kept = table.properties
        .filter((route) => used.has(keyName(route)))
        .map((route) => {
          const fields = route.value.properties.filter((field) => keyName(field) !== 'summary');
          return `${code.slice(route.key.start, route.key.end)}: {${fields.map((f) => code.slice(f.start, f.end)).join(', ')}}`;
        });
      return { code: `${code.slice(0, table.start)}{\n${kept.join(',\n')}\n}${code.slice(table.end)}`, map: null };
    },
  };
}
