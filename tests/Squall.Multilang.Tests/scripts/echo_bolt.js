// Echoes every input to "report" (anchored), reports task ids for "cmd:ids <word>"; optionally delays its handshake.
const storm = require('./storm.js');

class EchoBolt extends storm.BasicBolt {
  initialize(conf, context, done) {
    const delay = Number(process.env.HANDSHAKE_DELAY_MS || 0);
    setTimeout(done, delay);
  }

  process(tup, done) {
    const value = tup.values[0];
    if (typeof value === 'string' && value.startsWith('cmd:ids ')) {
      this.emit({ tuple: [value.substring(8)], anchorTupleId: tup.id }, (taskIds) => {
        this.emit({ tuple: [taskIds], stream: 'report', anchorTupleId: tup.id });
        done();
      });
      return;
    }
    this.emit({ tuple: [value], stream: 'report', anchorTupleId: tup.id });
    done();
  }
}

new EchoBolt().run();
