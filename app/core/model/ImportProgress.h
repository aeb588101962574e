#pragma once

#include "support/Result.h"

#include <functional>

// How an import tells its progress and learns of a cancel: the whole import in named steps, each with its share
// of the bar, and the row loops inside a step (SQLite's move of the staged rows).
namespace ImportProgress {

// The steps of an import, in the order they run.
enum class Step
{
    Reading,
    Checking,
    Writing,
    Indexing,
    Totalling,
    Saving
};
// The step as the user reads it: "Writing the events".
QString stepName(Step step);

// The whole import: the step under way and how much of the whole import is done, in thousandths; returning false
// cancels the import.
using Overall = std::function<bool(Step step, int permille)>;

// Called with the rows done so far and the total; returning false cancels the import.
using Callback = std::function<bool(qint64 done, qint64 total)>;

// Calls `progress` every few thousand rows and on the last; false means the user cancelled.
bool report(const Callback& progress, qint64 done, qint64 total);
// Tells `overall` that `step` begins; false means the user cancelled.
bool begin(const Overall& overall, Step step);
// Tells `overall` that the import is done (the whole bar).
void finish(const Overall& overall);
// A row loop's callback inside `step`: its rows fill that step's share of the whole.
Callback within(const Overall& overall, Step step);
// The refusal a cancelled import answers.
Failure cancelled();

} // namespace ImportProgress
