# Takes 3 s before answering the handshake (a heavy import, a slow interpreter on a loaded machine), then echoes.
import time

time.sleep(3)

import storm  # noqa: E402


class Echo(storm.BasicBolt):
    def process(self, tup):
        storm.emit([tup.values[0]], stream="report")


Echo().run()
