import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SECRET_FILE, ServerSecretError, readServerSecret } from './serverSecret.ts';
import { makeTempDir } from './testing/collabTesting.ts';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const noEnv = {};

describe('readServerSecret', () => {
  it('makes a secret file for the owner only on the first start, and reads it after', async () => {
    await expect(readServerSecret(temp.dir, { create: false, env: noEnv })).rejects.toThrow(
      ServerSecretError,
    );
    const created = await readServerSecret(temp.dir, { create: true, env: noEnv });
    expect(created.source).toBe('created');
    expect(created.secret.length).toBeGreaterThanOrEqual(40);
    const file = path.join(temp.dir, SECRET_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(created.secret);

    const again = await readServerSecret(temp.dir, { create: true, env: noEnv });
    expect(again).toEqual({ secret: created.secret, source: 'file', warning: null });
  });

  it('prefers the environment, and refuses short secrets', async () => {
    const env = { RESOLUTIE_SERVER_SECRET: '  een-gedeeld-geheim-van-instanties \n' };
    expect(await readServerSecret(temp.dir, { create: true, env })).toEqual({
      secret: 'een-gedeeld-geheim-van-instanties',
      source: 'environment',
      warning: null,
    });
    await expect(
      readServerSecret(temp.dir, { create: true, env: { RESOLUTIE_SERVER_SECRET: 'kort' } }),
    ).rejects.toThrow(/te kort/);
    writeFileSync(path.join(temp.dir, SECRET_FILE), 'kort\n');
    await expect(readServerSecret(temp.dir, { create: true, env: noEnv })).rejects.toThrow(
      /te kort/,
    );
  });

  it('warns when others can read the secret file', async () => {
    const file = path.join(temp.dir, SECRET_FILE);
    writeFileSync(file, 'een-geheim-dat-lang-genoeg-is\n');
    chmodSync(file, 0o644);
    const read = await readServerSecret(temp.dir, { create: false, env: noEnv });
    expect(read.warning).toContain('chmod 600');
  });
});
