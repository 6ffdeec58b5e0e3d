'use strict';
/**
 * Squall's multilang adapter for Node.js (standard library only).
 *
 * It speaks Apache Storm's multilang protocol (JSON) and offers the API of Storm's storm.js, so
 * existing scripts run unchanged: extend BasicBolt (process(tup, done)) or Spout (nextTuple(done),
 * ack(id, done), fail(id, done)), optionally initialize(conf, context, done), then run().
 * Emits take { tuple, stream, task, anchorTupleId (bolts), id (spouts) } and an optional callback
 * receiving the task ids. Heartbeats are answered even while asynchronous work is in flight.
 */
const fs = require('fs');
const path = require('path');

const SEPARATOR = '\nend\n';
const LOG_LEVELS = { trace: 0, debug: 1, info: 2, warn: 3, error: 4 };

class Storm {
  constructor() {
    this.buffer = '';
    this.taskIdsCallbacks = [];
    this.isFirstMessage = true;
  }

  sendMsgToParent(msg) {
    process.stdout.write(JSON.stringify(msg) + SEPARATOR);
  }

  sync() {
    this.sendMsgToParent({ command: 'sync' });
  }

  sendPid(heartbeatdir) {
    const pid = process.pid;
    fs.closeSync(fs.openSync(path.join(heartbeatdir, String(pid)), 'w'));
    this.sendMsgToParent({ pid: pid });
  }

  log(msg, level) {
    this.sendMsgToParent({ command: 'log', msg: String(msg), level: level === undefined ? LOG_LEVELS.info : level });
  }

  logTrace(msg) { this.log(msg, LOG_LEVELS.trace); }
  logDebug(msg) { this.log(msg, LOG_LEVELS.debug); }
  logInfo(msg) { this.log(msg, LOG_LEVELS.info); }
  logWarn(msg) { this.log(msg, LOG_LEVELS.warn); }
  logError(msg) { this.log(msg, LOG_LEVELS.error); }

  reportError(msg) {
    this.sendMsgToParent({ command: 'error', msg: String(msg) });
  }

  rpcMetrics(name, params) {
    this.sendMsgToParent({ command: 'metrics', name: name, params: params });
  }

  /** Override to set up; call done() when ready (the host waits for the pid reply until then). */
  initialize(conf, context, done) {
    done();
  }

  run() {
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => this.handleNewChunk(chunk));
    // The host closing stdin means shutdown: exit quietly, as the other adapters do.
    process.stdin.on('end', () => process.exit(0));
  }

  handleNewChunk(chunk) {
    this.buffer += chunk;
    let index;
    while ((index = this.buffer.indexOf(SEPARATOR)) >= 0) {
      const text = this.buffer.substring(0, index);
      this.buffer = this.buffer.substring(index + SEPARATOR.length);
      if (text.trim().length > 0) {
        this.handleNewMessage(JSON.parse(text));
      }
    }
  }

  handleNewMessage(msg) {
    if (this.isFirstMessage) {
      this.isFirstMessage = false;
      this.initSetupInfo(msg);
    } else if (Array.isArray(msg)) {
      this.handleNewTaskId(msg);
    } else {
      this.handleNewCommand(msg);
    }
  }

  initSetupInfo(setupInfo) {
    this.initialize(setupInfo.conf, setupInfo.context, () => this.sendPid(setupInfo.pidDir));
  }

  handleNewTaskId(taskIds) {
    // Replies come in the order of the emits that asked for them.
    const callback = this.taskIdsCallbacks.shift();
    if (!callback) {
      throw new Error('Received task ids nobody asked for: ' + JSON.stringify(taskIds));
    }
    callback(taskIds);
  }

  emit(messageDetails, onTaskIds) {
    const needTaskIds = messageDetails.task === undefined && messageDetails.need_task_ids !== false;
    if (needTaskIds) {
      this.taskIdsCallbacks.push(onTaskIds || (() => {}));
    }
    this.__emit(messageDetails);
  }

  /** Writes an emit; bolts add their anchors, spouts their message id, under idKey (left out when undefined). */
  sendEmit(commandDetails, idKey, idValue) {
    const message = { command: 'emit', tuple: commandDetails.tuple };
    if (idValue !== undefined) message[idKey] = idValue;
    if (commandDetails.stream !== undefined) message.stream = commandDetails.stream;
    if (commandDetails.task !== undefined) message.task = commandDetails.task;
    if (commandDetails.need_task_ids === false) message.need_task_ids = false;
    this.sendMsgToParent(message);
  }

  emitDirect(commandDetails) {
    if (commandDetails.task === undefined) {
      throw new Error('emitDirect needs a task');
    }
    this.__emit(commandDetails);
  }
}

class Tuple {
  constructor(id, component, stream, task, values) {
    this.id = id;
    this.component = component;
    this.stream = stream;
    this.task = task;
    this.values = values;
  }

  isTickTuple() {
    return this.task === -1 && this.stream === '__tick';
  }

  isHeartbeatTuple() {
    return this.task === -1 && this.stream === '__heartbeat';
  }
}

class BasicBolt extends Storm {
  process(tup, done) {
    done();
  }

  handleNewCommand(command) {
    const tup = new Tuple(command.id, command.comp, command.stream, command.task, command.tuple);
    if (tup.isHeartbeatTuple()) {
      this.sync();
      return;
    }
    this.process(tup, (err) => {
      if (err) {
        this.reportError(err.stack || String(err));
        this.fail(tup);
      } else {
        this.ack(tup);
      }
    });
  }

  ack(tup) {
    this.sendMsgToParent({ command: 'ack', id: tup.id });
  }

  fail(tup) {
    this.sendMsgToParent({ command: 'fail', id: tup.id });
  }

  __emit(commandDetails) {
    this.sendEmit(commandDetails, 'anchors', commandDetails.anchorTupleId);
  }
}

class Spout extends Storm {
  activate(done) { done(); }
  deactivate(done) { done(); }
  nextTuple(done) { done(); }
  ack(id, done) { done(); }
  fail(id, done) { done(); }

  handleNewCommand(command) {
    const done = () => this.sync();
    switch (command.command) {
      case 'next': this.nextTuple(done); break;
      case 'ack': this.ack(command.id, done); break;
      case 'fail': this.fail(command.id, done); break;
      case 'activate': this.activate(done); break;
      case 'deactivate': this.deactivate(done); break;
      default: done();
    }
  }

  __emit(commandDetails) {
    this.sendEmit(commandDetails, 'id', commandDetails.id);
  }
}

module.exports = { Storm, Tuple, BasicBolt, Spout };
