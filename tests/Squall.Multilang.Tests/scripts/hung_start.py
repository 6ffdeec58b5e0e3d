# Takes far longer than any test timeout to answer the handshake (a child that hangs at start-up).
import time

time.sleep(10)

import storm  # noqa: E402


class Echo(storm.BasicBolt):
    def process(self, tup):
        storm.emit([tup.values[0]], stream="report")


Echo().run()
