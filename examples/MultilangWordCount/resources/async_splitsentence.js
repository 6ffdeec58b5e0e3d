// Splits each sentence later, from a timer, as storm-starter's asyncSplitsentence.js does: the child holds
// many sentences at once and acks each when its timer fires (done()). Written the storm-starter way, with an
// ES5 constructor calling BasicBolt.call(this).
var storm = require('./storm');
var BasicBolt = storm.BasicBolt;

function AsyncSplitSentenceBolt() {
    BasicBolt.call(this);
}

AsyncSplitSentenceBolt.prototype = Object.create(BasicBolt.prototype);
AsyncSplitSentenceBolt.prototype.constructor = AsyncSplitSentenceBolt;

AsyncSplitSentenceBolt.prototype.process = function (tup, done) {
    var self = this;
    setTimeout(function () {
        tup.values[0].split(' ').forEach(function (word) {
            self.emit({tuple: [word], anchorTupleId: tup.id, need_task_ids: false});
        });
        done();
    }, 50);
};

new AsyncSplitSentenceBolt().run();
