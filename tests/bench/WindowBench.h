#pragma once

#include <QString>

#include <vector>

// Milliseconds from asking for the window on `databasePath` to the first paint of its page, `runs` times, with
// the clock fixed at `now`. Needs a QApplication.
std::vector<double> timeToFirstPaint(const QString& databasePath, qint64 now, int runs);
