#pragma once

#include "model/Usage.h"

#include <QHash>
#include <QObject>

namespace Ui {

// Watches the install's pool while the window runs and sends a desktop notification the first time each warning
// step (80 %, 90 %, 100 %) is reached in a period: once per step per period, never for a period already over.
class AlertWatcher : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Notifies a step of the install's running period (`install`, from the page's state) not told yet.
    void check(const UsageReport& install);

private:
    QHash<QString, int> m_told; // period id -> the highest step notified in it
};

} // namespace Ui
