# Takes a while before answering the handshake (as a heavy import would), then echoes.
import time

time.sleep(1.5)

import storm  # noqa: E402


class Echo(storm.BasicBolt):
    def process(self, tup):
        storm.emit([tup.values[0]], stream="report")


Echo().run()
