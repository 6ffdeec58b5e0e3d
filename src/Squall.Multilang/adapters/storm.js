'use strict';
/**
 * Squall's multilang adapter for Node.js (standard library only).
 *
 * It speaks Apache Storm's multilang protocol (JSON) and offers the API of Storm's storm.js, so existing
 * scripts run unchanged. Components are plain constructor functions, as in storm-starter:
 *
 *   function SplitBolt() { BasicBolt.call(this); }
 *   SplitBolt.prototype = Object.create(BasicBolt.prototype);
 *   SplitBolt.prototype.process = function (tup, done) { ...; done(); };
 *   new SplitBolt().run();
 *
 * (`class SplitBolt extends BasicBolt` works as well.) Bolts implement process(tup, done); spouts
 * nextTuple(done), ack(id, done), fail(id, done), activate(done), deactivate(done); both may implement
 * initialize(conf, context, done). emit({tuple, stream, anchorTupleId (bolts), id (spouts)}, onTaskIds)
 * and emitDirect({..., task}). Heartbeats are answered even while asynchronous work is in flight, and
 * done/emit may be called at any time after a tuple arrived (from timers, callbacks, ...).
 */
var fs = require('fs');
var path = require('path');

var SEPARATOR = '\nend\n';
var LOG_LEVELS = { trace: 0, debug: 1, info: 2, warn: 3, error: 4 };

function Storm() {
  this.buffer = '';
  this.taskIdsCallbacks = [];
  this.isFirstMessage = true;
}

Storm.prototype.sendMsgToParent = function (msg) {
  process.stdout.write(JSON.stringify(msg) + SEPARATOR);
};

Storm.prototype.sync = function () {
  this.sendMsgToParent({ command: 'sync' });
};

Storm.prototype.sendPid = function (heartbeatdir) {
  var pid = process.pid;
  fs.closeSync(fs.openSync(path.join(heartbeatdir, String(pid)), 'w'));
  this.sendMsgToParent({ pid: pid });
};

/** Joins the arguments as Storm's storm.js does (strings as they are, anything else as JSON). */
Storm.prototype.sendToLogging = function (args, level) {
  var parts = Array.prototype.map.call(args, function (arg) {
    return typeof arg === 'string' ? arg : JSON.stringify(arg);
  });
  this.sendMsgToParent({ command: 'log', msg: parts.join(' '), level: level });
};

Storm.prototype.logTrace = function () { this.sendToLogging(arguments, LOG_LEVELS.trace); };
Storm.prototype.logDebug = function () { this.sendToLogging(arguments, LOG_LEVELS.debug); };
Storm.prototype.logInfo = function () { this.sendToLogging(arguments, LOG_LEVELS.info); };
Storm.prototype.logWarn = function () { this.sendToLogging(arguments, LOG_LEVELS.warn); };
Storm.prototype.logError = function () { this.sendToLogging(arguments, LOG_LEVELS.error); };
Storm.prototype.log = Storm.prototype.logInfo;

Storm.prototype.reportError = function (msg) {
  this.sendMsgToParent({ command: 'error', msg: String(msg) });
};

Storm.prototype.rpcMetrics = function (name, params) {
  this.sendMsgToParent({ command: 'metrics', name: name, params: params });
};

/** Override to set up; call done() when ready (the host waits for the handshake until then). */
Storm.prototype.initialize = function (conf, context, done) {
  done();
};

Storm.prototype.run = function () {
  var self = this;
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', function (chunk) { self.handleNewChunk(chunk); });
  // The host closing stdin means shutdown: exit quietly, as the other adapters do.
  process.stdin.on('end', function () { process.exit(0); });
};

Storm.prototype.handleNewChunk = function (chunk) {
  this.buffer += chunk;
  var index;
  while ((index = this.buffer.indexOf(SEPARATOR)) >= 0) {
    var text = this.buffer.substring(0, index);
    this.buffer = this.buffer.substring(index + SEPARATOR.length);
    if (text.trim().length > 0) {
      this.handleNewMessage(JSON.parse(text));
    }
  }
};

Storm.prototype.handleNewMessage = function (msg) {
  if (this.isFirstMessage) {
    this.isFirstMessage = false;
    this.initSetupInfo(msg);
  } else if (Array.isArray(msg)) {
    this.handleNewTaskId(msg);
  } else {
    this.handleNewCommand(msg);
  }
};

Storm.prototype.initSetupInfo = function (setupInfo) {
  var self = this;
  this.initialize(setupInfo.conf, setupInfo.context, function () { self.sendPid(setupInfo.pidDir); });
};

Storm.prototype.handleNewTaskId = function (taskIds) {
  // Replies come in the order of the emits that asked for them.
  var callback = this.taskIdsCallbacks.shift();
  if (!callback) {
    throw new Error('Received task ids nobody asked for: ' + JSON.stringify(taskIds));
  }
  callback(taskIds);
};

/** Emits through the stream's groupings; onTaskIds (optional) receives the tasks it went to. */
Storm.prototype.emit = function (messageDetails, onTaskIds) {
  var needTaskIds = messageDetails.task === undefined && messageDetails.need_task_ids !== false;
  if (needTaskIds) {
    this.taskIdsCallbacks.push(onTaskIds || function () {});
  }
  this.__emit(messageDetails);
};

/** Emits to messageDetails.task, on a stream declared direct; no task ids come back. */
Storm.prototype.emitDirect = function (messageDetails) {
  if (messageDetails.task === undefined) {
    throw new Error('emitDirect needs a task');
  }
  this.__emit(messageDetails);
};

/** Writes an emit; bolts add their anchors, spouts their message id, under idKey (left out when undefined). */
Storm.prototype.sendEmit = function (details, idKey, idValue) {
  var message = { command: 'emit', tuple: details.tuple };
  if (idValue !== undefined) message[idKey] = idValue;
  if (details.stream !== undefined) message.stream = details.stream;
  if (details.task !== undefined) message.task = details.task;
  if (details.need_task_ids === false) message.need_task_ids = false;
  this.sendMsgToParent(message);
};

function Tuple(id, component, stream, task, values) {
  this.id = id;
  this.component = component;
  this.stream = stream;
  this.task = task;
  this.values = values;
}

Tuple.prototype.isTickTuple = function () {
  return this.task === -1 && this.stream === '__tick';
};

Tuple.prototype.isHeartbeatTuple = function () {
  return this.task === -1 && this.stream === '__heartbeat';
};

/** A bolt: implement process(tup, done); done() acks the tuple, done(err) reports err and fails it. */
function BasicBolt() {
  Storm.call(this);
  this.anchorTuple = null;
}

BasicBolt.prototype = Object.create(Storm.prototype);
BasicBolt.prototype.constructor = BasicBolt;

BasicBolt.prototype.process = function (tup, done) {
  done();
};

BasicBolt.prototype.handleNewCommand = function (command) {
  var self = this;
  var tup = new Tuple(command.id, command.comp, command.stream, command.task, command.tuple);
  if (tup.isHeartbeatTuple()) {
    this.sync();
    return;
  }
  this.process(tup, function (err) {
    if (err) {
      self.reportError(err.stack || String(err));
      self.fail(tup, err);
    } else {
      self.ack(tup);
    }
  });
};

BasicBolt.prototype.ack = function (tup) {
  this.sendMsgToParent({ command: 'ack', id: tup.id });
};

BasicBolt.prototype.fail = function (tup) {
  this.sendMsgToParent({ command: 'fail', id: tup.id });
};

BasicBolt.prototype.__emit = function (details) {
  var anchors = details.anchorTupleId;
  if (anchors !== undefined && !Array.isArray(anchors)) anchors = [anchors];
  this.sendEmit(details, 'anchors', anchors);
};

/** A spout: each command's done() tells the host the spout has finished with it (its sync). */
function Spout() {
  Storm.call(this);
}

Spout.prototype = Object.create(Storm.prototype);
Spout.prototype.constructor = Spout;

Spout.prototype.activate = function (done) { done(); };
Spout.prototype.deactivate = function (done) { done(); };
Spout.prototype.nextTuple = function (done) { done(); };
Spout.prototype.ack = function (id, done) { done(); };
Spout.prototype.fail = function (id, done) { done(); };

Spout.prototype.handleNewCommand = function (command) {
  var self = this;
  var done = function () { self.sync(); };
  switch (command.command) {
    case 'next': this.nextTuple(done); break;
    case 'ack': this.ack(command.id, done); break;
    case 'fail': this.fail(command.id, done); break;
    case 'activate': this.activate(done); break;
    case 'deactivate': this.deactivate(done); break;
    default: done();
  }
};

Spout.prototype.__emit = function (details) {
  this.sendEmit(details, 'id', details.id);
};

module.exports = { Storm: Storm, Tuple: Tuple, BasicBolt: BasicBolt, Spout: Spout };
