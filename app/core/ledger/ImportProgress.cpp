#include "ImportProgress.h"

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
} // namespace

bool report(const Callback& progress, qint64 done, qint64 total)
{
    if (!progress || (done % progressEvery != 0 && done != total))
        return true;
    return progress(done, total);
}

Failure cancelled() { return refused(Words::tr("The import was cancelled; nothing was imported.")); }

} // namespace ImportProgress
