// Mocha 11 takes a reporter module's export itself as the reporter class;
// the TypeScript module (loaded through tsx, required by every .mocharc)
// exports it as `default`.
module.exports = require('./mochaReporter').default;
