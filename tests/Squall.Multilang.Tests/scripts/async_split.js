// Splits each sentence later, from a timer (as storm-starter's asyncSplitsentence.js does), so the child holds
// many tuples at once and emits and acks them long after it received them. Delay: conf test.async.delay.ms.
const storm = require('./storm.js');

class AsyncSplit extends storm.BasicBolt {
  initialize(conf, context, done) {
    this.delay = Number(conf['test.async.delay.ms'] || 1000);
    done();
  }

  process(tup, done) {
    setTimeout(() => {
      tup.values[0].split(' ').forEach((word) => {
        this.emit({ tuple: [word], anchorTupleId: tup.id }, () => {});
      });
      done();
    }, this.delay);
  }
}

new AsyncSplit().run();
