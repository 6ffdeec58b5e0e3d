// storm-starter style asynchronous split (ES5): each sentence is split later, from a timer, and acked then.
// Delay: conf test.async.delay.ms (default 1000).
var storm = require('./storm');
var BasicBolt = storm.BasicBolt;

function AsyncSplitBolt() {
    BasicBolt.call(this);
}

AsyncSplitBolt.prototype = Object.create(BasicBolt.prototype);
AsyncSplitBolt.prototype.constructor = AsyncSplitBolt;

AsyncSplitBolt.prototype.initialize = function (conf, context, done) {
    this.delay = Number(conf['test.async.delay.ms'] || 1000);
    done();
};

AsyncSplitBolt.prototype.process = function (tup, done) {
    var self = this;
    setTimeout(function () {
        tup.values[0].split(' ').forEach(function (word) {
            self.emit({tuple: [word], anchorTupleId: tup.id}, function (taskIds) {});
        });
        done();
    }, this.delay);
};

new AsyncSplitBolt().run();
