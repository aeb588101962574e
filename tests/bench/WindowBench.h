#pragma once

#include <QString>

#include <utility>
#include <vector>

// Milliseconds from asking for the window on `databasePath` to the first paint of its page, `runs` times, with
// the clock fixed at `now`. Needs a QApplication.
std::vector<double> timeToFirstPaint(const QString& databasePath, qint64 now, int runs);

// The windows on two ledgers opened in turn, `rounds` times each, so that the machine's drifting load weighs on
// both alike; answers each one's samples, or nothing when a window did not open its ledger.
std::pair<std::vector<double>, std::vector<double>> timeToFirstPaintInTurn(const QString& first, const QString& second,
                                                                           qint64 now, int rounds);
