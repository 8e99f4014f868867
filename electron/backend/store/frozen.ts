// Values a store hands out are read-only by type. Freezing them as well makes any change in place fail loudly;
// for the file store's 100,000 loaded cases that costs some 0.6 s of start-up, so it is done where the tests
// run (DIDAR_FREEZE_LOADED=1). Values committed through a unit of work are always frozen.
import { deepFreeze } from '../../../shared/readonly';

const FREEZE_LOADED = process.env.DIDAR_FREEZE_LOADED === '1';

export const frozenIfChecking = <T>(v: T): T => (FREEZE_LOADED ? (deepFreeze(v) as T) : v);
