#include "model/ImportProgress.h"

#include <QCoreApplication>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(UsageBook)
};
} // namespace

namespace ImportProgress {

namespace {
// Often enough for a smooth bar, rarely enough to cost nothing next to the inserts.
constexpr qint64 progressEvery = 8192;

// Where each step begins, in thousandths of the whole import, roughly as a large import spends its time: reading
// the file (parsed, checked and staged as it is read) and moving the rows into the ledger take most of it, the
// totals a good part, the rest little. One entry per Step, in
// order, and the end of the last.
constexpr int shareStarts[] = {0, 450, 500, 850, 900, 960, 1000};

int shareStart(Step step)
{
    return shareStarts[int(step)];
}
int shareEnd(Step step)
{
    return shareStarts[int(step) + 1];
}
} // namespace

QString stepName(Step step)
{
    switch (step) {
    case Step::Reading:
        return Words::tr("Reading the file");
    case Step::Checking:
        return Words::tr("Checking the events");
    case Step::Writing:
        return Words::tr("Writing the events");
    case Step::Indexing:
        return Words::tr("Indexing the events");
    case Step::Totalling:
        return Words::tr("Adding up the totals");
    case Step::Saving:
        return Words::tr("Saving");
    }
    return {};
}

bool report(const Callback& progress, qint64 done, qint64 total)
{
    if (!progress || (done % progressEvery != 0 && done != total))
        return true;
    return progress(done, total);
}

bool begin(const Overall& overall, Step step)
{
    return !overall || overall(step, shareStart(step));
}

void finish(const Overall& overall)
{
    if (overall)
        overall(Step::Saving, 1000);
}

Callback within(const Overall& overall, Step step)
{
    if (!overall)
        return {};
    return [overall, step](qint64 done, qint64 total) {
        const int start = shareStart(step), width = shareEnd(step) - start;
        return overall(step, total > 0 ? start + int(width * done / total) : start);
    };
}

Failure cancelled()
{
    return refused(Words::tr("The import was cancelled; nothing was imported."));
}

} // namespace ImportProgress
