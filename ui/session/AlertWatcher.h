#pragma once

#include <QHash>
#include <QObject>

namespace Ui {

class Session;

// Watches the install's pool while the window runs and sends a desktop notification the first time each warning
// step (80 %, 90 %, 100 %) is reached in a period: once per step per period, never for a period already over.
class AlertWatcher : public QObject
{
    Q_OBJECT

public:
    explicit AlertWatcher(Session& session, QObject* parent = nullptr);

    // Reads the running period's standing and notifies a step not told yet.
    void check();

private:
    Session& m_session;
    QHash<QString, int> m_told; // period id -> the highest step notified in it
};

} // namespace Ui
