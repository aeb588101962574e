#pragma once

#include "BenchSupport.h"

// `writers` ai-settings record --stdin processes at once on one ledger, each recording `perWriter` events, as
// servers recording their AI actions would: one at a time (the next as soon as the answer arrives), or
// `pipelined`, every event sent at once and the answers read as they come.
struct StreamResult
{
    double eventsPerSecond = 0; // all writers together
    Bench::Stats latency;       // per event, from writing its line to reading its answer
    int failures = 0;           // answers that were not "ok"
    qint64 largestLog = -1;     // SQLite: the write-ahead log's largest size seen, in bytes
};

StreamResult recordStream(const QString& location, int writers, int perWriter, int tenants, bool pipelined,
                          int firstEvent);
