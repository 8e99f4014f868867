import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
const messagesFor = async (filePath: string, code: string): Promise<string[]> =>
  (await eslint.lintText(code, { filePath }))[0]!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);

describe('import rules between layers', () => {
  it('fails a renderer file that imports electron or fs', async () => {
    expect(await messagesFor('renderer/src/Bad.tsx', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n")).toHaveLength(1);
    expect(await messagesFor('renderer/src/Bad.tsx', "import fs from 'node:fs';\nexport const x = fs;\n")).toHaveLength(1);
    expect(await messagesFor('renderer/src/Bad.tsx', "import fs from 'fs';\nexport const x = fs;\n")).toHaveLength(1);
    expect(await messagesFor('renderer/src/Bad.tsx', "import { openBackend } from '../../electron/backend';\nexport const x = openBackend;\n")).toHaveLength(1);
  });
  it('fails shared code that imports Node, React or storage', async () => {
    for (const m of ['node:path', 'react', 'lowdb']) {
      expect(await messagesFor('shared/bad.ts', `import x from '${m}';\nexport const y = x;\n`), m).toHaveLength(1);
    }
  });
  it('fails the backend importing electron, and lets main do it', async () => {
    expect(await messagesFor('electron/backend/bad.ts', "import { app } from 'electron';\nexport const x = app;\n")).toHaveLength(1);
    expect(await messagesFor('electron/web/bad.ts', "import { app } from 'electron';\nexport const x = app;\n")).toHaveLength(1);
    expect(await messagesFor('electron/main/ok.ts', "import { app } from 'electron';\nexport const x = app;\n")).toHaveLength(0);
  });
  it('lets the renderer import shared code', async () => {
    expect(await messagesFor('renderer/src/Ok.tsx', "import { fa } from '../../shared/persian-text';\nexport const x = fa;\n")).toHaveLength(0);
  });
});
