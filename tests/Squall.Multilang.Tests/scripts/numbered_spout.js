// Emits "sentence <n>" with integer ids; logs acks and fails so tests can observe them.
const storm = require('./storm.js');

class SentenceSpout extends storm.Spout {
  initialize(conf, context, done) {
    this.next = 0;
    this.limit = Number(conf['test.sentences'] || 3);
    done();
  }

  nextTuple(done) {
    if (this.next < this.limit) {
      const id = this.next++;
      this.emit({ tuple: ['sentence ' + id], id: id }, (taskIds) => {
        this.log('task ids ' + JSON.stringify(taskIds));
        done();
      });
    } else {
      done();
    }
  }

  ack(id, done) {
    this.log('acked ' + JSON.stringify(id));
    done();
  }

  fail(id, done) {
    this.log('failed ' + JSON.stringify(id));
    done();
  }
}

new SentenceSpout().run();
