// The desktop app's choice of what this PC is: the server's address and fingerprint as a clerk types them.
import { describe, expect, it } from 'vitest';
import { desktopModeFrom, DesktopModeSchema, normalFingerprint, sameFingerprint, serverOrigin } from '../../shared/desktop-mode';
import { msg } from '../../shared/messages';

const F = 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89';

describe('server address', () => {
  it('takes what a clerk types and makes it the https origin, port 8443 unless given', () => {
    expect(serverOrigin('192.168.1.10')).toEqual({ origin: 'https://192.168.1.10:8443' });
    expect(serverOrigin(' ۱۹۲.۱۶۸.۱.۱۰:۹۴۴۳ ')).toEqual({ origin: 'https://192.168.1.10:9443' });
    expect(serverOrigin('https://Didar-Server/')).toEqual({ origin: 'https://didar-server:8443' });
    expect(serverOrigin('https://didar-server:8443')).toEqual({ origin: 'https://didar-server:8443' });
    expect(serverOrigin('[fd00::10]:8443')).toEqual({ origin: 'https://[fd00::10]:8443' });
  });
  it('refuses plain HTTP, another page, credentials and what is not an address, in Persian', () => {
    expect(serverOrigin('http://192.168.1.10:8443')).toEqual({ error: msg.serverAddressNotHttps });
    expect(serverOrigin('')).toEqual({ error: msg.serverAddressMissing });
    for (const bad of ['https://192.168.1.10/api/x', 'https://u:p@host', 'ftp://host', 'نشانی سرور', 'https://']) {
      expect(serverOrigin(bad), bad).toEqual({ error: msg.serverAddressInvalid });
    }
  });
});

describe('fingerprint', () => {
  it('accepts it as shown, without colons, in lower case or with spaces and Persian digits', () => {
    expect(normalFingerprint(F)).toBe(F);
    expect(normalFingerprint(F.replace(/:/g, '').toLowerCase())).toBe(F);
    expect(normalFingerprint(F.replace(/:/g, ' ').replace(/0/g, '۰').replace(/1/g, '۱'))).toBe(F);
    expect(sameFingerprint(F.toLowerCase(), F)).toBe(true);
  });
  it('refuses a short, long or non-hex one, and two different ones are not the same', () => {
    expect(normalFingerprint(F.slice(0, -3))).toBeNull();
    expect(normalFingerprint(`${F}:00`)).toBeNull();
    expect(normalFingerprint(F.replace('AB', 'GZ'))).toBeNull();
    expect(sameFingerprint(F.replace(/^AB/, 'AC'), F)).toBe(false);
    expect(sameFingerprint('', '')).toBe(false); // nothing pinned trusts nothing
  });
});

describe('the settings form', () => {
  const form = { mode: 'client' as const, port: '', address: '192.168.1.10', fingerprint: F.toLowerCase() };
  it('gives the mode to store, checked by its schema', () => {
    const r = desktopModeFrom(form);
    expect(r).toEqual({ ok: true, value: { mode: 'client', address: 'https://192.168.1.10:8443', fingerprint: F } });
    expect(DesktopModeSchema.parse(r.ok && r.value)).toEqual(r.ok && r.value);
    expect(desktopModeFrom({ ...form, mode: 'server' })).toEqual({ ok: true, value: { mode: 'server', port: 8443 } });
    expect(desktopModeFrom({ ...form, mode: 'server', port: '۹۴۴۳' })).toEqual({ ok: true, value: { mode: 'server', port: 9443 } });
    expect(desktopModeFrom({ ...form, mode: 'local' })).toEqual({ ok: true, value: { mode: 'local' } });
  });
  it('says per field what is wrong', () => {
    expect(desktopModeFrom({ ...form, address: 'http://x', fingerprint: 'AB' })).toEqual({ ok: false, fields: { address: msg.serverAddressNotHttps, fingerprint: msg.fingerprintInvalid } });
    expect(desktopModeFrom({ ...form, mode: 'server', port: '70000' })).toEqual({ ok: false, fields: { port: msg.serverPortInvalid } });
  });
});
