// Emits sentences with message ids; a failed sentence is emitted again, so every sentence is counted.
// With conf "sentences.limit" set it stops after that many sentences (0 or absent: runs forever).
const storm = require('./storm.js');

const SENTENCES = [
  'the cow jumped over the moon',
  'an apple a day keeps the doctor away',
  'four score and seven years ago',
  'snow white and the seven dwarfs',
  'i am at two with nature',
];

class SentenceSpout extends storm.Spout {
  initialize(conf, context, done) {
    this.limit = Number(conf['sentences.limit'] || 0);
    this.emitted = 0;
    this.pending = new Map();
    this.replay = [];
    done();
  }

  nextTuple(done) {
    let id;
    let sentence;
    if (this.replay.length > 0) {
      id = this.replay.shift();
      sentence = this.pending.get(id);
    } else if (this.limit === 0 || this.emitted < this.limit) {
      id = this.emitted++;
      sentence = SENTENCES[id % SENTENCES.length];
      this.pending.set(id, sentence);
    } else {
      done();
      return;
    }
    this.emit({ tuple: [sentence], id: id, need_task_ids: false });
    done();
  }

  ack(id, done) {
    this.pending.delete(id);
    if (this.limit > 0 && this.pending.size === 0 && this.emitted === this.limit) {
      this.log('all ' + this.limit + ' sentences acked');
    }
    done();
  }

  fail(id, done) {
    this.replay.push(id);
    done();
  }
}

new SentenceSpout().run();
