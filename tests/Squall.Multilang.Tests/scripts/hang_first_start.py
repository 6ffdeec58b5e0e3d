# The first child (per marker directory, env SQUALL_TEST_MARKER_DIR) never answers the handshake; later
# children start normally and echo to "report".
import os
import time

marker = os.path.join(os.environ["SQUALL_TEST_MARKER_DIR"], "first-start")
try:
    os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    time.sleep(120)
except FileExistsError:
    pass

import storm  # noqa: E402


class Echo(storm.BasicBolt):
    def process(self, tup):
        storm.emit([tup.values[0]], stream="report")


Echo().run()
