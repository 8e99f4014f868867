// The one version number of Didar: package.json's (bundled into the app, read as is by the CLI).
import pkg from '../../package.json' with { type: 'json' };

export const APP_VERSION: string = pkg.version;
