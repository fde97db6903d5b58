import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The name and version of the app, as package.json states them. */
export interface PackageIdentity {
  name: string;
  version: string;
}

/** Fallback when package.json has no product name: what users see in the title bar. */
const DEFAULT_PRODUCT_NAME = 'Resolutie-editor';

/**
 * Reads the app's identity from `<appRoot>/package.json`. The product name (as electron-builder
 * and Electron's `app.getName()` use it) wins over the npm package name, which is lowercase and
 * meant for machines.
 */
export async function readPackageIdentity(appRoot: string): Promise<PackageIdentity> {
  const text = await readFile(path.join(appRoot, 'package.json'), 'utf8');
  const manifest: unknown = JSON.parse(text);
  if (typeof manifest !== 'object' || manifest === null) {
    throw new Error('package.json bevat geen object.');
  }
  const fields = manifest as Record<string, unknown>;
  const version = fields['version'];
  if (typeof version !== 'string' || version === '') {
    throw new Error('package.json noemt geen versie.');
  }
  const productName = fields['productName'];
  return {
    name:
      typeof productName === 'string' && productName !== '' ? productName : DEFAULT_PRODUCT_NAME,
    version,
  };
}
