#pragma once

#include "Result.h"

#include <QObject>

#include <atomic>
#include <memory>

class Catalog;
class QThread;

namespace Ui {

// Waits on a worker thread until a database that another program holds locked can be opened (created or
// upgraded), so that the window keeps painting meanwhile. Deleting it stops the wait within a second.
class DatabaseWaiter : public QObject
{
    Q_OBJECT

public:
    DatabaseWaiter(const QString& databasePath, const Catalog& catalog, QObject* parent = nullptr);
    ~DatabaseWaiter() override;

signals:
    // The database is ready: opening it now does not wait.
    void ready();
    // It cannot be opened, for a reason other than another program's lock.
    void failed(const QString& message);

private:
    QThread* m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_stop = std::make_shared<std::atomic_bool>(false);
};

} // namespace Ui
