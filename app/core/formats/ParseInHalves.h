#pragma once

#include "model/UsageEvent.h"
#include "support/Result.h"

#include <QByteArray>
#include <QVector>

#include <algorithm>
#include <thread>

namespace UsageFile {

// Parses the records of text[begin, end) on two threads, one half each, when the text is large; the answer is the
// one a single pass from `begin` gives.
//
// `splitAfter(from)` names where the second half may start: just after a line break at or after `from` that ends
// a record, or -1 when there is none. `parseRange(b, e, linesBefore, expected)` parses the records of text[b, e),
// where `linesBefore` line breaks precede b in the file, into a list with room for `expected` rows. When either
// half fails, the whole text is parsed again in one pass, so that a bad file is reported exactly as before: by its
// first bad line. A split that did not fall between two records (after a CSV quote that is never closed, say)
// leaves the first half failing, so it is caught the same way. Below `minBytes`, one pass: starting a thread costs
// more than the half it would parse.
template <typename SplitAfter, typename ParseRange>
Result<QVector<ImportRow>> parseInHalves(const QByteArray& text, qsizetype begin, int linesBefore,
                                         SplitAfter splitAfter, ParseRange parseRange, qsizetype minBytes = 4 << 20)
{
    const qsizetype end = text.size();
    // Every record but a last one ends at a line break: a range holds at most one row more than its breaks.
    const auto lineBreaks = [&text](qsizetype from, qsizetype to) {
        return qsizetype(std::count(text.constData() + from, text.constData() + to, '\n'));
    };
    const qsizetype split = end - begin < minBytes ? -1 : splitAfter(begin + (end - begin) / 2);
    if (split <= begin || split >= end)
        return parseRange(begin, end, linesBefore, lineBreaks(begin, end) + 1);
    const qsizetype firstBreaks = lineBreaks(begin, split);
    const qsizetype secondRows = lineBreaks(split, end) + 1;
    // The first half's list has room for both: its rows stay where they were written (on some machines a page of
    // fresh memory costs more than the row written into it).
    Result<QVector<ImportRow>> first = QVector<ImportRow>();
    std::thread firstHalf([&] { first = parseRange(begin, split, linesBefore, firstBreaks + secondRows); });
    Result<QVector<ImportRow>> second = parseRange(split, end, linesBefore + int(firstBreaks), secondRows);
    firstHalf.join();
    if (!first || !second)
        return parseRange(begin, end, linesBefore, firstBreaks + secondRows);
    QVector<ImportRow> rows = std::move(first).value();
    rows.append(std::move(second).value());
    return rows;
}

} // namespace UsageFile
