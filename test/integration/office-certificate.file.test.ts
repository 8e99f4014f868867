// Server mode with the office's own certificate: the administrator installs a certificate and its key; the
// server uses it from its next start. A pair that does not belong together, or another role, changes nothing.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, serverCertificate } from '../../electron/backend/server/certificate';
import { openForTest, send, tempDir } from '../helpers/backend';
import { OFFICE_CERTIFICATE, signedIn } from '../helpers/calls';

describe('the office\'s own certificate', () => {
  it('is installed by the administrator and used from the next start; a wrong pair or another role changes nothing', async () => {
    const b = await openForTest(await tempDir());
    const generated = await serverCertificate(b.dataDir, ['localhost']);
    expect(generated.source).toBe('generated');
    const tls = path.join(b.dataDir, 'tls');
    const before = (await fs.readdir(tls)).sort();

    // a key of another certificate
    const bad = await send(b, 'server/installCertificate', { cert: OFFICE_CERTIFICATE.cert, key: generated.key });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('با هم نمی‌خوانند');
    // not a certificate at all
    const junk = await send(b, 'server/installCertificate', { cert: 'not a certificate', key: OFFICE_CERTIFICATE.key });
    expect(junk.ok).toBe(false);
    // a clerk may not
    const clerk = await (await signedIn(b, 'clerk.one', ['clerk'])).call('server/installCertificate', OFFICE_CERTIFICATE);
    expect(clerk.ok).toBe(false);
    if (!clerk.ok) expect(clerk.error.code).toBe('forbidden');
    expect((await fs.readdir(tls)).sort()).toEqual(before);

    const done = await send(b, 'server/installCertificate', OFFICE_CERTIFICATE);
    expect(done.ok).toBe(true);
    if (done.ok) expect(done.value.fingerprint).toBe(fingerprintOf(OFFICE_CERTIFICATE.cert));
    const used = await serverCertificate(b.dataDir, ['localhost']);
    expect(used).toMatchObject({ source: 'office', fingerprint: fingerprintOf(OFFICE_CERTIFICATE.cert) });
    expect((await fs.stat(path.join(tls, 'office-key.pem'))).mode & 0o777).toBe(0o600);
  });
});
