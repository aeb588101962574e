#pragma once

#include <QObject>

#include <atomic>
#include <memory>

class Catalog;
class Ledger;
class QThread;

namespace Ui {

// Opens a ledger on a worker thread, so that the window keeps painting meanwhile: a shared ledger while the server
// answers (the page is built in the same time), or a file that another program holds locked while it must be
// created or upgraded (looked at again until it is free). The open connection is then handed to the window's thread.
// Deleting the opener stops the wait; an attempt under way ends first (a file's within half a second, a server's
// within its connect_timeout).
class LedgerOpener : public QObject
{
    Q_OBJECT

public:
    LedgerOpener(const QString& location, const Catalog& catalog, QObject* parent = nullptr);
    ~LedgerOpener() override;

    // After opened(): the ledger, for the window's thread.
    std::unique_ptr<Ledger> takeLedger();
    // No longer wanted: stops looking again and deletes itself once an attempt under way has ended, without
    // making the window's thread wait for it (this may run inside the opener's own signal).
    void abandon();

signals:
    void opened();
    // It cannot be opened, for a reason other than another program's lock.
    void failed(const QString& message);

private:
    QThread* m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_stop = std::make_shared<std::atomic_bool>(false);
    std::unique_ptr<Ledger> m_ledger;
};

} // namespace Ui
