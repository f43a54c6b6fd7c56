// Types for electronBinary.mjs, so TypeScript tests (test/electron/) use the same lookup as `npm start`.
export declare const repoRoot: string;
export declare const electronNativeDir: string;
export declare const electronSqliteBinding: string;
export interface ElectronLocation {
  dir: string;
  version: string;
  binary: string | null;
  missing: string | null;
}
export declare function locateElectron(): ElectronLocation | null;
export declare function howToGetElectron(version: string): string;
