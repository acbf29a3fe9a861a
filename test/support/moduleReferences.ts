/**
 * Every module a TypeScript file refers to, found with the TypeScript compiler's
 * parser rather than regexes: import declarations (side-effect and type-only
 * included), `export … from`, `import x = require()`, `import()` calls, `import('…')`
 * types and `require()` calls. A call whose argument is not a string literal is
 * reported with `specifier: undefined`, so a caller can refuse what it cannot check.
 */
import ts from 'typescript';

export interface ModuleReference {
  kind: 'import' | 'export-from' | 'import-equals' | 'dynamic-import' | 'import-type' | 'require';
  /** the string literal's text; undefined when the module is computed at run time */
  specifier: string | undefined;
  /** 1-based */
  line: number;
}

function literal(node: ts.Node | undefined): string | undefined {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

export function moduleReferences(fileName: string, text: string): ModuleReference[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: ModuleReference[] = [];
  const add = (kind: ModuleReference['kind'], node: ts.Node, specifier: ts.Node | undefined) =>
    found.push({ kind, specifier: literal(specifier), line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add('import', node, node.moduleSpecifier);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier) add('export-from', node, node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add('import-equals', node, node.moduleReference.expression);
    else if (ts.isImportTypeNode(node)) add('import-type', node, ts.isLiteralTypeNode(node.argument) ? node.argument.literal : undefined);
    else if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) add('dynamic-import', node, node.arguments[0]);
      else if (ts.isIdentifier(node.expression) && node.expression.text === 'require') add('require', node, node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
