// storm-starter style spout (ES5, Spout.call(this)): emits sentence n (n = 0 .. conf test.sentences - 1) with
// id n, 100 ms after each next (as randomsentence.js), re-emits failed ones, and logs "all <n> sentences
// acked" once every one was acked.
var storm = require('./storm');
var Spout = storm.Spout;

var SENTENCES = [
    "the cow jumped over the moon",
    "an apple a day keeps the doctor away",
    "four score and seven years ago",
    "snow white and the seven dwarfs",
    "i am at two with nature"];

function SentenceSpout() {
    Spout.call(this);
    this.next = 0;
    this.acked = 0;
    this.pending = {};
}

SentenceSpout.prototype = Object.create(Spout.prototype);
SentenceSpout.prototype.constructor = SentenceSpout;

SentenceSpout.prototype.initialize = function (conf, context, done) {
    this.limit = Number(conf['test.sentences'] || 10);
    done();
};

SentenceSpout.prototype.nextTuple = function (done) {
    var self = this;
    if (this.next >= this.limit) {
        done();
        return;
    }
    var id = this.next++;
    var tup = [SENTENCES[id % SENTENCES.length]];
    this.pending[id] = tup;
    setTimeout(function () {
        self.emit({tuple: tup, id: id}, function (taskIds) {});
        done();
    }, 100);
};

SentenceSpout.prototype.ack = function (id, done) {
    delete this.pending[id];
    this.acked++;
    if (this.acked === this.limit) {
        this.log('all ' + this.limit + ' sentences acked');
    }
    done();
};

SentenceSpout.prototype.fail = function (id, done) {
    this.log('failed ' + id);
    this.emit({tuple: this.pending[id], id: id}, function (taskIds) {});
    done();
};

new SentenceSpout().run();
