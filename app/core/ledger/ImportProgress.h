#pragma once

#include "Result.h"

#include <functional>

// How an import's insert loops (SQLite's C API, PostgreSQL's COPY, the portable path) tell their progress and
// learn of a cancel.
namespace ImportProgress {

// Called with the rows done so far and the total; returning false cancels the import.
using Callback = std::function<bool(qint64 done, qint64 total)>;

// Calls `progress` every few thousand rows and on the last; false means the user cancelled.
bool report(const Callback& progress, qint64 done, qint64 total);
// The refusal a cancelled import answers.
Failure cancelled();

} // namespace ImportProgress
