// Stands in for signal-exit in the bundle (see bundle.mjs): proper-lockfile's only use of it is an
// exit hook that rmdir()s the lock directories still held, and ippool's lock directory always
// holds its owner record, so that rmdir fails and the hook never removes anything. Loading
// signal-exit costs node:assert, process.stderr and the stream modules and a handler on every
// signal: 11 ms of each Node exec, measured. A holder that dies is recognised by that owner
// record (src/store/disk/lock.ts), not by an exit hook.
module.exports = () => () => {};
